#!/usr/bin/env bash
# The perimeter hosts files (dns/perimeter/*.hosts, docs/domain-calls.md) through the real
# consumer, the system resolver: in a private mount namespace each file replaces /etc/hosts and
# `getent ahosts` must resolve every backend the proxy's rules forward to (proxy/rules.json),
# and every Edge server's next hop pool (from the topology), to the planned addresses.
set -u
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"
for tool in unshare mount getent python3; do
  command -v "$tool" >/dev/null || { echo "SKIPPED: $tool not installed"; exit 77; }
done
unshare -m true 2>/dev/null || { echo "SKIPPED: no permission for a private mount namespace"; exit 77; }

work="$WORK_DIR/dns_perimeter_hosts"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# resolve HOSTSFILE NAME -> the IPv4 and IPv6 addresses the resolver returns, sorted, space-separated
resolve() {
  unshare -m sh -c 'mount --bind "$1" /etc/hosts && getent ahosts "$2"' sh "$1" "$2" |
    awk '{print $1}' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

checked=0
for topology in "$SOURCE_DIR"/examples/*.json; do
  name=$(basename "$topology" .json)
  out="$work/$name"
  "$LYNCTOPO" generate "$topology" --out "$out" >"$work/$name.log" 2>&1 ||
    { fail "$name: generate failed"; cat "$work/$name.log"; continue; }
  # "hosts-file name planned-addresses" for every lookup a perimeter host must answer.
  python3 - "$topology" "$out" >"$work/$name.expect" <<'PY' || fail "$name: expectations"
import glob, json, os, re, sys
topology, out = json.load(open(sys.argv[1])), sys.argv[2]
files = {}
for path in glob.glob(os.path.join(out, "dns/perimeter/*.hosts")):
    text = open(path).read()
    m = re.search(r"^# Perimeter name resolution for (reverse proxy|Edge server) (.*)\.$", text, re.M)
    listed = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            address, host = line.split()[:2]
            listed.setdefault(host, set()).add(address)
    files[(m.group(1), m.group(2))] = (path, listed)
rules = json.load(open(os.path.join(out, "proxy/rules.json")))["rules"]
for (proxy, backend) in sorted({(r["proxy"], r["backend_host"]) for r in rules}):
    path, listed = files[("reverse proxy", proxy)]
    print(path, backend, " ".join(sorted(listed.get(backend, {"MISSING"}))))
for site in topology["sites"]:
    for pool in site["pools"]:
        if pool["kind"] != "edge" or not pool["edge"]["next_hop_pool"]:
            continue
        for server in pool["servers"]:
            path, listed = files[("Edge server", server["fqdn"])]
            hop = pool["edge"]["next_hop_pool"]
            print(path, hop, " ".join(sorted(listed.get(hop, {"MISSING"}))))
PY
  while read -r file host want; do
    have=$(resolve "$file" "$host")
    [ "$have" = "$want" ] || fail "$name: $(basename "$file") resolves $host to '$have', planned '$want'"
    checked=$((checked + 1))
  done <"$work/$name.expect"
done
[ "$checked" -gt 0 ] || fail "nothing was checked"
[ "$failures" -eq 0 ] || exit 1
echo "$checked perimeter look-ups (proxy backends, Edge next hops) resolve as planned"
