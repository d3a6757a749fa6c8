#!/usr/bin/env bash
# `lynctopo plan --format json` on every shipped example validates against
# schemas/plan.schema.json, and the XML and JSON twin of each example plan identically.
set -u
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"

if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "FAIL: python3 jsonschema is not installed (scripts/install-deps --with-test-tools)"
  exit 1
fi
shopt -s nullglob
examples=("$SOURCE_DIR"/examples/*.json)
if [ ${#examples[@]} -eq 0 ]; then
  echo "FAIL: no examples/*.json yet (scripts/install-deps --with-test-tools)"
  exit 1
fi

out="$WORK_DIR/plan_schema"
rm -rf "$out"
mkdir -p "$out"
status=0
for example in "${examples[@]}"; do
  name=$(basename "$example" .json)
  if ! "$LYNCTOPO" plan "$example" --format json -o "$out/$name.json" 2>"$out/$name.err"; then
    echo "FAIL: lynctopo plan $example"; cat "$out/$name.err"; status=1; continue
  fi
  "$LYNCTOPO" plan "$example" --format text -o "$out/$name.txt" 2>/dev/null || {
    echo "FAIL: text plan of $example"; status=1; }
  "$LYNCTOPO" plan "$example" --format md -o "$out/$name.md" 2>/dev/null || {
    echo "FAIL: markdown plan of $example"; status=1; }
  twin="$SOURCE_DIR/examples/$name.xml"
  if [ -f "$twin" ]; then
    if ! "$LYNCTOPO" plan "$twin" --format json -o "$out/$name.xml.json" 2>"$out/$name.xml.err"; then
      echo "FAIL: lynctopo plan $twin"; cat "$out/$name.xml.err"; status=1
    elif ! cmp -s "$out/$name.json" "$out/$name.xml.json"; then
      echo "FAIL: $name.xml and $name.json plan differently"
      diff "$out/$name.json" "$out/$name.xml.json" | head -20
      status=1
    fi
  fi
done

python3 - "$SOURCE_DIR/schemas/plan.schema.json" "$out"/*.json <<'PY' || status=1
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sys.argv[2:]:
    document = json.load(open(path))
    for error in validator.iter_errors(document):
        failed = True
        print(f"FAIL: {path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    if not document["names"]:
        failed = True
        print(f"FAIL: {path}: no names planned")
sys.exit(1 if failed else 0)
PY
[ $status -eq 0 ] && echo "plan JSON of ${#examples[@]} example(s) validates"
exit $status
