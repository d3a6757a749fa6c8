#!/usr/bin/env bash
# The report in a real browser: headless Chromium (Debian's) driven by playwright-core from
# tests/browser (installed by scripts/install-deps --with-test-tools). Screenshot kept under the
# build folder: $WORK_DIR/report_browser/report.png.
set -uo pipefail
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}"
WORK_DIR=${WORK_DIR:-/tmp}
[ -x /usr/bin/chromium ] || skip "Debian's chromium is not installed (apt-get install chromium)"
command -v node >/dev/null || skip "node is not installed"
[ -d "$SOURCE_DIR/tests/browser/node_modules/playwright-core" ] ||
  fail "playwright-core is missing: run scripts/install-deps --with-test-tools (npm ci in tests/browser)"

OUT=$WORK_DIR/report_browser
rm -rf "$OUT"
mkdir -p "$OUT"
EXAMPLE=$SOURCE_DIR/examples/enterprise.json
"$LYNCTOPO" generate "$EXAMPLE" --out "$OUT/gen" >"$OUT/gen.log" 2>&1 || fail "generate: $(cat "$OUT/gen.log")"
"$LYNCTOPO" plan "$EXAMPLE" --format json >"$OUT/plan.json" || fail "plan"
python3 - "$OUT/plan.json" "$OUT/gen/certificates/certificates.json" >"$OUT/expected.json" <<'PY' || fail "expected counts"
import json, sys
plan = json.load(open(sys.argv[1]))
certs = json.load(open(sys.argv[2]))["certificates"]
pools = len(plan["pools"])
print(json.dumps({"pools": pools, "certificates": len(certs), "filter": "pool01.contoso.local"}))
PY
cd "$SOURCE_DIR/tests/browser" || fail "no tests/browser"
timeout 120 node report.mjs "$OUT/gen/report/report.html" "$OUT/expected.json" "$OUT/report.png" || fail "browser checks"
[ -s "$OUT/report.png" ] || fail "no screenshot"
echo "screenshot: $OUT/report.png"
