#!/usr/bin/env bash
# templates list / eject and the generate usage errors, with the real binary.
set -euo pipefail
work="$WORK_DIR/templates_cli"
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*"; exit 1; }
expect_rc() {  # expected command...
  local expected=$1; shift
  set +e; "$@" >"$work/out.txt" 2>"$work/err.txt"; local rc=$?; set -e
  [[ $rc -eq $expected ]] || { cat "$work/out.txt" "$work/err.txt"; fail "$* exited $rc, expected $expected"; }
}

expect_rc 0 "$LYNCTOPO" templates list
grep -q '^common/generated-notice.mustache  *built-in$' "$work/out.txt" || fail "list lacks the built-in"

expect_rc 0 "$LYNCTOPO" templates eject "$work/ejected"
[[ -f "$work/ejected/common/generated-notice.mustache" ]] || fail "eject wrote nothing"
cmp "$work/ejected/common/generated-notice.mustache" "$SOURCE_DIR/templates/common/generated-notice.mustache"

# A second eject refuses, leaving the customized file alone; --force overwrites.
echo custom >"$work/ejected/common/generated-notice.mustache"
expect_rc 1 "$LYNCTOPO" templates eject "$work/ejected"
grep -q LT4024 "$work/err.txt" || fail "no LT4024"
[[ $(cat "$work/ejected/common/generated-notice.mustache") == custom ]] || fail "eject overwrote"

expect_rc 0 "$LYNCTOPO" templates list --templates "$work/ejected"
grep -q "^common/generated-notice.mustache  *$work/ejected/common/generated-notice.mustache$" \
  "$work/out.txt" || fail "override origin not listed"
expect_rc 1 "$LYNCTOPO" templates list --templates "$work/absent"
grep -q LT4014 "$work/err.txt" || fail "no LT4014"

expect_rc 0 "$LYNCTOPO" templates eject "$work/ejected" --force
cmp "$work/ejected/common/generated-notice.mustache" "$SOURCE_DIR/templates/common/generated-notice.mustache"

# Usage errors: unknown generator in --only, malformed --set, --check with --dry-run.
expect_rc 64 "$LYNCTOPO" generate topo.json --out "$work/o" --only no-such-generator
grep -q "unknown generator 'no-such-generator'" "$work/err.txt" || fail "no unknown-generator message"
expect_rc 64 "$LYNCTOPO" generate topo.json --out "$work/o" --set novalue
expect_rc 64 "$LYNCTOPO" generate topo.json --out "$work/o" --check --dry-run
expect_rc 64 "$LYNCTOPO" generate topo.json
[[ ! -e "$work/o" ]] || fail "a usage error wrote output"
echo ok
