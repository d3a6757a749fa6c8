#!/usr/bin/env bash
# starts-servers (run one at a time: fixed loopback ports)
# nginx from the generated configuration, for real: nginx -t, start it, route every public host.
PRODUCT=nginx
source "$(dirname "$0")/proxy_lib.bash"

CONF=$DIR/nginx.conf
[ -f "$CONF" ] || fail "no nginx.conf generated"
GLOBALS="daemon off; pid $TMP/run/nginx.pid; error_log stderr;"
nginx -t -p "$TMP/run" -c "$CONF" -g "$GLOBALS" >"$TMP/nginx-t.log" 2>&1 || {
  # As root nginx wants to switch workers to a user that can read the runtime dir.
  if [ "$(id -u)" = 0 ]; then GLOBALS="$GLOBALS user root;"; fi
  nginx -t -p "$TMP/run" -c "$CONF" -g "$GLOBALS" >"$TMP/nginx-t.log" 2>&1 ||
    fail "nginx -t: $(cat "$TMP/nginx-t.log")"
}
nginx -p "$TMP/run" -c "$CONF" -g "$GLOBALS" >"$TMP/run/nginx.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do  # bounded wait until the listener answers a planned name
  [ "$(curl -s -o /dev/null -w '%{http_code}' -k --max-time 1 \
    --resolve "${PUBLIC[0]}:$HTTPS_PORT:127.0.0.1" "https://${PUBLIC[0]}:$HTTPS_PORT/")" != 000 ] && break
  sleep 0.1
done
check_routes || fail "nginx routing (log: $(tail -5 "$TMP/run/nginx.log"))"

# verify proxy against the running nginx: every TLS host passes; exit 0.
if "$LYNCTOPO" verify proxy --help 2>/dev/null | grep -q -- "--connect-timeout"; then
  "$LYNCTOPO" verify proxy "$EXAMPLE" --proxy "127.0.0.1:$HTTPS_PORT" --name "$PROXY" \
    --format json >"$TMP/verify.json" 2>"$TMP/verify.err" ||
    fail "verify proxy: $(cat "$TMP/verify.json" "$TMP/verify.err")"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format_version"]==1 and d["ok"] and d["hosts"]' \
    "$TMP/verify.json" || fail "verify proxy JSON: $(cat "$TMP/verify.json")"
else
  echo "note: 'verify proxy' is not wired into 'verify' on this branch yet"
fi
echo "nginx: every public host reached its planned backend"
