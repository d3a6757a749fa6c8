#!/usr/bin/env bash
# Every real Lync sample (but the placeholder template) works as it is, with no overlay:
# validate (warnings only; errors under --strict), plan, generate, check, diff with itself,
# import -> validate -> diff round trip, and a diff against an edited copy that names the
# artifact impact. Skips (77) when ../shared/fixtures is absent.
set -u
fixtures="$SHARED_DIR/fixtures/lync"
if [[ ! -d "$fixtures" ]]; then
  echo "SKIPPED: $fixtures not found"
  exit 77
fi
work="$WORK_DIR/lync_real_files"
rm -rf "$work" && mkdir -p "$work"
fail=0
check() {  # description, expected exit code, command...
  local what="$1" want="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, expected $want"
    head -c 3000 "$work/err"
    fail=1
  fi
}

files=()
for f in "$fixtures"/*.tbxml "$fixtures"/*.xml; do
  [[ "$(basename "$f")" == placeholders-published.xml ]] || files+=("$f")
done
[[ ${#files[@]} -ge 4 ]] || { echo "FAIL: expected at least 4 real samples, found ${#files[@]}"; fail=1; }

for f in "${files[@]}"; do
  name="$(basename "$f")"
  check "validate $name" 0 "$LYNCTOPO" validate "$f"
  grep -q "ok (" "$work/out" || { echo "FAIL: validate $name printed no ok line"; fail=1; }
  grep -q ": error: " "$work/err" && { echo "FAIL: validate $name reported errors"; fail=1; }
  check "validate --strict $name (design rules become errors)" 1 "$LYNCTOPO" validate --strict "$f"
  grep -q ": error: .*\[LT10" "$work/err" || { echo "FAIL: --strict gave no LT10xx error for $name"; fail=1; }

  check "plan --format json $name" 0 "$LYNCTOPO" plan "$f" --format json
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["names"], "no names"' "$work/out" ||
    { echo "FAIL: plan of $name is not JSON with names"; fail=1; }

  out="$work/gen-$name"
  check "generate $name" 0 "$LYNCTOPO" generate "$f" --out "$out"
  ls "$out"/certificates/*.json >/dev/null 2>&1 || { echo "FAIL: no certificates artifacts for $name"; fail=1; }
  [[ -s "$out/manifest.json" ]] || { echo "FAIL: no manifest for $name"; fail=1; }
  check "check $name" 0 "$LYNCTOPO" check "$f"

  check "diff $name $name" 0 "$LYNCTOPO" diff "$f" "$f"

  check "import $name" 0 "$LYNCTOPO" import "$f" -o "$work/$name.json"
  check "validate imported $name" 0 "$LYNCTOPO" validate "$work/$name.json"
  check "diff imported $name against the original" 0 "$LYNCTOPO" diff "$work/$name.json" "$f"
  check "import $name as XML" 0 "$LYNCTOPO" import "$f" -o "$work/$name.xml"
  check "diff imported XML $name against the original" 0 "$LYNCTOPO" diff "$work/$name.xml" "$f"
done

# An edited copy of a Topology Builder file: a new external web FQDN shows as a topology change
# and on the certificates.
tb="$fixtures/otc-standard-edition.tbxml"
edited="$work/otc-edited.tbxml"
python3 - "$tb" "$edited" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8-sig", newline="").read()
old = '<ExternalSettings Host="OCT-EXH-002.otc.lab">'
assert text.count(old) == 1, "expected one external web services host to edit"
text = text.replace(old, '<ExternalSettings Host="webext.otc.lab">')
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text)
PY
check "diff edited tbxml against the original" 2 "$LYNCTOPO" diff "$edited" "$tb"
grep -q "webext.otc.lab" "$work/out" || { echo "FAIL: the diff does not name the new external web FQDN"; cat "$work/out"; fail=1; }
grep -qi "certificate" "$work/out" || { echo "FAIL: the diff shows no certificate impact"; cat "$work/out"; fail=1; }
check "validate the edited copy" 0 "$LYNCTOPO" validate "$edited"

# The placeholder template must keep failing.
check "placeholders-published.xml" 1 "$LYNCTOPO" validate "$fixtures/placeholders-published.xml"
grep -q "LT3010" "$work/err" || { echo "FAIL: no LT3010 for the placeholder template"; fail=1; }

# The shipped examples have no design warnings.
for f in "$SOURCE_DIR"/examples/*.json "$SOURCE_DIR"/examples/*.xml; do
  check "validate --strict $(basename "$f")" 0 "$LYNCTOPO" validate --strict "$f"
  grep -q "ok (0 warnings)" "$work/out" || { echo "FAIL: $(basename "$f") has warnings"; cat "$work/err"; fail=1; }
done

[[ $fail -eq 0 ]] && echo "all real Lync samples validate, plan, generate, check, diff and round-trip"
exit $fail
