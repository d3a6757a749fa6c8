#!/usr/bin/env bash
# The shell pipeline of docs/ci.md runs as written and handles each exit code as it says:
# up to date and unchanged -> 0; stale artifacts -> 1; a change to review -> 0 with
# comment.md; a change that removes things -> 3 (refused by --fail-on-delete).
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
work="$WORK_DIR/ci_pipeline"
rm -rf "$work" && mkdir -p "$work/bin"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

ln -s "$LYNCTOPO" "$work/bin/lynctopo"
awk '/^```sh/ {inside = 1; next} inside && /^```/ {exit} inside {print}' \
  "$SOURCE_DIR/docs/ci.md" >"$work/lynctopo-ci"
grep -q '^#!/bin/sh' "$work/lynctopo-ci" || fail "docs/ci.md has no shell pipeline"

# pipeline EXPECTED PLANNED ACTUAL ARTIFACTS
pipeline() {
  local expected=$1 code
  shift
  (cd "$work" && PATH="$work/bin:$PATH" sh ./lynctopo-ci "$@") >"$work/out" 2>"$work/err"
  code=$?
  [ "$code" -eq "$expected" ] ||
    fail "pipeline $* exited $code, expected $expected: $(cat "$work/out" "$work/err" | head -5)"
}

fab="$SOURCE_DIR/examples/fabrikam"
"$LYNCTOPO" import "$fab/topology.tbxml" --overlay "$fab/overlay.json" -o "$work/current.json" 2>/dev/null ||
  fail "import failed"
"$LYNCTOPO" generate "$work/current.json" --out "$work/artifacts" >/dev/null 2>&1 || fail "generate failed"

pipeline 0 "$work/current.json" "$work/current.json" "$work/artifacts"
grep -q 'review: no change' "$work/out" || fail "expected 'no change': $(cat "$work/out")"

echo "# hand edit" >>"$work/artifacts/dns/records.csv"
pipeline 1 "$work/current.json" "$work/current.json" "$work/artifacts"
grep -q '^+++ generated/dns/records.csv' "$work/out" || fail "the gate shows no diff: $(cat "$work/out")"
"$LYNCTOPO" generate "$work/current.json" --out "$work/artifacts" >/dev/null 2>&1

# A change that only adds: the comment is written, the pipeline passes.
"$LYNCTOPO" generate "$fab/planned.json" --out "$work/planned-artifacts" >/dev/null 2>&1
python3 - "$work/current.json" "$work/grown.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
t["sites"][0]["reverse_proxies"][0]["external_addresses"].append("203.0.113.30")
json.dump(t, open(sys.argv[2], "w"), indent=2)
PY
"$LYNCTOPO" generate "$work/grown.json" --out "$work/grown-artifacts" >/dev/null 2>&1
pipeline 0 "$work/grown.json" "$work/current.json" "$work/grown-artifacts"
grep -q '203.0.113.30' "$work/comment.md" || fail "comment.md lacks the change: $(head "$work/comment.md")"

# planned.json drops fabrikam.net: refused.
pipeline 3 "$fab/planned.json" "$work/current.json" "$work/planned-artifacts"
grep -q 'refused by --fail-on-delete' "$work/err" || fail "no refusal message: $(cat "$work/err")"

[ "$failures" -eq 0 ] || exit 1
echo "docs/ci.md pipeline: 0 / 1 (stale) / 0 with a comment / 3 (refused) as documented"
