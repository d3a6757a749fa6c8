#!/usr/bin/env bash
# `lynctopo import` on every real Lync sample: exit codes, positioned placeholder errors,
# overlay errors, usage errors. Skips (77) when ../shared/fixtures is absent.
set -u
fixtures="$SHARED_DIR/fixtures/lync"
if [[ ! -d "$fixtures" ]]; then
  echo "SKIPPED: $fixtures not found"
  exit 77
fi
work="$WORK_DIR/import_lync"
rm -rf "$work" && mkdir -p "$work"
fail=0
check() {  # description, expected exit code, command...
  local what="$1" want="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, expected $want"
    cat "$work/err"
    fail=1
  fi
}

for f in sfbautomatedlab-contoso.tbxml otc-standard-edition.tbxml rlevchenko-published.xml \
         ibenbouzid-v2-published.xml; do
  check "import $f" 0 "$LYNCTOPO" import "$fixtures/$f" -o "$work/$f.json"
  [[ -s "$work/$f.json" ]] || { echo "FAIL: no output for $f"; fail=1; }
  check "import $f as XML" 0 "$LYNCTOPO" import "$fixtures/$f" -o "$work/$f.xml"
done

check "placeholders" 1 "$LYNCTOPO" import "$fixtures/placeholders-published.xml" -o "$work/p.json"
grep -q "placeholders-published.xml:12:62: error: .*\\\$SkypeFQDN.*\[LT3010\]" "$work/err" ||
  { echo "FAIL: no positioned LT3010"; cat "$work/err"; fail=1; }
[[ -e "$work/p.json" ]] && { echo "FAIL: output written despite errors"; fail=1; }

check "published warns about simple URLs" 0 "$LYNCTOPO" import "$fixtures/rlevchenko-published.xml" -o "$work/r.json"
grep -q "warning: .*Get-CsSimpleUrlConfiguration.*\[LT1079\]" "$work/err" ||
  { echo "FAIL: no LT1079 for a published document"; cat "$work/err"; fail=1; }

check "--original on a file without it" 1 "$LYNCTOPO" import --original "$fixtures/otc-standard-edition.tbxml" -o "$work/o.json"
grep -q "LT3004" "$work/err" || { echo "FAIL: no LT3004"; cat "$work/err"; fail=1; }

overlay="$SOURCE_DIR/examples/overlays/sfbautomatedlab-contoso.json"
check "import with the example overlay" 0 "$LYNCTOPO" import "$fixtures/sfbautomatedlab-contoso.tbxml" --overlay "$overlay" -o "$work/contoso.json"
grep -q "LT30[2-9][0-9]" "$work/err" && { echo "FAIL: gap warnings despite the overlay"; cat "$work/err"; fail=1; }
grep -q '"webext.contoso.com"' "$work/contoso.json" || { echo "FAIL: overlay not applied"; fail=1; }
check "validate the imported file" 0 "$LYNCTOPO" validate "$work/contoso.json"
check "validate the Lync file with the overlay" 0 "$LYNCTOPO" validate "$fixtures/sfbautomatedlab-contoso.tbxml" --overlay "$overlay"
check "unknown pool in an overlay" 1 "$LYNCTOPO" import "$fixtures/otc-standard-edition.tbxml" --overlay "$overlay" -o "$work/bad.json"
grep -q "sfbautomatedlab-contoso.json:[0-9]*:[0-9]*: error: overlay pool 'frontendpool.contoso.com' is not in the imported topology.*\[LT3031\]" "$work/err" ||
  { echo "FAIL: no positioned LT3031 in the overlay"; cat "$work/err"; fail=1; }
check "our own format is refused" 1 "$LYNCTOPO" import "$work/contoso.json" -o "$work/again.json"
grep -q "LT3002" "$work/err" || { echo "FAIL: no LT3002 for our JSON"; fail=1; }

check "missing -o" 64 "$LYNCTOPO" import "$fixtures/otc-standard-edition.tbxml"
check "--help" 0 "$LYNCTOPO" import --help
grep -q "Example" "$work/out" || { echo "FAIL: --help has no example"; fail=1; }

exit $fail
