#!/usr/bin/env bash
# Every generated IIS ARR configuration parses as XML (xmllint) and validates against
# schemas/iis-arr.xsd: for every example with all proxy products, and for copies whose reverse
# proxies carry hostile names ("RP (DMZ)" becomes the id proxy-rp--dmz-: "--" and a trailing
# "-" are not allowed in an XML comment). `lynctopo check` must agree (exit 0) on each.
set -u
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"
command -v xmllint >/dev/null || { echo "SKIPPED: xmllint not installed"; exit 77; }

work="$WORK_DIR/proxy_arr_xml"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Copies of the examples whose proxies get hostile names (kept valid: quoting-safe characters).
for topology in "$SOURCE_DIR"/examples/*.json; do
  name=$(basename "$topology" .json)
  python3 - "$topology" "$work/$name-hostile.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
hostile = ["RP (DMZ)", "rp--edge-", "-", "a---b--"]
i = 0
for site in doc["sites"]:
    for proxy in site["reverse_proxies"]:
        proxy["name"] = hostile[i % len(hostile)] + ("" if i < len(hostile) else str(i))
        i += 1
json.dump(doc, open(sys.argv[2], "w"), indent=2)
PY
done

checked=0
for topology in "$SOURCE_DIR"/examples/*.json "$work"/*-hostile.json; do
  name=$(basename "$topology" .json)
  out="$work/out-$name"
  if ! "$LYNCTOPO" generate "$topology" --out "$out" --only proxy --set proxy.all_products=true \
      >"$work/$name.log" 2>&1; then
    fail "$name: generate failed"; cat "$work/$name.log"; continue
  fi
  "$LYNCTOPO" check "$topology" >"$work/$name-check.log" 2>&1 ||
    { fail "$name: lynctopo check failed"; cat "$work/$name-check.log"; }
  for xml in "$out"/proxy/*/arr-applicationHost.xml; do
    [ -f "$xml" ] || continue
    xmllint --noout "$xml" 2>"$work/xmllint.err" ||
      { fail "$xml is not well-formed XML: $(cat "$work/xmllint.err")"; continue; }
    xmllint --noout --schema "$SOURCE_DIR/schemas/iis-arr.xsd" "$xml" 2>"$work/xmllint.err" ||
      { fail "$xml does not validate: $(cat "$work/xmllint.err")"; continue; }
    checked=$((checked + 1))
  done
done
[ "$checked" -gt 0 ] || fail "no arr-applicationHost.xml was generated"
[ "$failures" -eq 0 ] || exit 1
echo "$checked ARR configurations parse and validate, hostile proxy names included"
