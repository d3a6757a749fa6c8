# Shared by proxy_nginx.sh and proxy_haproxy.sh: generates the proxy configs of an example with
# test certificates and 127.0.0.x addresses, starts TLS backends that echo their identity and the
# Host header, and checks each public host reaches exactly its planned backend.
# Sourced; expects PRODUCT (nginx|haproxy). Nothing here skips: every tool is installed by
# scripts/install-deps, so a missing one, a failing generate or an empty rule set is a failure.
set -uo pipefail

fail() { echo "FAIL: $*"; exit 1; }

: "${LYNCTOPO:?}" "${SOURCE_DIR:?}"
WORK_DIR=${WORK_DIR:-/tmp}
command -v "$PRODUCT" >/dev/null || fail "$PRODUCT is not installed"
for tool in openssl curl python3; do command -v $tool >/dev/null || fail "$tool is not installed"; done
EXAMPLE=${EXAMPLE:-$SOURCE_DIR/examples/enterprise.json}
[ -f "$EXAMPLE" ] || fail "example $EXAMPLE is missing"

mkdir -p "$WORK_DIR"
TMP=$(mktemp -d "$WORK_DIR/proxy_${PRODUCT}.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# The rule model first: which proxies, hosts and backends the plan publishes.
"$LYNCTOPO" generate "$EXAMPLE" --only proxy --out "$TMP/probe" >"$TMP/probe.log" 2>&1 ||
  fail "generate --only proxy failed: $(head -c 300 "$TMP/probe.log")"
RULES=$TMP/probe/proxy/rules.json
[ -s "$RULES" ] || fail "generate wrote no proxy/rules.json"

# Every proxy of the plan is routed, one run of the calling script each (PROXY_NAME set), so
# a rule of the second proxy cannot hide behind the first one's success.
if [ -z "${PROXY_NAME:-}" ]; then
  mapfile -t ALL_PROXIES < <(python3 -c 'import json,sys; print("\n".join(sorted({r["proxy"] for r in json.load(open(sys.argv[1]))["rules"]})))' "$RULES")
  [ "${#ALL_PROXIES[@]}" -gt 0 ] || fail "rules.json publishes nothing"
  failed=()
  for proxy in "${ALL_PROXIES[@]}"; do
    echo "=== reverse proxy $proxy"
    PROXY_NAME=$proxy bash "$0" || failed+=("$proxy")
  done
  [ "${#failed[@]}" -eq 0 ] || fail "routing failed for: ${failed[*]}"
  echo "$PRODUCT: all ${#ALL_PROXIES[@]} reverse proxies routed every rule"
  exit 0
fi
python3 - "$RULES" >"$TMP/layout" <<'PY' || fail "cannot read rules.json"
import json, os, sys
rules = json.load(open(sys.argv[1]))["rules"]
if not rules:
    sys.exit(3)
proxy = os.environ["PROXY_NAME"]
mine = [r for r in rules if r["proxy"] == proxy]
backends = sorted({(r["backend_host"], r["backend_port"], r["listen_port"] == 443) for r in mine})
hosts = sorted({b[0] for b in backends})
address = {h: "127.0.0.%d" % (2 + i) for i, h in enumerate(hosts)}
# Planned 443/80 backends (Office Web Apps) move to high ports so no privilege is needed.
moved = {443: 19443, 80: 19080}
print("PROXY", proxy)
for host, port, tls in backends:
    print("BACKEND", host, port, "tls" if tls else "plain", address[host], moved.get(port, port))
for r in mine:
    print("RULE", r["public_host"], r["listen_port"], r["backend_host"], r["backend_port"])
PY
[ -s "$TMP/layout" ] || fail "the example publishes nothing"
PROXY=$(awk '$1=="PROXY"{print $2}' "$TMP/layout")

# Test PKI: a throwaway CA, the listener certificate proxy-<proxy> covering every public host,
# and one backend certificate covering the public hosts (the SNI the proxy sends) and backends.
CERTS=$TMP/certs
mkdir -p "$CERTS" "$TMP/run"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=lynctopo test CA" \
  -keyout "$CERTS/ca.key" -out "$CERTS/internal-ca.pem" 2>/dev/null || fail "CA"
issue() {  # id, names...
  local id=$1; shift
  local san; san=$(printf 'DNS:%s,' "$@"); san=${san%,}
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$CERTS/$id.key" \
    -out "$CERTS/$id.csr" 2>/dev/null || fail "CSR $id"
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$san" >"$CERTS/$id.ext"
  openssl x509 -req -days 2 -in "$CERTS/$id.csr" -CA "$CERTS/internal-ca.pem" \
    -CAkey "$CERTS/ca.key" -CAcreateserial -extfile "$CERTS/$id.ext" \
    -out "$CERTS/$id.crt" 2>/dev/null || fail "certificate $id"
  cat "$CERTS/$id.crt" "$CERTS/$id.key" >"$CERTS/$id.pem"
}
mapfile -t PUBLIC < <(awk '$1=="RULE"{print $2}' "$TMP/layout" | sort -u)
mapfile -t BACKEND_HOSTS < <(awk '$1=="BACKEND"{print $2}' "$TMP/layout" | sort -u)
issue "proxy-$PROXY" "${PUBLIC[@]}"
issue backend "${PUBLIC[@]}" "${BACKEND_HOSTS[@]}"

# Options: listeners on 127.0.0.1 high ports, each backend (host, port) on its own 127.0.0.x.
HTTPS_PORT=$((18000 + RANDOM % 1000)); HTTP_PORT=$((HTTPS_PORT + 1000))
SETS=(--set proxy.cert_dir="$CERTS" --set proxy.listen_address=127.0.0.1
      --set proxy.listen_https=$HTTPS_PORT --set proxy.listen_http=$HTTP_PORT
      --set proxy.runtime_dir="$TMP/run" --set proxy.all_products=true)
SETS+=(--set proxy.backend_port.443=19443 --set proxy.backend_port.80=19080)
while read -r host addr; do
  SETS+=(--set "proxy.backend_address.$host=$addr")
done < <(awk '$1=="BACKEND"{print $2, $5}' "$TMP/layout" | sort -u)
"$LYNCTOPO" generate "$EXAMPLE" --only proxy --out "$TMP/out" "${SETS[@]}" >"$TMP/gen.log" 2>&1 ||
  fail "generate with test options: $(cat "$TMP/gen.log")"
DIR=$TMP/out/proxy/$PROXY/
[ -d "$DIR" ] || fail "no folder generated for proxy $PROXY"

# Backends: every planned (host, port) listens on that host's test address and planned port.
start_backend() {  # address port identity tls
  local args=(--listen "$1" --port "$2" --identity "$3")
  [ "$4" = tls ] && args+=(--cert "$CERTS/backend.crt" --key "$CERTS/backend.key")
  python3 "$SOURCE_DIR/tests/integration/proxy_backend.py" "${args[@]}" >"$TMP/run/backend-$1-$2.log" 2>&1 &
  PIDS+=($!)
  BACKEND_LOGS+=("$TMP/run/backend-$1-$2.log")
}
# The log names, not a glob: the background child may not have created its log yet.
BACKEND_LOGS=()
while read -r _ host port tls addr test_port; do
  start_backend "$addr" "$test_port" "$host:$port" "$tls"
done < <(awk '$1=="BACKEND"' "$TMP/layout")

wait_for() {  # file pattern: bounded wait for a line
  for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
for log in "${BACKEND_LOGS[@]}"; do wait_for "$log" ready || fail "backend $log did not start: $(cat "$log")"; done

# Each public host reaches exactly its planned backend, Host header intact; unknown hosts refused.
check_routes() {
  local failures=0
  while read -r _ host listen backend bport; do
    local port=$HTTPS_PORT scheme=https
    [ "$listen" = 80 ] && port=$HTTP_PORT && scheme=http
    local got
    got=$(curl -s --max-time 10 --cacert "$CERTS/internal-ca.pem" \
      --resolve "$host:$port:127.0.0.1" "$scheme://$host:$port/probe")
    local want="backend=$backend:$bport host=$host:$port path=/probe"
    if [ "$got" != "$want" ]; then
      echo "route $scheme $host: got '$got', want '$want'"; failures=$((failures + 1))
    fi
  done < <(awk '$1=="RULE"' "$TMP/layout")
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 --cacert "$CERTS/internal-ca.pem" \
    --resolve "${PUBLIC[0]}:$HTTPS_PORT:127.0.0.1" -H "Host: unplanned.invalid" \
    "https://${PUBLIC[0]}:$HTTPS_PORT/")
  case "$code" in 403|421|000) ;; *) echo "unplanned Host answered $code"; failures=$((failures + 1));; esac
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -k \
    --resolve "unplanned.invalid:$HTTPS_PORT:127.0.0.1" "https://unplanned.invalid:$HTTPS_PORT/")
  case "$code" in 403|000) ;; *) echo "unplanned SNI answered $code"; failures=$((failures + 1));; esac
  [ $failures -eq 0 ]
}
