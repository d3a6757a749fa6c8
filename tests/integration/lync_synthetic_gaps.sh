#!/usr/bin/env bash
# Synthetic published topology documents, written here, for what real deployments lack or
# break: a multi-server Front End pool with no load-balancing information, no simple URLs (no
# published document has them), and a Standard Edition server whose internal and external web
# FQDNs are one name. Each must validate with exactly the expected warnings, become errors
# under --strict, plan and generate, and leave the unknown web VIP out of the zone files while
# listing it as "address unknown".
set -u
work="$WORK_DIR/lync_synthetic_gaps"
rm -rf "$work" && mkdir -p "$work"
fail=0
check() {  # description, expected exit code, command...
  local what="$1" want="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, expected $want"
    head -c 3000 "$work/err"
    fail=1
  fi
}
# The [LTxxxx] codes of the warnings in $work/err, sorted, one line.
codes() { grep -o "warning: .*\[LT[0-9]*\]" "$work/err" | grep -o "LT[0-9]*" | sort | tr '\n' ' '; }
expect_codes() {  # description, expected codes
  local got
  got="$(codes)"
  if [[ "$got" != "$2" ]]; then
    echo "FAIL: $1: warnings '$got', expected '$2'"
    cat "$work/err"
    fail=1
  fi
}
expect_line() {  # description, regex a line of $work/err must match
  grep -qE "$2" "$work/err" || { echo "FAIL: $1: no line matching: $2"; cat "$work/err"; fail=1; }
}

# One site, one cluster with the given machines, UserServices + Registrar + WebServices.
write_doc() {  # path, pool fqdn, external web host, machine fqdns...
  local path="$1" pool="$2" external="$3"
  shift 3
  {
    cat <<XML
<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008" Signature="00000000-0000-0000-0000-000000000001">
  <InternalDomains AllowAllDomains="false" DefaultDomain="fabrikam.com">
    <InternalDomain Name="fabrikam.com" Authoritative="false" AllowSubDomains="false" />
  </InternalDomains>
  <Sites>
    <CentralSite SiteId="1"><Name>Head Office</Name></CentralSite>
  </Sites>
  <Clusters>
    <Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="$pool">
      <ClusterId SiteId="1" Number="1" />
XML
    local n=1
    for machine in "$@"; do
      cat <<XML
      <Machine OrdinalInCluster="$n" Fqdn="$machine">
        <NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="10.0.0.$((10 + n))" />
      </Machine>
XML
      n=$((n + 1))
    done
    cat <<XML
    </Cluster>
  </Clusters>
  <Services>
    <Service RoleVersion="2" ServiceVersion="8">
      <ServiceId SiteId="1" RoleName="UserServices" Instance="1" />
      <InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn>
      <Ports xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" />
    </Service>
    <Service RoleVersion="2" ServiceVersion="8">
      <ServiceId SiteId="1" RoleName="Registrar" Instance="1" />
      <InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn>
      <Ports xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" />
    </Service>
    <Service RoleVersion="1" ServiceVersion="8">
      <ServiceId SiteId="1" RoleName="WebServices" Instance="1" />
      <InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn>
      <Ports xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" />
      <WebService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008">
        <ExternalSettings Host="$external"><OverrideUrls /></ExternalSettings>
      </WebService>
    </Service>
  </Services>
</Topology>
XML
  } >"$path"
}

# 1. A Front End pool of two servers: load balancing unknown, no simple URLs, distinct web
#    names (so Mobility is not at stake).
fe="$work/fe-pool.xml"
write_doc "$fe" pool01.fabrikam.com webext.fabrikam.com fe01.fabrikam.com fe02.fabrikam.com
check "validate a pool without load-balancing information" 0 "$LYNCTOPO" validate "$fe"
# LT3021 no reverse proxy, LT3022 no Kerberos account, LT3024 no certificate policy,
# LT3026 no AD domain: what every published document lacks.
expect_codes "multi-server pool" "LT1049 LT1079 LT3021 LT3022 LT3024 LT3026 "
expect_line "LT1049 names the plan and the overlay fields" \
  "fe-pool.xml:9:5: warning: front-end pool 'pool01.fabrikam.com' has 2 servers and its load balancing is unknown \(Lync files do not record it\): planned as Lync's default, DNS load balancing with one A record per server for the pool FQDN, and its web services, which need a hardware load balancer VIP, get no address record; set the pool's \`load_balancing\` \(and \`vip\`, \`internal_web_vip\`, \`external_web_vip\` for hardware\) in an overlay \[LT1049\]"
expect_line "LT1079 names Get-CsSimpleUrlConfiguration and the overlay field" \
  "fe-pool.xml:1:1: warning: the topology has no simple URLs \(Meet, Dialin, Admin\), so none are planned: .* read them with Get-CsSimpleUrlConfiguration and set \`simple_urls\` in an overlay \[LT1079\]"
check "--strict on the same file" 1 "$LYNCTOPO" validate --strict "$fe"
expect_line "LT1049 is an error under --strict" "error: front-end pool 'pool01.fabrikam.com' has 2 servers and its load balancing is unknown.*\[LT1049\]"
expect_line "LT1079 is an error under --strict" "error: the topology has no simple URLs.*\[LT1079\]"

check "plan --format json" 0 "$LYNCTOPO" plan "$fe" --format json
python3 - "$work/out" <<'PY' || fail=1
import json, sys
plan = json.load(open(sys.argv[1]))
def name(fqdn, role):
    found = [n for n in plan["names"] if n["fqdn"] == fqdn and n["role"] == role and n["view"] == "internal"]
    assert len(found) == 1, (fqdn, role, found)
    return found[0]
