#!/usr/bin/env bash
# Every example validates against schemas/ (xmllint for the XSD, python3-jsonschema for the
# JSON Schema), and so does what `lynctopo convert` writes; convert round-trips byte-identically.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
command -v xmllint >/dev/null || { echo "FAIL: xmllint not installed (scripts/install-deps --with-test-tools)"; exit 1; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "FAIL: python3-jsonschema not installed (scripts/install-deps --with-test-tools)"; exit 1; }

work="$WORK_DIR/schemas"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

check_json() {
  python3 - "$SOURCE_DIR/schemas/lynctopo.schema.json" "$@" <<'PY' || fail "JSON Schema: $*"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    for error in validator.iter_errors(json.load(open(path))):
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
        bad += 1
sys.exit(1 if bad else 0)
PY
}

check_xml() {
  xmllint --noout --schema "$SOURCE_DIR/schemas/lynctopo.xsd" "$@" || fail "XSD: $*"
}

# The embedded copies are the files.
"$LYNCTOPO" schema json | cmp -s - "$SOURCE_DIR/schemas/lynctopo.schema.json" || fail "schema json differs"
"$LYNCTOPO" schema xsd | cmp -s - "$SOURCE_DIR/schemas/lynctopo.xsd" || fail "schema xsd differs"

for xml in "$SOURCE_DIR"/examples/*.xml; do
  name=$(basename "$xml" .xml)
  json="$SOURCE_DIR/examples/$name.json"
  [ -f "$json" ] || { fail "$name.xml has no JSON twin"; continue; }
  check_xml "$xml"
  check_json "$json"
  # XML -> JSON -> XML -> JSON: each step byte-identical to the shipped twins.
  "$LYNCTOPO" convert "$xml" -o "$work/$name.1.json" || fail "convert $name.xml"
  "$LYNCTOPO" convert "$work/$name.1.json" -o "$work/$name.2.xml" || fail "convert $name.1.json"
  "$LYNCTOPO" convert "$work/$name.2.xml" -o "$work/$name.3.json" || fail "convert $name.2.xml"
  cmp -s "$work/$name.1.json" "$json" || fail "$name: XML -> JSON differs from $name.json"
  cmp -s "$work/$name.2.xml" "$xml" || fail "$name: JSON -> XML differs from $name.xml"
  cmp -s "$work/$name.1.json" "$work/$name.3.json" || fail "$name: second round trip differs"
  check_json "$work/$name.1.json" "$work/$name.3.json"
  check_xml "$work/$name.2.xml"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "schemas: all examples and conversions valid"
