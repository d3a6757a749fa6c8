#!/usr/bin/env bash
# starts-servers (run one at a time: fixed loopback ports)
# The generated DNS artifacts on a real BIND, for every shipped example:
#   1. named-checkzone accepts every zone file, named-checkconf -z a named.conf built around the
#      generated fragment;
#   2. two named instances serve the fragment (one whose clients match the internal view, one
#      the external view) and dig proves every record of records.json answers as planned;
#   3. `lynctopo verify dns` finds no drift against them (records.json and topology as input);
#   4. a drifted copy (one record removed, one changed) is reported exactly, exit 2.
set -euo pipefail

for tool in named named-checkzone named-checkconf dig python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool is not installed (Debian: bind9 bind9-utils bind9-dnsutils) (scripts/install-deps --with-test-tools)"
    exit 1
  fi
done

work="$WORK_DIR/dns_bind"
rm -rf "$work"
mkdir -p "$work"

source "$(dirname "$0")/dns_lib.bash"
trap stop_named EXIT

# dig every planned (name, type) of a view and compare the answer set exactly.
prove_with_dig() {
  local records=$1 view=$2 port=$3
  python3 - "$records" "$view" "$port" <<'PY'
import collections, ipaddress, json, subprocess, sys
records, view, port = sys.argv[1], sys.argv[2], sys.argv[3]
planned = collections.defaultdict(set)
for r in json.load(open(records))["records"]:
    if r["view"] != view:
        continue
    value = r["value"].lower()
    if r["type"] in ("A", "AAAA"):
        value = str(ipaddress.ip_address(value))
    if r["type"] == "SRV":
        value = f'{r["priority"]} {r["weight"]} {r["port"]} {value}'
    planned[(r["name"], r["type"])].add(value)
bad = 0
for (name, rtype), want in sorted(planned.items()):
    out = subprocess.run(["dig", "+short", "+norecurse", "+time=2", "+tries=2", "-p", port,
                          "@127.0.0.1", name, rtype], capture_output=True, text=True, check=True)
    have = set()
    for line in out.stdout.split("\n"):
        line = line.strip().lower().rstrip(".")
        if not line:
            continue
        if rtype in ("A", "AAAA"):
            try:
                line = str(ipaddress.ip_address(line))
            except ValueError:
                continue  # a CNAME in the chain, not an answer of this type
        have.add(line)
    if have != want:
        bad += 1
        print(f"FAIL: {view} {name} {rtype}: planned {sorted(want)}, BIND answers {sorted(have)}")
print(f"{view}: {len(planned)} planned (name, type) pairs answered as planned"
      if not bad else f"{view}: {bad} of {len(planned)} differ")
sys.exit(1 if bad else 0)
PY
}

# Facts BIND must serve for examples/enterprise.json, stated here from the Lync DNS worked
# examples (scaled consolidated Edge behind NAT with DNS load balancing: two addresses per Edge
# service name; every published name at the reverse proxy listener; the sign-in and federation
# SRVs; Director pool names inside) and the example's own addresses, never from records.json.
# One line per (view, name, type): the exact answer set, values separated by '|'.
ENTERPRISE_FACTS='
external sip.contoso.com A 131.107.155.10|131.107.155.11
external webconf.contoso.com A 131.107.155.20|131.107.155.21
external av.contoso.com A 131.107.155.30|131.107.155.31
external sip.fabrikam.com A 131.107.155.10|131.107.155.11
external _sip._tls.contoso.com SRV 0 0 443 sip.contoso.com
external _sipfederationtls._tcp.contoso.com SRV 0 0 5061 sip.contoso.com
external _sip._tls.fabrikam.com SRV 0 0 443 sip.fabrikam.com
external _sipfederationtls._tcp.fabrikam.com SRV 0 0 5061 sip.fabrikam.com
external lyncdiscover.contoso.com A 131.107.155.40
external lyncdiscover.fabrikam.com A 131.107.155.40
external meet.contoso.com A 131.107.155.40
external meet.fabrikam.com A 131.107.155.40
external dialin.contoso.com A 131.107.155.40
external webext01.contoso.com A 131.107.155.40
external dirext.contoso.com A 131.107.155.40
external webext02.contoso.com A 198.51.100.40
external admin.contoso.com A
external lyncdiscoverinternal.contoso.com A
internal lyncdiscover.contoso.com A
internal _sipinternaltls._tcp.contoso.com SRV 0 0 5061 sip.contoso.com
internal _sipinternaltls._tcp.fabrikam.com SRV 0 0 5061 sip.fabrikam.com
internal sip.contoso.com A 10.0.1.10
internal dirpool.contoso.local A 10.0.1.10
internal edgepool.contoso.local A 172.25.33.10|172.25.33.11
internal pool01.contoso.local A 10.0.0.10
internal fe01.contoso.local A 10.0.0.21
internal meet.contoso.com A 10.0.1.11
internal dialin.contoso.com A 10.0.1.11
internal admin.contoso.com A 10.0.1.11
'
prove_facts() {  # facts view port
  python3 - "$1" "$2" "$3" <<'PY'
import ipaddress, subprocess, sys
facts, view, port = sys.argv[1], sys.argv[2], sys.argv[3]
bad = checked = 0
for line in facts.strip().split("\n"):
    fview, name, rtype, *rest = line.split(" ", 3)
    if fview != view:
        continue
    want = {v.strip().lower() for v in rest[0].split("|")} if rest and rest[0].strip() else set()
    out = subprocess.run(["dig", "+short", "+norecurse", "+time=2", "+tries=2", "-p", port,
                          "@127.0.0.1", name, rtype], capture_output=True, text=True, check=True)
    have = {l.strip().lower().rstrip(".") for l in out.stdout.split("\n") if l.strip()}
    checked += 1
    if have != want:
        bad += 1
        print(f"FAIL: {view} {name} {rtype}: the worked examples require {sorted(want)}, BIND answers {sorted(have)}")
print(f"{view}: {checked} worked-example facts, {bad} wrong")
sys.exit(1 if bad else 0)
PY
}

