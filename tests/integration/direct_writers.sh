#!/usr/bin/env bash
# The direct writers of the built-in templates' big sections (LazyList::direct) write what
# the templates render: every shipped example and every real Lync sample generates byte for
# byte the same artifacts with the built-ins as they are (writers used) and with them ejected
# into a --templates folder (the same text as overrides, so every section renders from its
# view). The samples are skipped, with a message, when ../shared is absent.
set -u
work="$WORK_DIR/direct_writers"
rm -rf "$work" && mkdir -p "$work"
"$LYNCTOPO" templates eject "$work/ejected" >/dev/null || { echo "FAIL: eject"; exit 1; }

inputs=("$SOURCE_DIR"/examples/*.json "$SOURCE_DIR"/examples/*.xml)
fixtures="$SHARED_DIR/fixtures/lync"
if [[ -d "$fixtures" ]]; then
  inputs+=("$fixtures"/*.tbxml "$fixtures"/*.xml)
else
  echo "note: $fixtures not found; the real samples are not compared"
fi

fail=0
n=0
for input in "${inputs[@]}"; do
  name=$(basename "$input")
  "$LYNCTOPO" generate "$input" --out "$work/$name.built-in" >/dev/null 2>&1
  rc_built_in=$?
  "$LYNCTOPO" generate "$input" --out "$work/$name.ejected" --templates "$work/ejected" \
    >/dev/null 2>&1
  rc_ejected=$?
  if [[ $rc_built_in -ne $rc_ejected ]]; then
    echo "FAIL: $name: exit $rc_built_in with the built-ins, $rc_ejected with them ejected"
    fail=1
  fi
  # A sample that fails writes nothing either way (placeholders-published.xml).
  if [[ $rc_built_in -ne 0 && ! -e "$work/$name.built-in" && ! -e "$work/$name.ejected" ]]; then
    n=$((n + 1))
    continue
  fi
  if ! diff -r "$work/$name.built-in" "$work/$name.ejected" >"$work/diff" 2>&1; then
    echo "FAIL: $name: artifacts differ between the direct writers and the templates"
    head -40 "$work/diff"
    fail=1
  fi
  n=$((n + 1))
done
# Guard against comparing nothing: the certificate artifacts must exist for the examples.
[[ -s "$work/enterprise.json.built-in/certificates/request-certificates.ps1" ]] ||
  { echo "FAIL: no request-certificates.ps1 for the enterprise example"; fail=1; }
[[ $fail -eq 0 ]] && echo "OK: $n inputs, identical with and without the direct writers"
exit $fail
