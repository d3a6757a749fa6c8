#!/usr/bin/env bash
# For every example: every generated OpenSSL config makes a real CSR (`openssl req -new`) whose
# subject and SANs are exactly the planned ones in certificates.json, and certificates.json
# validates against schemas/certificates.schema.json.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
command -v openssl >/dev/null || { echo "FAIL: openssl not installed (scripts/install-deps --with-test-tools)"; exit 1; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "FAIL: python3-jsonschema not installed (scripts/install-deps --with-test-tools)"; exit 1; }

work="$WORK_DIR/certs_openssl"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for topology in "$SOURCE_DIR"/examples/*.json; do
  name=$(basename "$topology" .json)
  out="$work/$name"
  "$LYNCTOPO" generate "$topology" --out "$out" --only certificates >"$work/$name.log" 2>&1 ||
    { fail "$name: generate failed"; cat "$work/$name.log"; continue; }
  json="$out/certificates/certificates.json"
  python3 - "$SOURCE_DIR/schemas/certificates.schema.json" "$json" <<'PY' || fail "$name: schema"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
for e in errors:
    print(f"{sys.argv[2]}: {'/'.join(map(str, e.path))}: {e.message}")
sys.exit(1 if errors else 0)
PY
  count=0
  for cnf in "$out"/certificates/openssl/*.cnf; do
    id=$(basename "$cnf" .cnf)
    csr="$work/$name-$id.csr"
    if ! openssl req -new -newkey rsa:2048 -nodes -keyout "$work/$name-$id.key" -out "$csr" \
        -config "$cnf" 2>"$work/$name-$id.err"; then
      fail "$name/$id: openssl req -new failed: $(cat "$work/$name-$id.err")"
      continue
    fi
    openssl req -in "$csr" -noout -text >"$csr.txt" || { fail "$name/$id: openssl req -text"; continue; }
    python3 - "$json" "$id" "$csr.txt" <<'PY' || fail "$name/$id: CSR differs from the plan"
import json, re, sys
plan = {c["id"]: c for c in json.load(open(sys.argv[1]))["certificates"]}[sys.argv[2]]
text = open(sys.argv[3]).read()
subject = re.search(r"Subject: (.*)", text).group(1).strip()
cn = re.search(r"CN\s*=\s*([^,/]+)", subject).group(1).strip()
m = re.search(r"X509v3 Subject Alternative Name:\s*\n\s*(.*)", text)
sans = sorted(x.strip()[4:] for x in m.group(1).split(",")) if m else []
ok = True
if cn != plan["subject"]:
    print(f"subject {cn!r} != planned {plan['subject']!r}"); ok = False
if sans != sorted(plan["sans"]):
    print(f"SANs {sans} != planned {sorted(plan['sans'])}"); ok = False
ekus = re.search(r"X509v3 Extended Key Usage:\s*\n\s*(.*)", text)
want = {"serverAuth": "TLS Web Server Authentication", "clientAuth": "TLS Web Client Authentication"}
got = sorted(x.strip() for x in ekus.group(1).split(",")) if ekus else []
if got != sorted(want[e] for e in plan["eku"]):
    print(f"EKU {got} != planned {plan['eku']}"); ok = False
sys.exit(0 if ok else 1)
PY
    count=$((count + 1))
  done
  planned=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["certificates"]))' "$json")
  [ "$count" -eq "$planned" ] || fail "$name: $count configs for $planned planned certificates"
  echo "$name: $count CSRs match the plan"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "certs_openssl: every CSR holds exactly the planned names"
