#!/usr/bin/env bash
# `lynctopo check` through the binary: exit codes and messages over the models, over a generated
# folder read back from disk (hand edits of every artifact kind, each caught by its exact code
# and file:line), --format json against its schema, and `generate` refusing a template override
# that drops a name unless --allow-inconsistent.
set -uo pipefail
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"
work="$WORK_DIR/check_cli"
rm -rf "$work"
mkdir -p "$work"
example="$SOURCE_DIR/examples/enterprise.json"

fail() { echo "FAIL: $*"; exit 1; }
expect_rc() {  # expected command...
  local expected=$1; shift
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local rc=$?
  [[ $rc -eq $expected ]] || { cat "$work/out.txt" "$work/err.txt"; fail "$* exited $rc, expected $expected"; }
}
python3 -c 'import jsonschema' 2>/dev/null ||
  fail "python3-jsonschema is missing (scripts/install-deps --with-test-tools)"

# The models: consistent, exit 0, the rule count in the summary.
expect_rc 0 "$LYNCTOPO" check "$example"
grep -Eq '^[0-9]+ consistency rules: 0 errors' "$work/out.txt" || fail "summary: $(cat "$work/out.txt")"
# Usage and input errors.
expect_rc 64 "$LYNCTOPO" check
expect_rc 64 "$LYNCTOPO" check "$example" --format yaml
expect_rc 1 "$LYNCTOPO" check "$work/nothing.json"
expect_rc 1 "$LYNCTOPO" check "$example" --artifacts "$work/no-such-folder"
grep -q 'LT4250' "$work/err.txt" || fail "a missing folder is not LT4250"

# A generated folder as written: consistent.
# Every proxy product, so the HAProxy and ARR configurations are read back too.
expect_rc 0 "$LYNCTOPO" generate "$example" --out "$work/out" --set proxy.all_products=true
expect_rc 0 "$LYNCTOPO" check "$example" --artifacts "$work/out"

# One hand edit per row: file, sed expression, the code it must raise, the file:line prefix (or
# just the file) the finding must name.
mutations=(
  "dns/external/contoso.com.zone|/^webconf .*131.107.155.21/d|LT4201|dns:"
  "dns/external/contoso.com.zone|/^_sipfederationtls/d|LT4202|dns:"
  "dns/internal/contoso.local.zone|s/^pool01 .*/pool01 IN A 10.9.9.9/|LT4252|dns/records.csv:29:1:"
  "dns/records.csv|/^external,fabrikam.com,meet.fabrikam.com,A/d|LT4252|dns/records.csv:"
  "dns/records.json|s/\"value\": \"131.107.155.30\"/\"value\": \"131.107.155.39\"/|LT4252|dns/records.json:"
  "dns/dns.ps1|/Name = 'dialin'; Type = 'A'; Data = '131/d|LT4252|dns/dns.ps1:"
  "dns/external/fabrikam.com.zone|s/^meet .*/meet IN A (/|LT4251|dns/external/fabrikam.com.zone:"
  "certificates/openssl/fe01.contoso.local-default.cnf|s/DNS:webext01.contoso.com, //|LT4253|certificates/openssl/fe01.contoso.local-default.cnf:21:1:"
  "certificates/openssl/edgepool.contoso.local-external.cnf|s/^CN = .*/CN = other.contoso.com/|LT4253|certificates/openssl/edgepool.contoso.local-external.cnf"
  "certificates/certificates.json|s/\"webconf.contoso.com\"/\"webconf2.contoso.com\"/|LT4205|certificates/certificates.json:"
  "proxy/rp-dublin/nginx.conf|s/server webext02.contoso.com:4443/server pool02.contoso.local:4443/|LT4254|proxy/rp-dublin/nginx.conf:76:1:"
  "proxy/rp-dublin/nginx.conf|s/server_name \"webext02.contoso.com\";/server_name \"other.contoso.com\";/|LT4254|proxy/rp-dublin/nginx.conf:"
  "proxy/rules.json|s/\"listen_port\": 443/\"listen_port\": 8443/|LT4203|proxy/rules.json:"
  "kerberos/spns.ldif|/HTTP\/pool01/d|LT4255|kerberos/spns.ldif:"
  "kerberos/spns.ldif|s/CN=kerbemea/CN=kerbother/|LT4255|kerberos/spns.ldif:"
  "kerberos/kerberos.ps1|/Set-PlannedSpn -Spn 'HTTP\/webint01/d|LT4256|kerberos/kerberos.ps1:"
  "kerberos/kerberos.ps1|/-Identity 'site:Dublin'/d|LT4256|kerberos/kerberos.ps1:"
  "proxy/rp-dublin/haproxy.cfg|/use_backend bk_webext02_contoso_com_8080 /d|LT4254|proxy/rp-dublin/haproxy.cfg:"
  "proxy/rp-dublin/haproxy.cfg|s/server bk_webext02_contoso_com_8080 webext02.contoso.com:8080/server bk_webext02_contoso_com_8080 pool02.contoso.local:8080/|LT4254|proxy/rp-dublin/haproxy.cfg:32:1:"
  "proxy/rp-dublin/haproxy.cfg|s/use_backend bk_webext02_contoso_com_8080 /use_backend bk_missing /|LT4251|proxy/rp-dublin/haproxy.cfg:32:1:"
  "proxy/rp-redmond/arr-applicationHost.xml|11s/dirext.contoso.com/pool01.contoso.local/|LT4254|proxy/rp-redmond/arr-applicationHost.xml:95:1:"
  "proxy/rp-redmond/arr-applicationHost.xml|s/\^meet\\\\.fabrikam\\\\.com\\$/^meet2\\\\.fabrikam\\\\.com$/|LT4254|proxy/rp-redmond/arr-applicationHost.xml:"
  "proxy/rp-redmond/arr-applicationHost.xml|s/<\/webFarms>/<\/webFarm>/|LT4251|proxy/rp-redmond/arr-applicationHost.xml:"
  "certificates/certificates.csv|3s/;webext01.contoso.com;/;/|LT4257|certificates/certificates.csv:3:1:"
  "certificates/certificates.csv|/^fe05.contoso.local-default/d|LT4257|certificates/certificates.csv:"
  "certificates/request-certificates.ps1|s/'webext01.contoso.com', 'webint01.contoso.local') -Offline/'webint01.contoso.local') -Offline/|LT4257|certificates/request-certificates.ps1:252:1:"
  "certificates/request-certificates.ps1|/Import-PlannedCertificate -Id 'edgepool.contoso.local-external'/d|LT4257|certificates/request-certificates.ps1:"
  "certificates/request-certificates.ps1|258s/'webext01.contoso.com', //|LT4257|certificates/request-certificates.ps1:258:1:"
  "kerberos/plan.json|s/\"spn\": \"HTTP\/pool02.contoso.local\"/\"spn\": \"HTTP\/pool99.contoso.local\"/|LT8102|kerberos/plan.json:46:1:"
  "certificates/certificates.json|s/\"webconf.contoso.com\"/\"webconf2.contoso.com\"/|LT5103|certificates/certificates.json:224:1:"
  "dns/records.json|0,/\"priority\": 0/s//\"priority\": \"zero\"/|LT4251|dns/records.json:"
  "certificates/certificates.json|0,/\"id\": \"[^\"]*\"/s//\"id\": 7/|LT4251|certificates/certificates.json:"
  "kerberos/plan.json|s/\"spn\": \"HTTP\/pool02.contoso.local\"/\"spn\": \"HTTP\/pool99.contoso.local\"/|LT8101|kerberos/plan.json:"
)
for row in "${mutations[@]}"; do
  IFS='|' read -r file expr code where <<<"$row"
  rm -rf "$work/m" && cp -r "$work/out" "$work/m"
  cp "$work/m/$file" "$work/before"
  sed -i "$expr" "$work/m/$file"
  cmp -s "$work/before" "$work/m/$file" && fail "mutation '$expr' did not change $file"
  expect_rc 1 "$LYNCTOPO" check "$example" --artifacts "$work/m"
  grep -q "^$work/m/$where.*\[$code\]" "$work/err.txt" ||
    { cat "$work/err.txt"; fail "'$expr' on $file: no $code at $where"; }
  echo "ok: $file '$expr' -> $code"
