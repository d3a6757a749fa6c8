// DNS renderers: records.json contract (and its schema), CSV, zone / named.conf / PowerShell
// views.

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "generators/dns/dns_render.hpp"
#include "tests/generators/dns/dns_test_plan.hpp"

namespace lynctopo {
namespace {

using testing::Codes;
using testing::DnsTestPlan;
using V = std::vector<std::string>;

constexpr View kInt = View::kInternal;
constexpr View kExt = View::kExternal;

// A small split-brain deployment: one SIP domain, an internal pool, an Edge and a proxy.
DnsTestPlan SmallPlan() {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "pool01.contoso.local", NameRole::kPool, TargetKind::kVip, {"10.0.0.10"});
  t.Name(kInt, "fe01.contoso.local", NameRole::kServer, TargetKind::kServerAddress,
         {"10.0.0.21", "2001:db8::21"});
  t.Name(kInt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.10"},
         "contoso.com");
  t.Alias(kInt, "lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal,
          "sip.contoso.com", "contoso.com");
  t.Name(kExt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kEdgePublic, {"131.107.155.10"},
         "contoso.com");
  t.Service(kInt, "_sipinternaltls._tcp", "contoso.com", "sip.contoso.com", 5061,
            "internal-sign-in");
  t.Service(kExt, "_sip._tls", "contoso.com", "sip.contoso.com", 443, "external-sign-in");
  return t;
}

TEST_CASE("records.json: exact contract, SRV fields only on SRV", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  Diagnostics d;
  nlohmann::json doc = nlohmann::json::parse(DnsRecordsJsonText(t.Build(d)));
  CHECK(doc["format_version"] == 1);
  REQUIRE(doc["records"].size() == 8);
  const nlohmann::json& first = doc["records"][0];
  CHECK(first == nlohmann::json{{"view", "internal"},
                                {"zone", "contoso.com"},
                                {"name", "_sipinternaltls._tcp.contoso.com"},
                                {"type", "SRV"},
                                {"ttl", 3600},
                                {"value", "sip.contoso.com"},
                                {"priority", 0},
                                {"weight", 0},
                                {"port", 5061},
                                {"purpose", "internal-sign-in"}});
  for (const nlohmann::json& r : doc["records"]) {
    if (r["type"] != "SRV") {
      CHECK_FALSE(r.contains("port"));
      CHECK_FALSE(r.contains("priority"));
      CHECK_FALSE(r.contains("weight"));
    }
    CHECK(r["name"].get<std::string>().back() != '.');
    CHECK(r["value"].get<std::string>().back() != '.');
  }
}

TEST_CASE("records.json validates against schemas/dns-records.schema.json", "[dns][schema]") {
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    FAIL("python3-jsonschema is not installed (scripts/install-deps --with-test-tools)");
  }
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "lynctopo-dns-schema-test";
  fs::create_directories(dir);
  DnsTestPlan t = SmallPlan();
  Diagnostics d;
  std::ofstream(dir / "records.json") << DnsRecordsJsonText(t.Build(d));
  // A broken document must fail, so the check cannot pass vacuously.
  nlohmann::json broken = nlohmann::json::parse(DnsRecordsJsonText(t.Build(d)));
  broken["records"][3]["port"] = 443;  // an A record with an SRV field
  std::ofstream(dir / "broken.json") << broken.dump(2);
  std::string schema = std::string(LYNCTOPO_SOURCE_DIR) + "/schemas/dns-records.schema.json";
  auto validate = [&](const std::string& file) {
    std::string command =
        "python3 -c 'import json,sys,jsonschema; "
        "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])), "
        "cls=jsonschema.Draft202012Validator)' '" +
        schema + "' '" + (dir / file).string() + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
  };
  CHECK(validate("records.json"));
  CHECK_FALSE(validate("broken.json"));
  fs::remove_all(dir);
}

TEST_CASE("records.csv has a header and empty SRV columns on other records", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  Diagnostics d;
  std::string csv = DnsRecordsCsv(t.Build(d));
  CHECK(csv.rfind("view,zone,name,type,ttl,value,priority,weight,port,purpose\n", 0) == 0);
  CHECK(csv.find("internal,contoso.com,_sipinternaltls._tcp.contoso.com,SRV,3600,"
                 "sip.contoso.com,0,0,5061,internal-sign-in\n") != std::string::npos);
  CHECK(csv.find("internal,contoso.local,fe01.contoso.local,AAAA,3600,2001:db8::21,,,,server\n") !=
        std::string::npos);
}

