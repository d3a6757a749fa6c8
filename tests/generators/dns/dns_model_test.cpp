// DNS record model: one test per rule of domain-rules §B, expected data from the §B.8 tables.

#include <algorithm>
#include <random>

#include <catch2/catch.hpp>

#include "generators/dns/dns_model.hpp"
#include "tests/generators/dns/dns_test_plan.hpp"

namespace lynctopo {
namespace {

using testing::Codes;
using testing::DnsTestPlan;
using testing::Lines;
using V = std::vector<std::string>;

constexpr View kInt = View::kInternal;
constexpr View kExt = View::kExternal;

TEST_CASE("B.8 D11/D12: reverse-proxy published names are external A records to the listener",
          "[dns]") {
  DnsTestPlan t({"contoso.com"});
  const std::string rp = "131.107.155.40";
  t.Name(kExt, "webext.contoso.com", NameRole::kExternalWeb, TargetKind::kReverseProxy, {rp});
  t.Name(kExt, "webdirext.contoso.com", NameRole::kExternalWeb, TargetKind::kReverseProxy, {rp});
  t.Name(kExt, "dialin.contoso.com", NameRole::kDialin, TargetKind::kReverseProxy, {rp});
  t.Name(kExt, "meet.contoso.com", NameRole::kMeet, TargetKind::kReverseProxy, {rp}, "contoso.com");
  t.Name(kExt, "officewebapps01.contoso.com", NameRole::kOfficeWebApps, TargetKind::kReverseProxy,
         {rp});
  t.Name(kExt, "lyncdiscover.contoso.com", NameRole::kLyncDiscover, TargetKind::kReverseProxy, {rp},
         "contoso.com");
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  CHECK(Lines(set) == V{
                          "external contoso.com dialin.contoso.com A 131.107.155.40",
                          "external contoso.com lyncdiscover.contoso.com A 131.107.155.40",
                          "external contoso.com meet.contoso.com A 131.107.155.40",
                          "external contoso.com officewebapps01.contoso.com A 131.107.155.40",
                          "external contoso.com webdirext.contoso.com A 131.107.155.40",
                          "external contoso.com webext.contoso.com A 131.107.155.40",
                      });
  CHECK(set.records[1].purpose == "lyncdiscover");
  CHECK(set.records[0].ttl == 3600);
  REQUIRE(set.zones.size() == 1);
  CHECK(set.zones[0].view == kExt);
  CHECK(set.zones[0].name == "contoso.com");
}

// The consolidated Edge of D13/D14 (also the HLB variant D16: one address per name).
void AddSingleEdge(DnsTestPlan& t, const std::vector<std::string>& access,
                   const std::vector<std::string>& webcon, const std::vector<std::string>& av,
                   const std::vector<std::string>& internal, TargetKind external_target,
                   TargetKind internal_target) {
  t.Name(kExt, "sip.contoso.com", NameRole::kAccessEdge, external_target, access);
  t.Name(kExt, "sip.contoso.com", NameRole::kSipDomain, external_target, access, "contoso.com");
  t.Name(kExt, "webcon.contoso.com", NameRole::kWebConferencingEdge, external_target, webcon);
  t.Name(kExt, "av.contoso.com", NameRole::kAudioVideoEdge, external_target, av);
  t.Name(kInt, "lsedge.contoso.net", NameRole::kEdgeInternal, internal_target, internal);
  t.Name(kExt, "xmpp.contoso.com", NameRole::kXmpp, external_target, access, "contoso.com");
  t.Service(kExt, "_sip._tls", "contoso.com", "sip.contoso.com", 443, "external-sign-in");
  t.Service(kExt, "_sipfederationtls._tcp", "contoso.com", "sip.contoso.com", 5061, "federation");
  t.Service(kExt, "_xmpp-server._tcp", "contoso.com", "xmpp.contoso.com", 5269, "xmpp");
}

TEST_CASE("B.8 D13/D14: single consolidated Edge", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  AddSingleEdge(t, {"131.107.155.10"}, {"131.107.155.20"}, {"131.107.155.30"}, {"172.25.33.10"},
                TargetKind::kEdgePublic, TargetKind::kServerAddress);
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  // Internal-only names outside every SIP/AD domain get their parent as zone (contoso.net).
  CHECK(Lines(set) == V{
                          "internal contoso.net lsedge.contoso.net A 172.25.33.10",
                          "external contoso.com _sip._tls.contoso.com SRV 0 0 443 sip.contoso.com",
                          "external contoso.com _sipfederationtls._tcp.contoso.com SRV 0 0 5061 "
                          "sip.contoso.com",
                          "external contoso.com _xmpp-server._tcp.contoso.com SRV 0 0 5269 "
                          "xmpp.contoso.com",
                          "external contoso.com av.contoso.com A 131.107.155.30",
                          "external contoso.com sip.contoso.com A 131.107.155.10",
                          "external contoso.com webcon.contoso.com A 131.107.155.20",
                          "external contoso.com xmpp.contoso.com A 131.107.155.10",
                      });
  // One record for a name that carries two roles, naming both.
  CHECK(set.records[5].purpose == "access-edge,sip");
  CHECK(set.records[1].purpose == "external-sign-in");
}

TEST_CASE("B.8 D15: scaled Edge under DNS load balancing has one A per Edge server", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  AddSingleEdge(t, {"131.107.155.10", "131.107.155.11"}, {"131.107.155.20", "131.107.155.21"},
                {"131.107.155.30", "131.107.155.31"}, {"172.25.33.10", "172.25.33.11"},
                TargetKind::kEdgePublic, TargetKind::kPoolMembers);
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  auto values = [&](View view, const std::string& name) {
    V out;
    for (size_t i : set.At(view, name)) out.push_back(set.records[i].value);
    return out;
  };
  CHECK(values(kExt, "sip.contoso.com") == V{"131.107.155.10", "131.107.155.11"});
  CHECK(values(kExt, "webcon.contoso.com") == V{"131.107.155.20", "131.107.155.21"});
  CHECK(values(kExt, "av.contoso.com") == V{"131.107.155.30", "131.107.155.31"});
  CHECK(values(kInt, "lsedge.contoso.net") == V{"172.25.33.10", "172.25.33.11"});
  CHECK(values(kInt, "sip.contoso.com").empty());
  CHECK(set.At(kExt, "_sip._tls.contoso.com").size() == 1);
}

TEST_CASE("B.8 D16: Edge pool under hardware load balancing publishes the VIPs", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  AddSingleEdge(t, {"131.107.155.10"}, {"131.107.155.20"}, {"131.107.155.30"}, {"172.25.33.10"},
                TargetKind::kVip, TargetKind::kVip);
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  CHECK(set.records.size() == 8);
  CHECK(set.At(kExt, "sip.contoso.com").size() == 1);
  CHECK(set.At(kInt, "lsedge.contoso.net").size() == 1);
}

TEST_CASE("B.5 D2: DNS-LB pool has one A per member; the internal web name the HLB VIP", "[dns]") {
  DnsTestPlan t({"contoso.com"}, "contoso.net");
  V members = {"10.10.10.1", "10.10.10.2", "10.10.10.3", "10.10.10.4"};
  t.Name(kInt, "pool01.contoso.net", NameRole::kPool, TargetKind::kPoolMembers, members);
  for (int i = 1; i <= 4; ++i) {
    t.Name(kInt, "fe0" + std::to_string(i) + ".contoso.net", NameRole::kServer,
           TargetKind::kServerAddress, {members[i - 1]});
  }
  t.Name(kInt, "webinternal.contoso.net", NameRole::kInternalWeb, TargetKind::kVip,
         {"192.168.10.5"});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  CHECK(Lines(set) == V{
                          "internal contoso.net fe01.contoso.net A 10.10.10.1",
                          "internal contoso.net fe02.contoso.net A 10.10.10.2",
                          "internal contoso.net fe03.contoso.net A 10.10.10.3",
                          "internal contoso.net fe04.contoso.net A 10.10.10.4",
                          "internal contoso.net pool01.contoso.net A 10.10.10.1",
                          "internal contoso.net pool01.contoso.net A 10.10.10.2",
                          "internal contoso.net pool01.contoso.net A 10.10.10.3",
                          "internal contoso.net pool01.contoso.net A 10.10.10.4",
                          "internal contoso.net webinternal.contoso.net A 192.168.10.5",
                      });
}

TEST_CASE("B.6: _sipinternaltls SRV per SIP domain targets a host in that domain", "[dns]") {
  DnsTestPlan t({"contoso.com", "fabrikam.com"});
  t.Service(kInt, "_sipinternaltls._tcp", "contoso.com", "pool01.contoso.com", 5061,
            "internal-sign-in");
  t.Service(kInt, "_sipinternaltls._tcp", "fabrikam.com", "pool01.fabrikam.com", 5061,
            "internal-sign-in");
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  // The D1 zone-file form: _sipinternaltls._tcp.contoso.com. SRV 0 0 5061 pool01.contoso.com
  CHECK(Lines(set) == V{
                          "internal contoso.com _sipinternaltls._tcp.contoso.com SRV 0 0 5061 "
                          "pool01.contoso.com",
                          "internal fabrikam.com _sipinternaltls._tcp.fabrikam.com SRV 0 0 5061 "
                          "pool01.fabrikam.com",
                      });
}

TEST_CASE("B.2/F26: an SRV whose target lies in another domain is reported", "[dns]") {
  // D1: "_sipinternaltls._tcp.litwareinc.com ... pool01.fabrikam.com (fails strict matching)".
  DnsTestPlan t({"litwareinc.com", "fabrikam.com"});
  t.Service(kInt, "_sipinternaltls._tcp", "litwareinc.com", "pool01.fabrikam.com", 5061,
            "internal-sign-in");
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(Codes(d) == V{"LT6001"});
  CHECK(d.HasErrors());
  CHECK(d.items()[0].message.find("pool01.fabrikam.com") != std::string::npos);
  CHECK(set.records.size() == 1);  // still listed, so every output shows what was planned
}

TEST_CASE("B.2: AAAA next to A where a name has IPv6 addresses", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "fe01.contoso.local", NameRole::kServer, TargetKind::kServerAddress,
         {"10.0.0.21", "2001:db8::21"});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  CHECK(Lines(set) == V{
                          "internal contoso.local fe01.contoso.local A 10.0.0.21",
                          "internal contoso.local fe01.contoso.local AAAA 2001:db8::21",
                      });
}

TEST_CASE("B.2 split-brain: one name, different answers per view", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.10"},
         "contoso.com");
  t.Name(kExt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kEdgePublic, {"131.107.155.10"},
         "contoso.com");
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(Lines(set) == V{
                          "internal contoso.com sip.contoso.com A 10.0.0.10",
                          "external contoso.com sip.contoso.com A 131.107.155.10",
                      });
  REQUIRE(set.zones.size() == 2);
  CHECK(set.zones[0].view == kInt);
  CHECK(set.zones[1].view == kExt);
}

