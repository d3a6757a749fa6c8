# Shared by dns_bind.sh and verify_live.sh: real `named` instances on 127.0.0.1 high ports
# serving a generated dns/ folder. Sourced; expects $work (a scratch folder). The caller
# installs `trap stop_named EXIT` (or calls stop_named from its own cleanup).

NAMED_PIDS=()

# Stops every named started here: TERM, a bounded wait (~5 s each), then KILL.
stop_named() {
  local pid
  for pid in "${NAMED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${NAMED_PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  NAMED_PIDS=()
}

# A port free for both UDP and TCP on 127.0.0.1 (named listens on both).
free_port() {
  python3 - <<'PY'
import random, socket
for _ in range(200):
    port = random.randint(20000, 60000)
    try:
        for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
            s = socket.socket(socket.AF_INET, kind)
            s.bind(("127.0.0.1", port))
            s.close()
        print(port)
        break
    except OSError:
        continue
PY
}

# start_named NAME DNSDIR INTERNAL_ACL EXTERNAL_ACL PORT: a named whose every client falls in
# the one view that gets `any`.
start_named() {
  local name=$1 dnsdir=$2 internal_acl=$3 external_acl=$4 port=$5
  local run="$work/run-$name"
  mkdir -p "$run"
  cat >"$run/named.conf" <<EOC
acl lynctopo_internal { $internal_acl; };
acl lynctopo_external { $external_acl; };
options {
  directory "$dnsdir";
  listen-on port $port { 127.0.0.1; };
  listen-on-v6 { none; };
  pid-file "$run/named.pid";
  session-keyfile "$run/session.key";
  managed-keys-directory "$run";
  recursion no;
  dnssec-validation no;
};
controls { };
include "$dnsdir/named.conf";
EOC
  if ! named-checkconf -z "$run/named.conf" >"$run/checkconf.log" 2>&1; then
    cat "$run/checkconf.log"
    echo "FAIL: named-checkconf -z rejects the configuration built around $dnsdir/named.conf"
    exit 1
  fi
  named -g -c "$run/named.conf" >"$run/named.log" 2>&1 &
  NAMED_PIDS+=($!)
  # Ready when it has loaded every zone (named logs "all zones loaded" once the last is in: it
  # loads them side by side, and answering for the first was no proof the last of the hosting
  # example's tenants was there) and answers authoritatively for a zone of the view it serves
  # (bounded: 30 s on a loaded machine). The zone comes from that view: pin-point internal
  # zones exist in no other.
  local zone view=internal
  [[ $internal_acl == none ]] && view=external
  zone=$(awk -v view="\"$view\"" '$1 == "view" { inside = ($2 == view) }
    inside && $1 == "zone" { gsub(/"/, "", $2); print $2; exit }' "$dnsdir/named.conf")
  for _ in $(seq 300); do
    if grep -q 'all zones loaded' "$run/named.log" &&
      dig +time=1 +tries=1 +norecurse -p "$port" @127.0.0.1 "$zone" SOA 2>/dev/null |
      grep -q 'status: NOERROR'; then
      return 0
    fi
    sleep 0.1
  done
  cat "$run/named.log"
  echo "FAIL: named ($name) did not answer on port $port within 30 s"
  exit 1
}