expect_exit() {
  local want=$1
  shift
  local got=0
  "$@" >"$work/last.out" 2>"$work/last.err" || got=$?
  if [[ $got -ne $want ]]; then
    cat "$work/last.out" "$work/last.err"
    echo "FAIL: expected exit $want, got $got: $*"
    exit 1
  fi
}

examples=("$SOURCE_DIR"/examples/*.json)
[[ -e "${examples[0]}" ]] || { echo "FAIL: no examples/*.json (scripts/install-deps --with-test-tools)"; exit 1; }

for example in "${examples[@]}"; do
  name=$(basename "$example" .json)
  out="$work/$name"
  "$LYNCTOPO" generate "$example" --out "$out" --only dns \
    >"$work/$name-generate.log" 2>&1 || {
    cat "$work/$name-generate.log"
    echo "FAIL: generate $name"
    exit 1
  }
  dns="$out/dns"
  zones=0
  for file in "$dns"/internal/*.zone "$dns"/external/*.zone; do
    [[ -f "$file" ]] || continue
    zone=$(basename "$file" .zone)
    if ! named-checkzone -k fail -n fail -i full "$zone" "$file" >"$work/checkzone.log" 2>&1; then
      cat "$work/checkzone.log"
      echo "FAIL: named-checkzone rejects $file"
      exit 1
    fi
    zones=$((zones + 1))
  done
  [[ $zones -gt 0 ]] || { echo "FAIL: $name produced no zone file"; exit 1; }

  port_internal=$(free_port)
  start_named "$name-internal" "$dns" any none "$port_internal"
  port_external=$(free_port)
  start_named "$name-external" "$dns" none any "$port_external"

  prove_with_dig "$dns/records.json" internal "$port_internal"
  prove_with_dig "$dns/records.json" external "$port_external"
  if [[ $name == enterprise ]]; then
    prove_facts "$ENTERPRISE_FACTS" internal "$port_internal" || exit 1
    prove_facts "$ENTERPRISE_FACTS" external "$port_external" || exit 1
  fi

  expect_exit 0 "$LYNCTOPO" verify dns "$dns/records.json" --server "127.0.0.1:$port_internal" \
    --view internal
  grep -q '^0 missing, 0 different, 0 extra: no drift\.$' "$work/last.out" ||
    { cat "$work/last.out"; echo "FAIL: clean internal verify"; exit 1; }
  expect_exit 0 "$LYNCTOPO" verify dns "$dns/records.json" --server "127.0.0.1:$port_external" \
    --view external --format json
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format_version"]==1 and d["changes"]==[] and d["checked"]>0, d' "$work/last.out"
  # The topology itself as input derives the same records.
  expect_exit 0 "$LYNCTOPO" verify dns "$example" --server "127.0.0.1:$port_external" \
    --view external
  # Asking the server of the other view: internal-only zones are refused there, an error
  # (exit 1) that says so, never a clean result.
  expect_exit 1 "$LYNCTOPO" verify dns "$dns/records.json" --server "127.0.0.1:$port_external" \
    --view internal --retries 0
  grep -q 'REFUSED (is the zone served in this view?)' "$work/last.err" ||
    { cat "$work/last.err"; echo "FAIL: wrong-view verify"; exit 1; }
  echo "$name: $zones zones checked, BIND answers every planned record, verify dns is clean"
  stop_named
done

# Drift: on a copy of the enterprise external zones, remove one A record and change another.
drift="$work/drift"
cp -r "$work/enterprise/dns" "$drift"
python3 "$SOURCE_DIR/tests/integration/drift_zone.py" "$drift" >"$work/drift.json"
expected=$(python3 - "$work/drift.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
removed, changed = d["removed"], d["changed"]
# verify sorts by name: write the two expected lines in that order.
out = {removed["name"]: f'  + {removed["name"]} A {removed["value"]}',
       changed["name"]: f'  ~ {changed["name"]} A {d["new_value"]} -> {changed["value"]}'}
print("\n".join(out[k] for k in sorted(out)))
PY
)
port_drift=$(free_port)
start_named drift-external "$drift" none any "$port_drift"
expect_exit 2 "$LYNCTOPO" verify dns "$work/enterprise/dns/records.json" \
  --server "127.0.0.1:$port_drift" --view external
actual=$(grep -E '^  [-+~] [^ ]+ (A|AAAA|CNAME|SRV) ' "$work/last.out")
if [[ "$actual" != "$expected" ]]; then
  cat "$work/last.out"
  echo "FAIL: drift report differs; expected:"
  echo "$expected"
  exit 1
fi
grep -q '^1 missing, 1 different, 0 extra\.$' "$work/last.out" ||
  { cat "$work/last.out"; echo "FAIL: drift summary"; exit 1; }
expect_exit 2 "$LYNCTOPO" verify dns "$work/enterprise/dns/records.json" \
  --server "127.0.0.1:$port_drift" --view external --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]=={"missing":1,"different":1,"extra":0}, d' "$work/last.out"
echo "drift reported exactly:"
echo "$expected"
