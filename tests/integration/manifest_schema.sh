#!/usr/bin/env bash
# generate on a shipped example with the real binary: the manifest validates against
# schemas/manifest.schema.json, a second run changes nothing (same bytes, same mtimes),
# --check says identical (0) and then, after a manual edit, differs (2).
set -euo pipefail
example="$SOURCE_DIR/examples/enterprise.json"
if [[ ! -f "$example" ]]; then
  echo "FAIL: $example is absent (scripts/install-deps --with-test-tools)"
  exit 1
fi
work="$WORK_DIR/manifest_schema"
rm -rf "$work"
mkdir -p "$work"
out="$work/out"

"$LYNCTOPO" generate "$example" --out "$out" >"$work/first.txt"
python3 - "$SOURCE_DIR/schemas/manifest.schema.json" "$out/manifest.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
manifest = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator(schema).validate(manifest)
paths = [a["path"] for a in manifest["artifacts"]]
assert paths == sorted(paths), "artifacts not sorted by path"
print(f"manifest valid: {len(paths)} artifacts")
PY

snapshot() { (cd "$out" && find . -type f -printf '%P %s %T@\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
snapshot >"$work/before.txt"
"$LYNCTOPO" generate "$example" --out "$out" >/dev/null
snapshot >"$work/after.txt"
diff -u "$work/before.txt" "$work/after.txt"

"$LYNCTOPO" generate "$example" --out "$out" --check >/dev/null
victim=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["artifacts"]; print(a[0]["path"] if a else "manifest.json")' "$out/manifest.json")
echo "# edited by hand" >>"$out/$victim"
set +e
"$LYNCTOPO" generate "$example" --out "$out" --check >"$work/check.txt"
rc=$?
set -e
if [[ $rc -ne 2 ]]; then
  echo "expected exit 2 from --check after editing $victim, got $rc"
  cat "$work/check.txt"
  exit 1
fi
grep -q "$victim" "$work/check.txt"
echo "ok"