TEST_CASE("B.3 D7: lyncdiscoverinternal as a CNAME to the internal web name", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Alias(kInt, "lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal,
          "webint.contoso.com", "contoso.com");
  t.Name(kInt, "webint.contoso.com", NameRole::kInternalWeb, TargetKind::kVip, {"10.0.0.11"});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(d.empty());
  CHECK(Lines(set) == V{
                          "internal contoso.com lyncdiscoverinternal.contoso.com CNAME "
                          "webint.contoso.com",
                          "internal contoso.com webint.contoso.com A 10.0.0.11",
                      });
}

TEST_CASE("RFC 1034: a CNAME that shares its name with other records is reported and dropped",
          "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Alias(kExt, "meet.contoso.com", NameRole::kMeet, "webext.contoso.com", "contoso.com");
  t.Name(kExt, "meet.contoso.com", NameRole::kDialin, TargetKind::kReverseProxy,
         {"131.107.155.40"});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(Codes(d) == V{"LT6002"});
  CHECK(Lines(set) == V{"external contoso.com meet.contoso.com A 131.107.155.40"});
}

TEST_CASE("B.4 D7: lyncdiscover CNAME into another domain fails over HTTPS", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Alias(kExt, "lyncdiscover.contoso.com", NameRole::kLyncDiscover, "director.contoso.net",
          "contoso.com");
  SECTION("HTTPS (default): error") {
    Diagnostics d;
    t.Build(d);
    CHECK(Codes(d) == V{"LT6003"});
    CHECK(d.HasErrors());
  }
  SECTION("published on port 80: warning only") {
    t.topology().mobility.lyncdiscover_over_http = true;
    Diagnostics d;
    DnsRecordSet set = t.Build(d);
    CHECK(Codes(d) == V{"LT6003"});
    CHECK_FALSE(d.HasErrors());
    CHECK(set.records.size() == 1);
  }
  SECTION("a CNAME inside the SIP domain is fine") {
    t.plan().names.back().alias_of = "webext.contoso.com";
    Diagnostics d;
    t.Build(d);
    CHECK(d.empty());
  }
}

