#!/usr/bin/env bash
# `lynctopo plan`: exit codes, -o, every format, and byte-identical output across runs.
set -u
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"
example="$SOURCE_DIR/examples/enterprise.json"
if [ ! -f "$example" ]; then
  echo "FAIL: examples/enterprise.json is missing (scripts/install-deps --with-test-tools)"
  exit 1
fi
out="$WORK_DIR/cli_plan"
rm -rf "$out"
mkdir -p "$out"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$LYNCTOPO" plan "$example" >"$out/a.txt" 2>"$out/a.err" || fail "plan (text) exited $?"
grep -q '^Inventory$' "$out/a.txt" || fail "text output has no Inventory section"
grep -q '^External names$' "$out/a.txt" || fail "text output has no External names section"
"$LYNCTOPO" plan "$example" --format text -o "$out/b.txt" 2>/dev/null || fail "plan -o exited $?"
cmp -s "$out/a.txt" "$out/b.txt" || fail "stdout and -o output differ, or two runs differ"
"$LYNCTOPO" plan "$example" --format md -o "$out/a.md" 2>/dev/null || fail "plan --format md"
grep -q '^## Inventory$' "$out/a.md" || fail "markdown has no Inventory table"
"$LYNCTOPO" plan "$example" --format json -o "$out/a.json" 2>/dev/null || fail "plan --format json"
"$LYNCTOPO" plan "$example" --format json -o "$out/b.json" 2>/dev/null
cmp -s "$out/a.json" "$out/b.json" || fail "two JSON runs differ"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format_version"] == 1' \
  "$out/a.json" || fail "JSON has no format_version 1"
grep -q "$SOURCE_DIR" "$out/a.json" "$out/a.txt" && fail "output embeds an absolute path"

"$LYNCTOPO" plan "$out/missing.json" >/dev/null 2>"$out/missing.err"
[ $? -eq 1 ] || fail "a missing file must exit 1"
[ -s "$out/missing.err" ] || fail "a missing file must explain itself on stderr"
"$LYNCTOPO" plan "$example" --format yaml >/dev/null 2>&1
[ $? -eq 64 ] || fail "an unknown format must exit 64"
"$LYNCTOPO" plan --help | grep -q 'Example' || fail "--help has no example"

[ $failures -eq 0 ] && echo "lynctopo plan: all checks passed"
exit $((failures > 0))
