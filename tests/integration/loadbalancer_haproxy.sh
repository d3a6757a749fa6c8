#!/usr/bin/env bash
# The load-balancer plan's HAProxy configuration, for real: the enterprise example with its
# VIPs and servers moved to loopback addresses, haproxy -c, then every TCP virtual server routed
# to one of its planned members; source-address persistence keeps a client on one member, no
# persistence spreads clients; a member whose monitor port stops answering leaves the pool.
set -uo pipefail
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}"
WORK_DIR=${WORK_DIR:-/tmp}
for tool in haproxy python3; do command -v $tool >/dev/null || skip "$tool is not installed"; done
# The planned ports include 135, 444 and 448.
if [ "$(id -u)" != 0 ] && [ "$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)" -gt 135 ]; then
  skip "binding the planned ports (135, 444, 448) needs root or a low ip_unprivileged_port_start"
fi

mkdir -p "$WORK_DIR"
TMP=$(mktemp -d "$WORK_DIR/lb_haproxy.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# Every IPv4 address of the example moves to its own 127.77.x.y (the layout is unchanged).
python3 - "$SOURCE_DIR/examples/enterprise.json" "$TMP/topology.json" <<'PY' || fail "rewrite"
import json, re, sys
text = open(sys.argv[1]).read()
mapping = {}
def repl(m):
    a = m.group(1)
    if a not in mapping:
        n = len(mapping) + 1
        mapping[a] = "127.77.%d.%d" % (n // 250, n % 250 + 1)
    return '"%s"' % mapping[a]
open(sys.argv[2], "w").write(re.sub(r'"(\d+\.\d+\.\d+\.\d+)"', repl, text))
PY
"$LYNCTOPO" generate "$TMP/topology.json" --only loadbalancer --out "$TMP/out" >"$TMP/gen.log" 2>&1 ||
  fail "generate: $(cat "$TMP/gen.log")"
CONF=$TMP/out/loadbalancer/haproxy.cfg
PLAN=$TMP/out/loadbalancer/virtual-servers.json
haproxy -c -f "$CONF" >"$TMP/check.log" 2>&1 || fail "haproxy -c: $(cat "$TMP/check.log")"

# Members: one process per member address, listening on every node and monitor port it serves.
python3 - "$PLAN" >"$TMP/members" <<'PY' || fail "read plan"
import json, sys
plan = json.load(open(sys.argv[1]))["virtual_servers"]
ports = {}
for vs in plan:
    for m in vs["members"]:
        entry = ports.setdefault(m["address"], (m["server"], set()))
        entry[1].update({m["port"], vs["monitor"]["port"]})
for address, (server, ps) in sorted(ports.items()):
    print(address, server, *sorted(ps))
PY
[ -s "$TMP/members" ] || fail "the plan has no members"
declare -A MEMBER_PID
MEMBER_LOGS=()
while read -r address server ports; do
  python3 "$SOURCE_DIR/tests/integration/lb_backend.py" --listen "$address" --identity "$server" \
    $ports >"$TMP/member-$server.log" 2>&1 &
  PIDS+=($!); MEMBER_PID[$server]=$!
  MEMBER_LOGS+=("$TMP/member-$server.log")
done <"$TMP/members"
# The names, not a glob: a background job opens its own log, maybe after the glob would run.
for log in "${MEMBER_LOGS[@]}"; do
  for _ in $(seq 1 100); do grep -q ready "$log" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$log" || fail "member did not start: $log $(cat "$log")"
done

haproxy -db -f "$CONF" >"$TMP/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 1

# One probe: connect to VIP:port and print the member line (empty on failure).
cat >"$TMP/probe.py" <<'PY'
import socket, sys
address, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for _ in range(count):
    try:
        with socket.create_connection((address, port), timeout=5) as s:
            print(s.recv(200).decode().strip())
    except OSError as e:
        print("error", e)
PY

# Health checks settle first: every member must be up before routing is judged.
for _ in $(seq 1 50); do
  grep -q "DOWN" "$TMP/haproxy.log" || break
  sleep 0.1
done

python3 - "$PLAN" "$TMP/probe.py" "$TMP/haproxy.log" <<'PY' || fail "routing (haproxy log: $(tail -5 "$TMP/haproxy.log"))"
import json, subprocess, sys
plan = json.load(open(sys.argv[1]))["virtual_servers"]
failures, checked = [], 0
for vs in plan:
    if vs["protocol"] != "tcp" or not vs["members"]:
        continue
    n = max(4, 2 * len(vs["members"]))
    out = subprocess.run([sys.executable, sys.argv[2], vs["vip"], str(vs["port"]), str(n)],
                         capture_output=True, text=True).stdout.split("\n")[:n]
    want = {"member=%s port=%d" % (m["server"], m["port"]) for m in vs["members"]}
    got = set(out)
    if not got <= want:
        failures.append("%s: got %s, want one of %s" % (vs["name"], sorted(got), sorted(want)))
    elif vs["persistence"] == "source-address" and len(got) != 1:
        failures.append("%s: source-address persistence spread one client over %s" % (vs["name"], sorted(got)))
    elif vs["persistence"] == "none" and len(vs["members"]) > 1 and len(got) < 2:
        failures.append("%s: no persistence, yet every connection reached %s" % (vs["name"], sorted(got)))
    checked += 1
if failures:
    print("\n".join(failures))
    sys.exit(1)
if checked == 0:
    print("no TCP virtual server to check")
    sys.exit(1)
print("%d virtual servers routed to their planned members" % checked)
PY

# Health monitor: stop one member of a web-external VIP; HAProxy must stop sending it clients.
read -r VIP PORT VICTIM < <(python3 - "$PLAN" <<'PY'
import json, sys
for vs in json.load(open(sys.argv[1]))["virtual_servers"]:
    if vs["service"] == "web-external" and len(vs["members"]) > 1:
        print(vs["vip"], vs["port"], vs["members"][0]["server"]); break
PY
)
[ -n "${VICTIM:-}" ] || fail "no multi-member external web VIP to test the monitor with"
kill "${MEMBER_PID[$VICTIM]}"
for _ in $(seq 1 100); do
  grep -q "$VICTIM is DOWN" "$TMP/haproxy.log" && break
  sleep 0.1
done
grep -q "$VICTIM is DOWN" "$TMP/haproxy.log" || fail "HAProxy did not mark $VICTIM down: $(tail -5 "$TMP/haproxy.log")"
if python3 "$TMP/probe.py" "$VIP" "$PORT" 6 | grep -q "member=$VICTIM "; then
  fail "a stopped member still received clients on $VIP:$PORT"
fi
echo "loadbalancer haproxy: routing, persistence and health monitor as planned"