TEST_CASE("A name with no addresses is reported, not published", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kExt, "webext.contoso.com", NameRole::kExternalWeb, TargetKind::kReverseProxy, {});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(Codes(d) == V{"LT6004"});
  CHECK_FALSE(d.HasErrors());
  CHECK(set.records.empty());
  CHECK(set.zones.empty());
}

TEST_CASE("Unparsable addresses and target-less aliases are errors", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "fe01.contoso.local", NameRole::kServer, TargetKind::kServerAddress, {"10.0.0.300"});
  t.Alias(kInt, "meet.contoso.com", NameRole::kMeet, "");
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  auto codes = Codes(d);
  std::sort(codes.begin(), codes.end());
  CHECK(codes == V{"LT6005", "LT6007"});
  CHECK(set.records.empty());
}

TEST_CASE("Roles that disagree on a name's addresses are warned about; all are published",
          "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "pool01.contoso.local", NameRole::kPool, TargetKind::kVip, {"10.0.0.10"});
  t.Name(kInt, "pool01.contoso.local", NameRole::kInternalWeb, TargetKind::kVip, {"10.0.0.11"});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(Codes(d) == V{"LT6006"});
  CHECK(set.At(kInt, "pool01.contoso.local").size() == 2);
  CHECK(set.records[0].purpose == "pool,internal-web");
}

