#!/usr/bin/env bash
# The README's tour runs as written: every command of its ```sh block, in order, from a copy
# of the shipped files (examples/) in a temporary folder, with the exit code the README states
# ("# exit N" in the line's comment, else 0; "live" commands may only fail with 1, and must do
# so quickly where there is no deployment). Every file a command names must be shipped or made
# by an earlier command of the tour.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
work="$WORK_DIR/readme_tour"
rm -rf "$work" && mkdir -p "$work/build/release"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cp -r "$SOURCE_DIR/examples" "$work/examples"
ln -s "$LYNCTOPO" "$work/build/release/lynctopo"

# The tour: the first ```sh fence after the "## A five-minute tour" heading.
awk '/^## A five-minute tour/ {tour = 1; next}
     tour && /^## / {exit}
     tour && /^```sh/ {inside = 1; next}
     inside && /^```/ {exit}
     inside {print}' "$SOURCE_DIR/README.md" >"$work/tour.sh"
count=$(grep -cE '^(lynctopo|openssl|alias) ' "$work/tour.sh")
[ "$count" -ge 20 ] || fail "found only $count commands in the README tour"

ran=0
while IFS= read -r line; do
  case "$line" in '' | '#'*) continue ;; esac
  comment=""
  [[ "$line" == *" # "* ]] && comment="${line#* # }"
  expected=0
  if [[ "$comment" =~ exit\ ([0-9]+) ]]; then expected=${BASH_REMATCH[1]}; fi
  live=false
  [[ "$comment" =~ (^|[^a-z])live([^a-z]|$) ]] && live=true
  # The alias of the README's first line, as a function (aliases do not expand in scripts).
  start=$(date +%s)
  (cd "$work" && timeout 60 bash -c "lynctopo() { build/release/lynctopo \"\$@\"; }; $line") \
    >"$work/.stdout" 2>"$work/.stderr"
  code=$?
  elapsed=$(($(date +%s) - start))
  ran=$((ran + 1))
  if $live; then
    # Without a deployment a live check must fail cleanly, within its timeout.
    [ "$code" -le 2 ] || fail "live: '$line' exited $code: $(head -3 "$work/.stderr")"
    [ "$elapsed" -le 15 ] || fail "live: '$line' took ${elapsed}s"
  elif [ "$code" -ne "$expected" ]; then
    fail "'$line' exited $code, the README says $expected: $(head -5 "$work/.stderr")"
  fi
done <"$work/tour.sh"

# What the tour says it made.
for made in plan.md plan.json out/manifest.json generate.json fabrikam.json fabrikam-plan.txt \
  change.md fe.pem my-templates enterprise.xml lynctopo.schema.json; do
  [ -e "$work/$made" ] || fail "the tour should have made $made"
done
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["unchanged"] > 0, d["summary"]' \
  "$work/generate.json" || fail "generate --format json after a generate: nothing unchanged"
grep -q '^| delete | sip-domain | `fabrikam.net`' "$work/change.md" ||
  fail "the tour's diff lost the planned removal of fabrikam.net: $(head -20 "$work/change.md")"

[ "$failures" -eq 0 ] || exit 1
echo "README tour: $ran commands ran with the exit codes the README states"
