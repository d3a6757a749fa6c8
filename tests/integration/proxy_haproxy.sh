#!/usr/bin/env bash
# starts-servers (run one at a time: fixed loopback ports)
# HAProxy from the generated configuration, for real: haproxy -c, start it, route every host.
PRODUCT=haproxy
source "$(dirname "$0")/proxy_lib.bash"

CONF=$DIR/haproxy.cfg
[ -f "$CONF" ] || fail "no haproxy.cfg generated"
haproxy -c -f "$CONF" >"$TMP/haproxy-c.log" 2>&1 || fail "haproxy -c: $(cat "$TMP/haproxy-c.log")"
haproxy -db -f "$CONF" >"$TMP/run/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do  # bounded wait until the listener answers a planned name
  [ "$(curl -s -o /dev/null -w '%{http_code}' -k --max-time 1 \
    --resolve "${PUBLIC[0]}:$HTTPS_PORT:127.0.0.1" "https://${PUBLIC[0]}:$HTTPS_PORT/")" != 000 ] && break
  sleep 0.1
done
check_routes || fail "haproxy routing (log: $(tail -5 "$TMP/run/haproxy.log"))"
echo "haproxy: every public host reached its planned backend"
