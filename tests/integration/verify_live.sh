#!/usr/bin/env bash
# starts-servers (run one at a time: fixed loopback ports)
# `lynctopo verify FILE` against real servers started here: two named (internal and external
# views of the generated zones, dns_lib.bash) and nginx with test certificates and echo
# backends (proxy_lib.bash). A clean deployment is exit 0 / "No changes."; a drifted external
# zone (one record removed, one changed) is exit 2 with exactly those two dns-record changes,
# in text and JSON.
PRODUCT=nginx
EXAMPLE=${EXAMPLE:-$SOURCE_DIR/examples/small-business.json}
for tool in named named-checkconf dig; do
  command -v "$tool" >/dev/null 2>&1 ||
    { echo "FAIL: $tool is not installed (Debian: bind9 bind9-utils bind9-dnsutils) (scripts/install-deps --with-test-tools)"; exit 1; }
done
source "$(dirname "$0")/proxy_lib.bash"  # nginx fixtures; defines fail, cleanup, PIDS, TMP
work=$TMP
source "$(dirname "$0")/dns_lib.bash"
trap 'stop_named; cleanup' EXIT

# nginx from the generated configuration (as proxy_nginx.sh starts it).
CONF=$DIR/nginx.conf
GLOBALS="daemon off; pid $TMP/run/nginx.pid; error_log stderr;"
if [ "$(id -u)" = 0 ]; then GLOBALS="$GLOBALS user root;"; fi
nginx -t -p "$TMP/run" -c "$CONF" -g "$GLOBALS" >"$TMP/nginx-t.log" 2>&1 ||
  fail "nginx -t: $(cat "$TMP/nginx-t.log")"
