#!/usr/bin/env bash
# User-facing text cites Microsoft's documentation or our own docs/, never the tags of the
# project's planning notes ("call 13", "(C.5 step 1)", "(F8)", "§B.8", "[C1]") nor the path of
# the planning checkout ("../shared"), which users do not have. Scanned: every string of the
# binary (diagnostics, --help, the compiled-in templates and schemas), templates/, docs/,
# schemas/, examples/, README.md, the --help of every subcommand and the artifacts generated
# from every example.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
work="$WORK_DIR/no_internal_references"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# One alternative per kind of tag. `[V6]` (an IPv6 address placeholder) is no tag.
tags=(
  '\bcalls? [0-9]+\b'                 # "call 13", "calls 4 and 12"
  '§'                                 # "§B.8", "§E"
  '\b[A-F]\.[0-9]+( step [0-9]+)?\b'  # "C.5 step 1", "A.12"
  '\((spec )?[A-FR][0-9]{1,2}([,/:;)]| and )' # "(F8)", "(F1, F2)", "(D7, ...", "(R10 ..."
  '[ ,/][A-FR][0-9]{1,2}\)'           # "..., F20)", "F13/F23)"
  '\[[A-UW-Z][0-9]+\]'                # "[C1]"
  '\.\./shared'
  'shared/spec'
  '\bspec (tags?|rules?)\b'
  'domain-rules\.md'
)
pattern=$(IFS='|'; echo "${tags[*]}")

# The pattern itself must catch each kind of tag (else this test could never fail).
for sample in 'simple URLs (call 13; read them' 'binding first (C.5 step 1).' \
  'internal only (F8).' 'see §B.8' 'rule [C1] applies' 'point into ../shared/spec/' \
  'no SIP domain (F22).' 'several servers (F13, F23).' '(LT108x, E, F19, F20)' \
  'a CNAME (D7, call 12)' 'the spec tags point there'; do
  grep -qE "$pattern" <<<"$sample" || fail "the scan misses a tag in: $sample"
done
for sample in 'ADDR or ADDR:PORT ([V6]:PORT)' 'an F5 BIG-IP load balancer' 'RFC 1035 section 2.3.4' \
  'Lync Server 2013' 'TLS 1.2'; do
  if grep -qE "$pattern" <<<"$sample"; then fail "the scan flags plain text: $sample"; fi
done

# scan LABEL < TEXT: every matching line is a failure.
scan() {
  local label=$1 hits
  hits=$(grep -nE "$pattern" || true)
  [ -z "$hits" ] || fail "$label cites internal notes:"$'\n'"$hits"
}

strings -n 4 "$LYNCTOPO" | scan "the binary's strings"
for folder in templates docs schemas examples; do
  while IFS= read -r file; do
    scan "${file#"$SOURCE_DIR"/}" <"$file"
  done < <(find "$SOURCE_DIR/$folder" -type f | sort)
done
scan README.md <"$SOURCE_DIR/README.md"

# --help of every subcommand (and of the sub-subcommands), as a user reads it.
"$LYNCTOPO" --help >"$work/help" 2>&1
for cmd in validate import convert plan generate check certs "certs check" diff verify \
  "verify proxy" templates "templates list" "templates eject" schema; do
  # shellcheck disable=SC2086
  "$LYNCTOPO" $cmd --help >>"$work/help" 2>&1 || fail "lynctopo $cmd --help exited $?"
done
scan "--help" <"$work/help"

# Generated artifacts of every example, every generator.
for example in "$SOURCE_DIR"/examples/*.json; do
  name=$(basename "$example" .json)
  "$LYNCTOPO" generate "$example" --out "$work/out-$name" >/dev/null 2>"$work/err" ||
    fail "generate $name failed: $(head -3 "$work/err")"
  while IFS= read -r file; do
    scan "generated ${file#"$work"/}" <"$file"
  done < <(find "$work/out-$name" -type f | sort)
done

[ "$failures" -eq 0 ] || exit 1
echo "no internal references in the binary, templates, docs, --help and generated artifacts"