TEST_CASE("Zone view: SOA/NS from settings, relative owners, absolute targets", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  t.topology().dns.primary_ns = "ns1.contoso.com";
  t.topology().dns.hostmaster = "dns.admin@contoso.com";
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  GeneratorOptions options;
  options.values["ns_address"] = "192.0.2.53";
  DnsZoneSettings settings = ReadDnsZoneSettings(t.plan(), options, d);
  nlohmann::json view = DnsZoneView(set, {kInt, "contoso.com"}, settings, d);
  CHECK(d.empty());
  CHECK(view["origin"] == "contoso.com.");
  CHECK(view["soa_mname"] == "ns1.contoso.com.");
  CHECK(view["soa_rname"] == "dns\\.admin.contoso.com.");
  CHECK(view["soa_serial"] == 1);
  V lines;
  for (const auto& r : view["records"]) {
    lines.push_back(r["owner"].get<std::string>() + " " + r["type"].get<std::string>() + " " +
                    r["rdata"].get<std::string>());
  }
  CHECK(lines == V{
                     "ns1 A 192.0.2.53",  // glue for the in-zone name server
                     "_sipinternaltls._tcp SRV 0 0 5061 sip.contoso.com.",
                     "lyncdiscoverinternal CNAME sip.contoso.com.",
                     "sip A 10.0.0.10",
                 });
  // Owners are padded to one column.
  CHECK(view["records"][0]["pad"].get<std::string>().size() ==
        std::string("lyncdiscoverinternal").size() - 3 + 1);

  SECTION("an in-zone name server without an address is warned about") {
    Diagnostics d2;
    DnsZoneView(set, {kInt, "contoso.com"}, DnsZoneSettings{}, d2);
    CHECK(Codes(d2) == V{"LT6009"});
  }
  SECTION("a name server outside the zone needs no glue") {
    Diagnostics d2;
    nlohmann::json local = DnsZoneView(set, {kInt, "contoso.local"}, settings, d2);
    CHECK(d2.empty());
    CHECK(local["records"].size() == 3);
    CHECK(local["soa_mname"] == "ns1.contoso.com.");
  }
}

TEST_CASE("Zone view: the topology's name server per view, with its glue", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  t.topology().dns.primary_ns = "ns9.example.net";
  t.topology().dns.internal_ns = "dc01.contoso.com";
  t.topology().dns.internal_ns_addresses = {"10.0.0.5", "fd00::5"};
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  GeneratorOptions options;
  options.values["ns_address"] = "192.0.2.53";  // only where the topology gives no addresses
  DnsZoneSettings settings = ReadDnsZoneSettings(t.plan(), options, d);
  CHECK(settings.internal.name == "dc01.contoso.com");
  CHECK(settings.external.name == "ns9.example.net");
  CHECK(settings.external.addresses == V{"192.0.2.53"});
  nlohmann::json view = DnsZoneView(set, {kInt, "contoso.com"}, settings, d);
  CHECK(d.empty());
  CHECK(view["soa_mname"] == "dc01.contoso.com.");
  CHECK(view["records"][0]["owner"] == "dc01");
  CHECK(view["records"][0]["rdata"] == "10.0.0.5");
  CHECK(view["records"][1]["type"] == "AAAA");
  CHECK(view["records"][1]["rdata"] == "fd00::5");
}

TEST_CASE("Zone settings are checked", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  t.topology().dns.primary_ns = "ns_1.contoso.com";
  t.topology().dns.hostmaster = "not a mailbox";
  GeneratorOptions options;
  options.values["ns_address"] = "192.0.2.53,nope";
  Diagnostics d;
  DnsZoneSettings settings = ReadDnsZoneSettings(t.plan(), options, d);
  CHECK(Codes(d) == V{"LT6008", "LT6008", "LT6008"});
  CHECK(settings.internal.addresses == V{"192.0.2.53"});
  CHECK(settings.external.addresses == V{"192.0.2.53"});
  CHECK(HostmasterToRname("hostmaster@Contoso.com") == "hostmaster.contoso.com");
  CHECK(HostmasterToRname("hostmaster.contoso.com") == "hostmaster.contoso.com");
}

TEST_CASE("named.conf view: both views, zones with their files", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  Diagnostics d;
  nlohmann::json view = DnsNamedConfView(t.Build(d));
  CHECK(view == nlohmann::json::parse(R"({"comment":"//","generator":"dns","views":[
    {"view":"internal","acl":"lynctopo_internal","zones":[
      {"zone":"contoso.com","file":"internal/contoso.com.zone"},
      {"zone":"contoso.local","file":"internal/contoso.local.zone"}]},
    {"view":"external","acl":"lynctopo_external","zones":[
      {"zone":"contoso.com","file":"external/contoso.com.zone"}]}]})"));
}

TEST_CASE("PowerShell view quotes every embedded value", "[dns][render]") {
  DnsTestPlan t = SmallPlan();
  Diagnostics d;
  nlohmann::json view = DnsPowerShellView(t.Build(d)).Materialized();
  const nlohmann::json& srv = view["views"][0]["zones"][0]["records"][0];
  CHECK(srv["zone"] == "'contoso.com'");
  CHECK(srv["name"] == "'_sipinternaltls._tcp'");
  CHECK(srv["value"] == "'sip.contoso.com'");
  CHECK(srv["srv"] == true);
  CHECK(srv["a"] == false);
  CHECK(view["views"][1]["view"] == "external");
}

}  // namespace
}  // namespace lynctopo