nginx -p "$TMP/run" -c "$CONF" -g "$GLOBALS" >"$TMP/run/nginx.log" 2>&1 &
PIDS+=($!)
up=0
for _ in $(seq 1 300); do  # bounded: 30 s
  [ "$(curl -s -o /dev/null -w '%{http_code}' -k --max-time 1 \
    --resolve "${PUBLIC[0]}:$HTTPS_PORT:127.0.0.1" "https://${PUBLIC[0]}:$HTTPS_PORT/")" != 000 ] &&
    up=1 && break
  sleep 0.1
done
[ $up = 1 ] || fail "nginx did not answer within 30 s: $(tail -5 "$TMP/run/nginx.log")"

# DNS: the example's zones, one named per view.
"$LYNCTOPO" generate "$EXAMPLE" --out "$TMP/dnsout" --only dns \
  >"$TMP/dns-generate.log" 2>&1 || fail "generate dns: $(cat "$TMP/dns-generate.log")"
dns=$TMP/dnsout/dns
port_internal=$(free_port)
start_named internal "$dns" any none "$port_internal"
port_external=$(free_port)
start_named external "$dns" none any "$port_external"

expect_exit() {  # want, command...: output in $TMP/last.out / last.err
  local want=$1 got=0
  shift
  "$@" >"$TMP/last.out" 2>"$TMP/last.err" || got=$?
  [ "$got" -eq "$want" ] ||
    fail "expected exit $want, got $got: $*
$(cat "$TMP/last.out" "$TMP/last.err")"
}
VERIFY=("$LYNCTOPO" verify "$EXAMPLE" --proxy "127.0.0.1:$HTTPS_PORT" --proxy-name "$PROXY"
        --dns-server "internal=127.0.0.1:$port_internal")

# 1. Clean: both views and the proxy as planned.
expect_exit 0 "${VERIFY[@]}" --dns-server "external=127.0.0.1:$port_external"
[ "$(cat "$TMP/last.out")" = "No changes." ] || fail "clean verify: $(cat "$TMP/last.out")"
expect_exit 0 "${VERIFY[@]}" --dns-server "external=127.0.0.1:$port_external" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format_version"]==1, d' \
  "$TMP/last.out" || fail "clean verify JSON: $(cat "$TMP/last.out")"
# On a terminal (script(1)), each check prints a line as it finishes; in a pipe (above), none.
printf -v verify_command '%q ' "${VERIFY[@]}" --dns-server "external=127.0.0.1:$port_external"
env -u CI script -qec "$verify_command" "$TMP/tty.log" >/dev/null 2>&1 || fail "verify on a terminal"
for line in "DNS internal at 127.0.0.1:$port_internal: [0-9]* records compared, 0 differ" \
            "DNS external at 127.0.0.1:$port_external: [0-9]* records compared, 0 differ" \
            "proxy 127.0.0.1:$HTTPS_PORT: [0-9]* hosts checked, 0 failing"; do
  grep -q "$line" "$TMP/tty.log" || { cat -v "$TMP/tty.log"; fail "no progress line '$line' on a terminal"; }
done
grep -q "records compared" "$TMP/last.err" "$TMP/last.out" && fail "progress lines in a pipe"
# The sub-subcommands still work next to `verify FILE`.
expect_exit 0 "$LYNCTOPO" verify dns "$EXAMPLE" --server "127.0.0.1:$port_internal"
expect_exit 0 "$LYNCTOPO" verify proxy "$EXAMPLE" --proxy "127.0.0.1:$HTTPS_PORT" --name "$PROXY"
# A proxy that does not answer at all is an error, not drift.
expect_exit 1 "$LYNCTOPO" verify "$EXAMPLE" --proxy 127.0.0.1:1 --connect-timeout 1
grep -q 'LT9702' "$TMP/last.err" || fail "dead proxy: $(cat "$TMP/last.err")"
echo "clean: DNS (both views) and nginx verified, no changes"

# --connect: the test listener certificate (CN = the first public host, signed by a throwaway
# CA) is not the planned one (CN = the planned subject): one certificate update per TLS host,
# each saying so (LT5303); DNS and routing stay clean.
expect_exit 2 "${VERIFY[@]}" --dns-server "external=127.0.0.1:$port_external" --connect \
  --format json
python3 - "$TMP/last.out" "$TMP/layout" <<'PY' || fail "verify --connect: $(cat "$TMP/last.out")"
import json, sys
doc = json.load(open(sys.argv[1]))
tls_hosts = sorted({l.split()[1] for l in open(sys.argv[2]) if l.startswith("RULE ") and l.split()[2] == "443"})
changes = [c for c in doc["changes"] if c["action"] != "no-op"]
assert {c["kind"] for c in changes} == {"certificate"}, changes
assert sorted(c["address"] for c in changes) == tls_hosts, (changes, tls_hosts)
for c in changes:
    assert c["action"] == "update" and any("[LT5303]" in f for f in c["after"]["findings"]), c
    assert c["before"]["subject"] != c["after"]["subject"], c
PY
echo "--connect: the served test certificate is reported on every TLS host"

# 2. Drift: a copy of the external zones with one A record removed and another changed.
drift=$TMP/drift
cp -r "$dns" "$drift"
python3 "$SOURCE_DIR/tests/integration/drift_zone.py" "$drift" >"$TMP/drift.json" ||
  fail "cannot edit the drift zones"
python3 - "$TMP/drift.json" >"$TMP/expected" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
removed, changed = d["removed"], d["changed"]
# ChangesToJson order is (kind, address): "external A <name>".
expected = sorted([("create", "external A " + removed["name"], None, {"value": removed["value"]}),
                   ("update", "external A " + changed["name"], {"value": d["new_value"]},
                    {"value": changed["value"]})], key=lambda c: c[1])
print(json.dumps(expected))
PY
port_drift=$(free_port)
start_named drift-external "$drift" none any "$port_drift"
expect_exit 2 "${VERIFY[@]}" --dns-server "external=127.0.0.1:$port_drift"
python3 - "$TMP/expected" "$TMP/last.out" <<'PY' || fail "drift text: $(cat "$TMP/last.out")"
import json, sys
expected = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
changes = [l for l in text.splitlines() if l.startswith("  ") and l[2:3] in "+~-" and " dns-record " in l]
symbol = {"create": "+", "update": "~"}
want = [f"  {symbol[a]} dns-record {addr}" for a, addr, _, _ in expected]
got = [l.split("  (")[0] for l in changes]
assert got == want, (got, want)
assert '      value: "192.0.2.99" -> "%s"' % expected[[e[0] for e in expected].index("update")][3]["value"] in text
assert text.rstrip().endswith("Plan: 1 to add, 1 to change, 0 to remove."), text
PY
expect_exit 2 "${VERIFY[@]}" --dns-server "external=127.0.0.1:$port_drift" --format json
python3 - "$TMP/expected" "$TMP/last.out" <<'PY' || fail "drift JSON: $(cat "$TMP/last.out")"
import json, sys
expected = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
assert doc["format_version"] == 1, doc
changes = [c for c in doc["changes"] if c["action"] != "no-op"]
got = [(c["action"], c["address"], c["before"], c["after"]) for c in changes]
want = [tuple(e) for e in expected]
assert all(c["kind"] == "dns-record" for c in changes), changes
assert got == want, (got, want)
PY
echo "drift reported exactly: $(python3 -c 'import json,sys; print([e[1] for e in json.load(open(sys.argv[1]))])' "$TMP/expected")"