done

# JSON: its schema, the findings and the verdict.
"$LYNCTOPO" check "$example" --artifacts "$work/m" --format json >"$work/check.json" 2>"$work/err.txt"
[[ $? -eq 1 ]] || fail "--format json on an inconsistent folder is not exit 1"
python3 - "$SOURCE_DIR/schemas/check.schema.json" "$work/check.json" <<'PY' || fail "check JSON"
import json, sys, jsonschema
schema, doc = (json.load(open(p)) for p in sys.argv[1:])
jsonschema.validate(doc, schema)
assert doc["consistent"] is False and doc["errors"] > 0, doc
assert any(d["code"] == "LT8101" and d["file"].endswith("kerberos/plan.json") for d in doc["diagnostics"])
PY
expect_rc 0 "$LYNCTOPO" check "$example" --artifacts "$work/out" --format json
python3 - "$SOURCE_DIR/schemas/check.schema.json" "$work/out.txt" <<'PY' || fail "clean check JSON"
import json, sys, jsonschema
schema, doc = (json.load(open(p)) for p in sys.argv[1:])
jsonschema.validate(doc, schema)
assert doc["consistent"] is True and doc["errors"] == 0 and doc["diagnostics"] == [], doc
PY

# generate proves what it writes: an ejected zone template that drops the record lines fails
# the run and writes nothing; --allow-inconsistent writes it with warnings.
expect_rc 0 "$LYNCTOPO" templates eject "$work/tpl"
sed -i '/^{{owner}}/d' "$work/tpl/dns/zone.mustache"
grep -q '{{owner}}' "$work/tpl/dns/zone.mustache" && fail "template edit did not apply"
expect_rc 1 "$LYNCTOPO" generate "$example" --out "$work/override" --templates "$work/tpl" --only dns
grep -q 'LT4252' "$work/err.txt" || { cat "$work/err.txt"; fail "dropped SRV lines not reported"; }
[[ ! -e "$work/override/dns/records.json" ]] || fail "an inconsistent run wrote files"
expect_rc 0 "$LYNCTOPO" generate "$example" --out "$work/override" --templates "$work/tpl" --only dns --allow-inconsistent
grep -q 'warning: .*\[LT4252\]' "$work/err.txt" || fail "--allow-inconsistent did not warn"
echo "check_cli: ok"
