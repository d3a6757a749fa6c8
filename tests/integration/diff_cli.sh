#!/usr/bin/env bash
# lynctopo diff end to end: exit codes, the three renderings against golden files, --pending on
# a Topology Builder file, and the pipeline safety flags.
# LYNCTOPO_UPDATE_GOLDEN=1 rewrites tests/golden/diff/ (review the diff by eye).
set -euo pipefail
work="$WORK_DIR/diff_cli"
rm -rf "$work"
mkdir -p "$work"
golden="$SOURCE_DIR/tests/golden/diff"
data="$SOURCE_DIR/tests/integration/data"
actual="$SOURCE_DIR/examples/enterprise.json"

run() {  # run EXPECTED_RC OUTFILE ARGS...: the command's stdout to OUTFILE, exit code checked
  local want=$1 out=$2
  shift 2
  set +e
  "$LYNCTOPO" "$@" >"$out" 2>"$out.stderr"
  local rc=$?
  set -e
  if [[ $rc -ne $want ]]; then
    echo "lynctopo $*: exit $rc, expected $want"
    cat "$out.stderr"
    exit 1
  fi
}

compare() {  # compare GOLDEN_NAME FILE
  if [[ -n "${LYNCTOPO_UPDATE_GOLDEN:-}" ]]; then
    cp "$2" "$golden/$1"
  else
    diff -u "$golden/$1" "$2"
  fi
}

# Identical inputs, in either format: exit 0, "No changes."
run 0 "$work/same.txt" diff "$actual" "${actual%.json}.xml"
grep -qx "No changes." "$work/same.txt"

# The planned change: a new SIP domain with its Meet URL, one Front End server fewer, a new
# external web FQDN for pool01, and the sites listed in another order (a no-op).
python3 - "$actual" "$work/planned.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
t["sip_domains"].append("litwareinc.com")
t["simple_urls"].append({"kind": "meet", "domain": "litwareinc.com", "url": "https://meet.litwareinc.com", "active": True})
for site in t["sites"]:
    for pool in site["pools"]:
        if pool["fqdn"] == "pool01.contoso.local":
            pool["servers"].pop()
            pool["external_web_fqdn"] = "lyncweb.contoso.com"
t["sites"].reverse()
json.dump(t, open(sys.argv[2], "w"), indent=2)
PY
run 2 "$work/changes.txt" diff "$work/planned.json" "$actual"
run 2 "$work/changes.md" diff "$work/planned.json" "$actual" --format md
run 2 "$work/changes.json" diff "$work/planned.json" "$actual" --format json
compare enterprise-changes.txt "$work/changes.txt"
compare enterprise-changes.md "$work/changes.md"
compare enterprise-changes.json "$work/changes.json"
python3 - "$work/changes.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format_version"] == 1
actions = {c["action"] for c in d["changes"]}
assert actions <= {"create", "update", "delete", "replace"}, actions
s = d["summary"]
assert (s["add"], s["change"], s["remove"]) == (
    sum(c["action"] == "create" for c in d["changes"]),
    sum(c["action"] in ("update", "replace") for c in d["changes"]),
    sum(c["action"] == "delete" for c in d["changes"])), s
PY

# Safety flags: the change removes a server, so --fail-on-delete refuses it (exit 3, its own
# code: the inputs were fine), in one line.
run 3 "$work/refused.txt" diff "$work/planned.json" "$actual" --fail-on-delete
grep -q "refused by --fail-on-delete: .* (first: delete server" "$work/refused.txt.stderr"
[ "$(grep -c 'refused by' "$work/refused.txt.stderr")" -eq 1 ]
# The change takes away four DNS records: fe03, the old external web name (external view
# only: a Front End pool's external web FQDN has no internal record, docs/domain-calls.md),
# and the old address of ucupdates-r2 in each SIP domain (the pool's web VIP moves).
run 3 "$work/dns-limit.txt" diff "$work/planned.json" "$actual" --max-dns-deletes 3
grep -q "refused by --max-dns-deletes: 4 DNS records removed, more than 3" "$work/dns-limit.txt.stderr"
run 2 "$work/dns-ok.txt" diff "$work/planned.json" "$actual" --max-dns-deletes 4
# --topology-only leaves the artifact impact out.
run 2 "$work/topology.txt" diff "$work/planned.json" "$actual" --topology-only
if grep -q "^Artifacts:" "$work/topology.txt"; then echo "--topology-only printed artifacts"; exit 1; fi

# --pending: the published and the edited topology of one .tbxml.
overlay="$data/pending-overlay.json"
run 2 "$work/pending.txt" diff --pending "$data/pending.tbxml" --overlay "$overlay" \
  --overlay-actual "$overlay"
compare pending-changes.txt "$work/pending.txt"

# Usage errors: 64.
run 64 "$work/usage.txt" diff "$actual"
run 64 "$work/usage2.txt" diff "$actual" "$actual" --pending "$data/pending.tbxml"
run 64 "$work/usage3.txt" diff "$actual" "$actual" --format yaml
# A broken input: 1.
echo '{"format_version": 1, "sites": [' >"$work/broken.json"
run 1 "$work/broken.txt" diff "$work/broken.json" "$actual"
echo "diff CLI ok"