TEST_CASE("Zones: SIP domains, the AD domain, parents of other names; longest match wins",
          "[dns]") {
  DnsTestPlan t({"contoso.com", "retail.contoso.com"}, "corp.contoso.com");
  t.Name(kInt, "sip.retail.contoso.com", NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.1"});
  t.Name(kInt, "pool01.corp.contoso.com", NameRole::kPool, TargetKind::kVip, {"10.0.0.2"});
  t.Name(kInt, "meet.contoso.com", NameRole::kMeet, TargetKind::kVip, {"10.0.0.3"});
  t.Name(kInt, "fe01.dc1.contoso.net", NameRole::kServer, TargetKind::kServerAddress, {"10.0.0.4"});
  t.Name(kInt, "web.contoso.net", NameRole::kInternalWeb, TargetKind::kVip, {"10.0.0.5"});
  t.Name(kInt, "lync.example", NameRole::kServer, TargetKind::kServerAddress, {"10.0.0.6"});
  DnsZoneIndex zones(t.plan());
  CHECK(zones.ZoneOf("sip.retail.contoso.com") == "retail.contoso.com");
  CHECK(zones.ZoneOf("pool01.corp.contoso.com") == "corp.contoso.com");
  CHECK(zones.ZoneOf("meet.contoso.com") == "contoso.com");
  CHECK(zones.ZoneOf("fe01.dc1.contoso.net") == "dc1.contoso.net");
  CHECK(zones.ZoneOf("web.contoso.net") == "contoso.net");
  CHECK(zones.ZoneOf("lync.example") == "lync.example");  // never a zone at a TLD
  CHECK(zones.ZoneOf("unrelated.org").empty());
  // Order of names does not change the zones.
  std::reverse(t.plan().names.begin(), t.plan().names.end());
  DnsZoneIndex reversed(t.plan());
  CHECK(reversed.ZoneOf("fe01.dc1.contoso.net") == "dc1.contoso.net");
}

TEST_CASE("TTL comes from the topology DNS settings", "[dns]") {
  DnsTestPlan t({"contoso.com"});
  t.topology().dns.ttl = 300;
  t.Name(kInt, "fe01.contoso.local", NameRole::kServer, TargetKind::kServerAddress, {"10.0.0.1"});
  Diagnostics d;
  DnsRecordSet set = t.Build(d);
  CHECK(set.ttl == 300);
  CHECK(set.records.at(0).ttl == 300);
}

TEST_CASE("Output does not depend on the order of plan names and services", "[dns]") {
  DnsTestPlan t({"contoso.com", "fabrikam.com"});
  AddSingleEdge(t, {"131.107.155.10", "131.107.155.11"}, {"131.107.155.20"}, {"131.107.155.30"},
                {"172.25.33.10"}, TargetKind::kEdgePublic, TargetKind::kServerAddress);
  t.Name(kInt, "sip.fabrikam.com", NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.10"});
  Diagnostics d1;
  V expected = Lines(t.Build(d1));
  std::mt19937 random(42);
  std::shuffle(t.plan().names.begin(), t.plan().names.end(), random);
  std::shuffle(t.plan().services.begin(), t.plan().services.end(), random);
  Diagnostics d2;
  CHECK(Lines(t.Build(d2)) == expected);
}

TEST_CASE("5,000 SIP domains build without a quadratic stage", "[dns][scale]") {
  std::vector<std::string> domains;
  for (int i = 0; i < 5000; ++i) domains.push_back("tenant" + std::to_string(i) + ".com");
  DnsTestPlan t(domains);
  for (const std::string& d : domains) {
    t.Name(kInt, "sip." + d, NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.10"}, d);
    t.Name(kExt, "sip." + d, NameRole::kSipDomain, TargetKind::kEdgePublic, {"131.107.155.10"}, d);
    t.Name(kExt, "lyncdiscover." + d, NameRole::kLyncDiscover, TargetKind::kReverseProxy,
           {"131.107.155.40"}, d);
    t.Service(kInt, "_sipinternaltls._tcp", d, "sip." + d, 5061, "internal-sign-in");
    t.Service(kExt, "_sip._tls", d, "sip." + d, 443, "external-sign-in");
  }
  Diagnostics diagnostics;
  DnsRecordSet set = t.Build(diagnostics);
  CHECK(diagnostics.empty());
  CHECK(set.records.size() == 25000);
  CHECK(set.zones.size() == 10000);
  CHECK(set.At(kExt, "lyncdiscover.tenant4999.com").size() == 1);
}

}  // namespace
}  // namespace lynctopo