pool = name("pool01.fabrikam.com", "pool")
assert pool["addresses"] == ["10.0.0.11", "10.0.0.12"] and not pool["address_unknown"], pool
assert pool["target"] == "pool-members", pool
web = name("pool01.fabrikam.com", "internal-web")
assert web["addresses"] == [] and web["address_unknown"], web
assert not plan["simple_urls"], plan["simple_urls"]
assert [p["load_balancing"] for p in plan["pools"]] == ["unknown"], plan["pools"]
PY
check "plan text says address unknown" 0 "$LYNCTOPO" plan "$fe"
grep -q "address unknown" "$work/out" || { echo "FAIL: plan text shows no 'address unknown'"; fail=1; }

out="$work/gen-fe"
# The name server glue lets BIND load the zone (LT6009 otherwise).
check "generate" 0 "$LYNCTOPO" generate "$fe" --out "$out" --set dns.ns_address=10.0.0.53
ls "$out"/certificates/*.json >/dev/null 2>&1 || { echo "FAIL: no certificates generated"; fail=1; }
grep -q "^internal,fabrikam.com,pool01.fabrikam.com,A,3600,10.0.0.11," "$out/dns/records.csv" ||
  { echo "FAIL: records.csv lacks the pool's DNS load-balancing record"; fail=1; }
python3 - "$out/dns/records.json" <<'PY' || fail=1
import json, sys
doc = json.load(open(sys.argv[1]))
unknown = [(u["view"], u["name"]) for u in doc["address_unknown"]]
assert ("external", "webext.fabrikam.com") in unknown, unknown
assert all(r["name"] != "webext.fabrikam.com" for r in doc["records"]), "unknown VIP got a record"
PY
grep -q "^external,fabrikam.com,webext.fabrikam.com,,,address unknown,,,,external-web" "$out/dns/records.csv" ||
  { echo "FAIL: records.csv does not list webext.fabrikam.com as address unknown"; cat "$out/dns/records.csv"; fail=1; }
if grep -rq "webext" "$out"/dns/internal/*.zone "$out"/dns/external/*.zone; then
  echo "FAIL: a zone file holds the name whose address is unknown"; fail=1
fi
if command -v named-checkzone >/dev/null; then
  for z in "$out"/dns/internal/*.zone; do
    zone="$(basename "$z" .zone)"
    named-checkzone -q "$zone" "$z" || { echo "FAIL: BIND refuses $z"; fail=1; }
  done
fi
check "check" 0 "$LYNCTOPO" check "$fe"

# The overlay fields the warning names make it go away, and the VIP is then planned.
cat >"$work/vips.json" <<'JSON'
{"format_version": 1, "sites": [{"name": "Head Office", "pools": [{"fqdn": "pool01.fabrikam.com",
  "load_balancing": "hardware", "vip": "10.0.0.100", "internal_web_vip": "10.0.0.101",
  "external_web_vip": "10.0.0.102"}]}]}
JSON
check "validate with the overlay" 0 "$LYNCTOPO" validate "$fe" --overlay "$work/vips.json"
grep -q "LT1049" "$work/err" && { echo "FAIL: LT1049 despite the overlay"; fail=1; }
check "plan with the overlay" 0 "$LYNCTOPO" plan "$fe" --overlay "$work/vips.json" --format json
python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))
web = [n for n in plan["names"] if n["fqdn"] == "pool01.fabrikam.com" and n["role"] == "internal-web"][0]
assert web["addresses"] == ["10.0.0.101"] and not web["address_unknown"], web
' "$work/out" || fail=1

# 2. A Standard Edition server whose internal and external web FQDNs are equal.
se="$work/se-same-web.xml"
write_doc "$se" se01.fabrikam.com se01.fabrikam.com se01.fabrikam.com
check "validate a Standard Edition server with one web name" 0 "$LYNCTOPO" validate "$se"
expect_codes "Standard Edition" "LT1063 LT1079 LT3021 LT3022 LT3024 LT3026 "
expect_line "LT1063 says what breaks" \
  "se-same-web.xml:[0-9]+:[0-9]+: warning: external web FQDN 'se01.fabrikam.com' is also the internal web FQDN of standard-edition pool 'se01.fabrikam.com': mobile clients inside the network would reach the internal site, and Mobility and Autodiscover need distinct internal and external web FQDNs \(the internal one resolving only inside, the external one only on the Internet\) \[LT1063\]"
check "--strict" 1 "$LYNCTOPO" validate --strict "$se"
expect_line "LT1063 is an error under --strict" "error: external web FQDN 'se01.fabrikam.com' is also the internal web FQDN.*\[LT1063\]"
echo '{"format_version": 1, "strict": true}' >"$work/strict.json"
check "\"strict\": true in an overlay" 1 "$LYNCTOPO" validate "$se" --overlay "$work/strict.json"
expect_line "the overlay's strict makes LT1063 an error" "error: external web FQDN 'se01.fabrikam.com'.*\[LT1063\]"
check "generate" 0 "$LYNCTOPO" generate "$se" --out "$work/gen-se"
check "diff with itself" 0 "$LYNCTOPO" diff "$se" "$se"
check "diff --strict: the actual side is never held to design rules" 1 "$LYNCTOPO" diff --strict "$se" "$se"
check "diff --strict with a clean planned side" 2 "$LYNCTOPO" diff --strict "$SOURCE_DIR/examples/small-business.json" "$se" --format json
grep -q ": error: " "$work/err" && { echo "FAIL: design errors from the actual side"; cat "$work/err"; fail=1; }

exit $fail
