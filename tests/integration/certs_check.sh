#!/usr/bin/env bash
# starts-servers (run one at a time: fixed loopback ports)
# `lynctopo certs check` against certificates this test makes with the openssl CLI (a
# throwaway CA; with and without CDP, a missing SAN, 1024-bit, RSASSA-PSS, expired, wildcard
# subject), and `--connect` against an `openssl s_server` it starts on 127.0.0.1.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
command -v openssl >/dev/null || { echo "FAIL: openssl not installed (scripts/install-deps --with-test-tools)"; exit 1; }
command -v python3 >/dev/null || { echo "FAIL: python3 not installed (scripts/install-deps --with-test-tools)"; exit 1; }

work="$WORK_DIR/certs_check"
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
topology="$SOURCE_DIR/examples/small-business.json"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
server_pid=""
hang_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -n "$hang_pid" ] && kill "$hang_pid" 2>/dev/null
}
trap cleanup EXIT

# What the plan says the Edge external certificate of small-business is.
"$LYNCTOPO" generate "$topology" --out gen --only certificates >/dev/null 2>&1 || { echo "generate failed"; exit 1; }
read -r subject sans < <(python3 - gen/certificates/certificates.json <<'PY'
import json, sys
c = next(c for c in json.load(open(sys.argv[1]))["certificates"] if c["role"] == "edge-external")
print(c["subject"], ",".join("DNS:" + s for s in c["sans"]))
PY
)
[ -n "$subject" ] || { echo "no edge-external certificate planned"; exit 1; }

# A throwaway CA.
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
  -subj "/CN=lynctopo test CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null || { echo "cannot make a CA"; exit 1; }
mkdir -p db && : >db/index && echo 1000 >db/serial
cat >ca.cnf <<CNF
[ca]
default_ca = test
[test]
dir = $work/db
database = \$dir/index
serial = \$dir/serial
new_certs_dir = \$dir
certificate = $work/ca.pem
private_key = $work/ca.key
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[anything]
commonName = supplied
CNF

# issue NAME CN SANS [key=rsa:2048] [cdp=yes] [extra openssl ca args...]
issue() {
  local name=$1 cn=$2 san=$3 key=${4:-rsa:2048} cdp=${5:-yes}
  shift 5 2>/dev/null || shift $#
  {
    echo "basicConstraints = CA:FALSE"
    echo "keyUsage = critical, digitalSignature, keyEncipherment"
    echo "extendedKeyUsage = serverAuth, clientAuth"
    echo "subjectAltName = $san"
    [ "$cdp" = yes ] && echo "crlDistributionPoints = URI:http://pki.example.com/ca.crl"
  } >"$name.ext"
  openssl req -new -newkey "$key" -nodes -keyout "$name.key" -out "$name.csr" -subj "/CN=$cn" 2>/dev/null &&
    openssl ca -batch -config ca.cnf -in "$name.csr" -out "$name.pem" -extfile "$name.ext" -notext \
      "$@" 2>"$name.err" >/dev/null || { echo "cannot issue $name: $(cat "$name.err")"; exit 1; }
}

issue good "$subject" "$sans" rsa:2048 yes -days 365
issue nocdp "$subject" "$sans" rsa:2048 no -days 365
issue missing "$subject" "DNS:$subject" rsa:2048 yes -days 365
issue small "$subject" "$sans" rsa:1024 yes -days 365
issue pss "$subject" "$sans" rsa:2048 yes -days 365 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:-1
issue expired "$subject" "$sans" rsa:2048 yes -startdate 20200101000000Z -enddate 20210101000000Z
issue wildcard "*.${subject#*.}" "$sans" rsa:2048 yes -days 365
cat good.pem ca.pem >chain.pem

# expect EXIT CODE-OR-EMPTY ARGS...: runs certs check, checks the exit code and a finding code.
expect() {
  local want=$1 code=$2
  shift 2
  "$LYNCTOPO" certs check "$topology" "$@" >out.txt 2>err.txt
  local got=$?
  [ "$got" -eq "$want" ] || fail "certs check $*: exit $got, expected $want: $(cat out.txt err.txt)"
  if [ -n "$code" ]; then
    grep -q "\[$code\]" out.txt err.txt || fail "certs check $*: no $code in: $(cat out.txt err.txt)"
  fi
}

expect 0 LT5315 --cert good.pem --for edge-external
expect 0 "" --cert chain.pem          # matched by names; the CA is a chain certificate
expect 2 LT5306 --cert nocdp.pem --for edge-external
expect 2 LT5301 --cert missing.pem --for edge-external
expect 2 LT5308 --cert small.pem --for edge-external
expect 2 LT5309 --cert pss.pem --for edge-external
expect 2 LT5314 --cert expired.pem --for edge-external
expect 2 LT5304 --cert wildcard.pem --for edge-external
expect 2 LT5303 --cert good.pem --for oauth
expect 1 LT5320 --cert absent.pem
expect 1 LT5322 --cert good.pem --for no-such-thing.example.com
expect 64 "" --for edge-external

# JSON output: the contract and its schema.
"$LYNCTOPO" certs check "$topology" --cert missing.pem --cert good.pem --for edge-external --format json >report.json
[ $? -eq 2 ] || fail "JSON run: expected exit 2"
if python3 -c 'import jsonschema' 2>/dev/null; then
  python3 - "$SOURCE_DIR/schemas/certs-check.schema.json" report.json <<'PY' || fail "certs check JSON does not match its schema"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
report = json.load(open(sys.argv[2]))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
for e in errors:
    print(f"{'/'.join(map(str, e.path))}: {e.message}")
codes = [f["code"] for f in report["certificates"][0]["findings"]]
assert report["result"] == "short" and "LT5301" in codes, report
sys.exit(1 if errors else 0)
PY
fi

# --connect: a local TLS server presenting the good certificate (and its chain).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
openssl s_server -accept "127.0.0.1:$port" -cert good.pem -key good.key -cert_chain ca.pem -quiet \
  -naccept 100 </dev/null >server.log 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1).close()" 2>/dev/null && break
  sleep 0.1
done
expect 0 "" --connect "localhost:$port" --for edge-external --connect-timeout 5
grep -q "127.0.0.1:$port#1\|localhost:$port#1" out.txt || fail "--connect: leaf not reported: $(cat out.txt)"
expect 2 LT5301 --connect "127.0.0.1:$port" --cert missing.pem --for edge-external
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""

# Nothing listens any more: a connection failure is exit 1.
expect 1 LT5321 --connect "127.0.0.1:$port" --connect-timeout 2
# A listener that never speaks TLS: the handshake times out.
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', $port)); s.listen(5)
c, _ = s.accept(); time.sleep(30)" &
hang_pid=$!
sleep 0.5
start=$(date +%s)
expect 1 LT5321 --connect "127.0.0.1:$port" --connect-timeout 1
[ $(( $(date +%s) - start )) -lt 15 ] || fail "--connect-timeout 1 took too long"
kill "$hang_pid" 2>/dev/null; hang_pid=""

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "certs_check: every finding and exit code as expected"
