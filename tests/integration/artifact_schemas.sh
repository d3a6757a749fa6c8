#!/usr/bin/env bash
# Every JSON artifact `generate` writes for machines validates against its schema in schemas/,
# for every shipped example (both formats give the same artifacts; the report names input positions).
set -euo pipefail
work="$WORK_DIR/artifact_schemas"
rm -rf "$work"
mkdir -p "$work"
python3 -c 'import jsonschema' 2>/dev/null || { echo "FAIL: python3-jsonschema is missing (scripts/install-deps --with-test-tools)"; exit 1; }

# artifact path -> schema file
declare -A schema_of=(
  [kerberos/plan.json]=kerberos-plan.schema.json
  [iis/servers.json]=iis-servers.schema.json
  [certificates/certificates.json]=certificates.schema.json
  [dns/records.json]=dns-records.schema.json
  [proxy/rules.json]=proxy-rules.schema.json
  [manifest.json]=manifest.schema.json
  [firewall/rules.json]=firewall-rules.schema.json
  [loadbalancer/virtual-servers.json]=loadbalancer-plan.schema.json
)

checked=0
for example in "$SOURCE_DIR"/examples/*.json; do
  name=$(basename "$example" .json)
  "$LYNCTOPO" generate "$example" --out "$work/$name-json" >/dev/null
  "$LYNCTOPO" generate "${example%.json}.xml" --out "$work/$name-xml" >/dev/null
  # The twins give the same artifacts, byte for byte, but for the report's findings table,
  # which names where in the input file each finding is (a line:column or a JSON pointer), and
  # the manifest's checksum of that page.
  diff -r -x report.html -x manifest.json "$work/$name-json" "$work/$name-xml"
  where='s#<td>'"$name"'\.\(json\|xml\)[^<]*</td>#<td>(input)</td>#'
  diff <(sed "$where" "$work/$name-json/report/report.html") \
    <(sed "$where" "$work/$name-xml/report/report.html")
  diff <(grep -v '"sha256"' "$work/$name-json/manifest.json") \
    <(grep -v '"sha256"' "$work/$name-xml/manifest.json")
  for artifact in "${!schema_of[@]}"; do
    file="$work/$name-json/$artifact"
    [[ -f "$file" ]] || continue
    python3 - "$SOURCE_DIR/schemas/${schema_of[$artifact]}" "$file" <<'PY'
import json, sys, jsonschema
jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
PY
    checked=$((checked + 1))
  done
done
[[ $checked -gt 0 ]] || { echo "no JSON artifact was produced"; exit 1; }
echo "$checked artifacts valid against their schemas"
