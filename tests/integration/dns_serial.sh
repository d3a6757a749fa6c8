#!/usr/bin/env bash
# The SOA serial moves exactly when a zone's content does (docs/domain-calls.md): a first run
# writes 1; an unchanged topology keeps every serial (and `generate --check` reports no drift);
# a change increments the serial of exactly the zones whose records changed, which BIND
# (named-checkzone) loads with that serial.
set -u
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"
command -v named-checkzone >/dev/null || { echo "SKIPPED: named-checkzone not installed"; exit 77; }

work="$WORK_DIR/dns_serial"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
example="$SOURCE_DIR/examples/enterprise.json"
out="$work/out"

serial_of() {  # zone file -> the serial BIND loads
  named-checkzone -i none "$(basename "$1" .zone)" "$1" 2>/dev/null |
    sed -n 's/.*loaded serial \([0-9]*\).*/\1/p'
}
serials() {  # "view/zone serial" per zone file, sorted
  for f in "$out"/dns/*/*.zone; do
    echo "$(basename "$(dirname "$f")")/$(basename "$f" .zone) $(serial_of "$f")"
  done | sort
}

"$LYNCTOPO" generate "$example" --out "$out" --only dns \
  >"$work/1.log" 2>&1 || { cat "$work/1.log"; fail "first generate"; }
first=$(serials)
echo "$first" | grep -qv ' 1$' && fail "first run serials are not all 1: $first"

"$LYNCTOPO" generate "$example" --out "$out" --only dns \
  >"$work/2.log" 2>&1 || fail "second generate"
[ "$(serials)" = "$first" ] || fail "an unchanged topology changed serials: $(serials)"
"$LYNCTOPO" generate "$example" --out "$out" --only dns --check \
  >"$work/check.log" 2>&1 || { cat "$work/check.log"; fail "--check reports drift on an unchanged topology"; }

# Move the Redmond reverse proxy's public address: only the external zones change.
changed="$work/changed.json"
sed 's/131\.107\.155\.40/131.107.155.41/g' "$example" >"$changed"
"$LYNCTOPO" generate "$changed" --out "$out" --only dns \
  >"$work/3.log" 2>&1 || { cat "$work/3.log"; fail "third generate"; }
after=$(serials)
expected=$(echo "$first" | python3 -c '
import sys
for line in sys.stdin.read().split("\n"):
    if not line.strip():
        continue
    zone, serial = line.split()
    print(zone, int(serial) + (1 if zone.startswith("external/") else 0))')
[ "$after" = "$expected" ] || fail "serials after the change: $after; expected: $expected"
# The same change again: nothing moves.
"$LYNCTOPO" generate "$changed" --out "$out" --only dns \
  >"$work/4.log" 2>&1 || fail "fourth generate"
[ "$(serials)" = "$expected" ] || fail "a repeated run moved serials: $(serials)"
# Back to the original topology: the zone changes again, so its serial grows again (never back).
"$LYNCTOPO" generate "$example" --out "$out" --only dns \
  >"$work/5.log" 2>&1 || fail "fifth generate"
grep -q '^external/contoso.com 3$' <<<"$(serials)" || fail "serial did not grow to 3: $(serials)"
# A zone edited by hand is regenerated with a higher serial, never a lower one.
echo "extra IN A 192.0.2.1" >>"$out/dns/internal/contoso.local.zone"
"$LYNCTOPO" generate "$example" --out "$out" --only dns \
  >"$work/6.log" 2>&1 || fail "sixth generate"
grep -q '^internal/contoso.local 2$' <<<"$(serials)" ||
  fail "a hand-edited zone did not get the next serial: $(serials)"

[ "$failures" -eq 0 ] || exit 1
echo "SOA serials: 1 on the first run, kept when unchanged, +1 only for the changed zone"
