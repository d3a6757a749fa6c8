#!/usr/bin/env bash
# Every PowerShell script lynctopo generates parses with the PowerShell grammar (tree-sitter,
# tests/powershell/), declares SupportsShouldProcess, makes each change inside a ShouldProcess
# branch behind a read of the current state, and keeps every hostile free-text field inside one
# single-quoted literal. Covers the examples (hosting scale included), every product of every
# reverse proxy, a hostile-names topology, the real Lync samples, and ejected templates.
set -euo pipefail
checker="$SOURCE_DIR/tests/powershell"
work="$WORK_DIR/powershell_syntax"
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*"; exit 1; }
command -v node >/dev/null || { echo "SKIPPED: node is not installed (scripts/install-deps --with-test-tools)"; exit 77; }
[[ -d "$checker/node_modules/web-tree-sitter" ]] ||
  { echo "SKIPPED: run scripts/install-deps --with-test-tools (npm ci in tests/powershell)"; exit 77; }

# The checker's own tests: each grammar normalisation is needed and sufficient, and real
# syntax errors (unclosed string, unbalanced brace) still fail.
(cd "$checker" && node --test pscheck.test.mjs) >"$work/unit.txt" 2>&1 || { cat "$work/unit.txt"; fail "checker unit tests"; }

generate() {  # input out [extra args...]
  local input=$1 out=$2; shift 2
  "$LYNCTOPO" generate "$input" --out "$out" --set proxy.all_products=true "$@" >"$work/gen.txt" 2>&1 ||
    { cat "$work/gen.txt"; fail "generate $input"; }
}

# Fragments of the hostile fields (tests/integration/data/hostile-names.json), as they must
# appear inside a single-quoted literal: quotes doubled, nothing else changed.
literals=(--literal 'Remove-Item C:\' --literal 'Stop-Computer' --literal "Q''x ‘‘y’’ “z” \$(Remove-Item C:\\) \`n \`\$ ; Stop-Computer; \"dq\" #> <# ")
check() {  # label files...
  local label=$1; shift
  [[ $# -gt 0 ]] || fail "$label: no .ps1 generated"
  node "$checker/pscheck.mjs" --should-process "${literals[@]}" "$@" >"$work/check.txt" 2>&1 ||
    { cat "$work/check.txt"; fail "$label"; }
  echo "$label: $(tail -1 "$work/check.txt")"
}

for example in enterprise small-business hosting; do
  generate "$SOURCE_DIR/examples/$example.json" "$work/$example"
  mapfile -t files < <(find "$work/$example" -name '*.ps1' | sort)
  check "$example" "${files[@]}"
done
for kind in request-certificates dns kerberos tmg-publish arr-apply; do
  find "$work"/enterprise "$work"/small-business "$work"/hosting -name "$kind.ps1" | grep -q . ||
    fail "no $kind.ps1 among the examples' scripts"
done

generate "$SOURCE_DIR/tests/integration/data/hostile-names.json" "$work/hostile"
mapfile -t hostile < <(find "$work/hostile" -name '*.ps1' | sort)
[[ ${#hostile[@]} -ge 6 ]] || fail "hostile topology: only ${#hostile[@]} scripts"
grep -q "Stop-Computer" "${hostile[@]}" || fail "the hostile text reaches no script"
check hostile "${hostile[@]}"

samples=0
if [[ -d "$SHARED_DIR/fixtures/lync" ]]; then
  for fixture in "$SHARED_DIR"/fixtures/lync/*.tbxml "$SHARED_DIR"/fixtures/lync/*.xml; do
    name=$(basename "$fixture")
    [[ $name == placeholders-published.xml ]] && continue  # must keep failing validation
    overlay=("$SOURCE_DIR/examples/overlays/${name%.*}.json")
    [[ -f ${overlay[0]} ]] && overlay=(--overlay "${overlay[0]}") || overlay=()
    # A sample the tool cannot plan yet is another test's business; this one checks scripts.
    if ! "$LYNCTOPO" generate "$fixture" "${overlay[@]}" --out "$work/lync-$name" \
        --set proxy.all_products=true >"$work/gen.txt" 2>&1; then
      echo "note: $name: no artifacts ($(grep -o '\[LT[0-9]*\]' "$work/gen.txt" | sort -u | tr '\n' ' '))"
      continue
    fi
    mapfile -t files < <(find "$work/lync-$name" -name '*.ps1' | sort)
    check "$name" "${files[@]}"
    ((++samples))
  done
  [[ $samples -gt 0 ]] || fail "no real Lync sample generated any script"
else
  echo "note: $SHARED_DIR absent, real Lync samples not checked"
fi

# Ejected templates render the same scripts, which pass the same checks.
"$LYNCTOPO" templates eject "$work/ejected" >/dev/null
generate "$SOURCE_DIR/tests/integration/data/hostile-names.json" "$work/hostile-ejected" --templates "$work/ejected"
diff -r "$work/hostile" "$work/hostile-ejected" >/dev/null || fail "ejected templates render other scripts"
mapfile -t files < <(find "$work/hostile-ejected" -name '*.ps1' | sort)
check ejected "${files[@]}"

# The checks can fail: a template that embeds a site name without PowerShell quoting, and one
# that assigns a certificate outside ShouldProcess, are caught.
cp -r "$work/ejected" "$work/mutated"
sed -i "s/-Identity {{{identity_ps}}} -Account/-Identity 'site:{{site_comment}}' -Account/" \
  "$work/mutated/kerberos/runbook.ps1.mustache"
# lynctopo's own proof of the rendered files refuses it first (LT4256)...
if "$LYNCTOPO" generate "$SOURCE_DIR/tests/integration/data/hostile-names.json" --out "$work/mutated-out" \
    --templates "$work/mutated" --only kerberos >"$work/gen.txt" 2>&1; then
  fail "generate accepted a runbook that loses a site assignment"
fi
grep -q 'LT4256' "$work/gen.txt" || { cat "$work/gen.txt"; fail "no LT4256 for the unquoted site"; }
# ...and the parser catches it when the proof is overridden.
generate "$SOURCE_DIR/tests/integration/data/hostile-names.json" "$work/mutated-out" --templates "$work/mutated" --only kerberos --allow-inconsistent
if node "$checker/pscheck.mjs" "${literals[@]}" "$work/mutated-out/kerberos/kerberos.ps1" >"$work/check.txt" 2>&1; then
  fail "an unquoted site name was not caught"
fi
grep -q 'kerberos.ps1:[0-9]*:[0-9]*: error:' "$work/check.txt" || fail "no file:line:col in the report"
cp -r "$work/ejected" "$work/mutated2"
sed -i 's/^  if (\$PSCmdlet.ShouldProcess(\$ComputerFqdn, .Assign certificate .*/  if ($true) {/' \
  "$work/mutated2/certificates/request-certificates.ps1.mustache"
generate "$SOURCE_DIR/examples/enterprise.json" "$work/mutated2-out" --templates "$work/mutated2" --only certificates
if node "$checker/pscheck.mjs" --should-process "$work/mutated2-out/certificates/request-certificates.ps1" >"$work/check.txt" 2>&1; then
  fail "Set-CsCertificate outside ShouldProcess was not caught"
fi
grep -q 'Set-CsCertificate is not inside' "$work/check.txt" || { cat "$work/check.txt"; fail "wrong report"; }
echo ok
