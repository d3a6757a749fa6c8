#!/usr/bin/env bash
# `lynctopo validate` and `convert` as a user runs them: exit codes 0/1/64, the stderr line
# format `path:line:col: severity: message [LTxxxx]`, JSON output.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
work="$WORK_DIR/cli_validate"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# run EXPECTED_EXIT ARGS...: runs lynctopo, keeps stdout/stderr in $work/out, $work/err.
run() {
  local expected=$1
  shift
  "$LYNCTOPO" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$expected" ] || fail "lynctopo $* exited $code, expected $expected: $(head -3 "$work/err")"
}

# Valid examples: exit 0, one "ok" line each, nothing on stderr.
run 0 validate "$SOURCE_DIR"/examples/*.json "$SOURCE_DIR"/examples/*.xml
[ "$(grep -c ': ok (0 warnings)$' "$work/out")" -eq "$(ls "$SOURCE_DIR"/examples/*.json "$SOURCE_DIR"/examples/*.xml | wc -l)" ] ||
  fail "expected one ok line per example: $(cat "$work/out")"
[ ! -s "$work/err" ] || fail "valid examples printed on stderr: $(cat "$work/err")"

# An invalid file: exit 1, every line in the diagnostic format, with positions.
cat >"$work/bad.json" <<'JSON'
{
  "format_version": 1,
  "certificates": {"key_bits": "many"},
  "sites": [{"name": "A", "kind": "centrl", "colour": "blue"}]
}
JSON
run 1 validate "$work/bad.json"
pattern='^[^:]+:[0-9]+:[0-9]+: (error|warning|note): .+ \[LT[0-9]{4}\]$'
while IFS= read -r line; do
  [[ "$line" =~ $pattern ]] || fail "not in the diagnostic format: $line"
done <"$work/err"
grep -qF "$work/bad.json:3:32: error: 'key_bits' must be an integer, not a string [LT0105]" "$work/err" ||
  fail "missing key_bits diagnostic: $(cat "$work/err")"
grep -q "did you mean 'central'" "$work/err" || fail "no suggestion for 'centrl'"
grep -q "unknown field 'colour'" "$work/err" || fail "no unknown-field warning"
[ ! -s "$work/out" ] || fail "invalid file printed an ok line"

# One good and one bad file: exit 1, the good one still reported ok.
run 1 validate "$SOURCE_DIR/examples/small-business.json" "$work/bad.json"
grep -q 'small-business.json: ok' "$work/out" || fail "good file not reported with a bad one"

# Malformed inputs: exit 1 and exactly one diagnostic line each.
printf '{\n  "format_version": 1,\n' >"$work/truncated.json"
printf '<topology xmlns="urn:lynctopo:topology:1" format_version="1">\n<sites>\n' >"$work/truncated.xml"
: >"$work/empty.json"
printf '\x00\x01\x02binary' >"$work/binary.json"
printf '\xff\xfe<\x00t\x00o\x00p\x00o\x00l\x00o\x00g\x00y\x00/\x00>\x00' >"$work/utf16.xml"
mkdir -p "$work/folder.json"
for f in truncated.json truncated.xml empty.json binary.json utf16.xml folder.json missing.json; do
  run 1 validate "$work/$f"
  [ "$(wc -l <"$work/err")" -eq 1 ] || fail "$f: expected one diagnostic, got: $(cat "$work/err")"
  grep -qE '\[LT00[0-9]{2}\]$|\[LT01[0-9]{2}\]$' "$work/err" || fail "$f: unexpected code: $(cat "$work/err")"
  grep -qi 'terminate\|exception\|what()' "$work/err" && fail "$f: crash trace"
done
grep -q "^$work/truncated.json:3:1: error: malformed JSON" <(run 1 validate "$work/truncated.json"; cat "$work/err") ||
  fail "truncated JSON position: $(cat "$work/err")"

# JSON output: the diagnostics document on stdout.
run 1 validate --format json "$work/bad.json"
python3 - "$work/out" <<'PY' || fail "validate --format json output"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["format_version"] == 1, doc
# The structure findings, and validation of what could be read (no SIP domain, no pool,
# no simple URLs at all, a design warning).
assert doc["errors"] == 4 and doc["warnings"] == 2, doc
codes = sorted(d["code"] for d in doc["diagnostics"])
assert codes == ["LT0103", "LT0105", "LT0106", "LT1001", "LT1008", "LT1079"], codes
pointers = {d["code"]: d.get("pointer") for d in doc["diagnostics"]}
assert pointers["LT0105"] == "/certificates/key_bits", pointers
PY

# Usage errors: 64.
run 64 validate
run 64 validate --format yaml "$SOURCE_DIR/examples/enterprise.json"
run 64 convert "$SOURCE_DIR/examples/enterprise.json" -o "$work/out.txt"
run 64 schema
run 64 schema yaml

# convert refuses invalid input and writes nothing.
run 1 convert "$work/bad.json" -o "$work/never.xml"
[ ! -e "$work/never.xml" ] || fail "convert wrote output for an invalid input"
run 0 convert "$SOURCE_DIR/examples/enterprise.xml" --to json -o -
cmp -s "$work/out" "$SOURCE_DIR/examples/enterprise.json" || fail "convert to stdout differs"

# --help on each command carries an example.
for cmd in validate convert schema; do
  run 0 "$cmd" --help
  grep -q 'Example' "$work/out" || fail "$cmd --help has no example"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "cli_validate: ok"
