// dns.internal_zones: pinpoint (docs/domain-calls.md, "Internal zones: full or pin-point"): the
// DNS requirements for automatic client sign-in describe dedicated zones for the internal names
// of a SIP domain whose whole zone cannot live inside; each name is its own zone apex.

#include <catch2/catch.hpp>

#include <filesystem>

#include "generators/dns/dns_model.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {
namespace {

Topology Enterprise() {
  Diagnostics diagnostics;
  std::filesystem::path path =
      std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / "enterprise.json";
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  return *topology;
}

const DnsRecord* Find(const DnsRecordSet& set, View view, const std::string& name, DnsType type) {
  for (size_t i : set.At(view, name)) {
    if (set.records[i].type == type) return &set.records[i];
  }
  return nullptr;
}

}  // namespace

TEST_CASE("pin-point internal zones: one zone per internal name of a SIP domain", "[dns]") {
  Topology topology = Enterprise();
  topology.dns.internal_zones = "pinpoint";
  topology.dns.lyncdiscover_records = "cname";
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  DnsRecordSet set = BuildDnsRecords(plan, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());

  const DnsRecord* sip = Find(set, View::kInternal, "sip.contoso.com", DnsType::kA);
  REQUIRE(sip);
  CHECK(sip->zone == "sip.contoso.com");
  // The page's own example: a zone named after the SRV record, the record at its apex.
  const DnsRecord* srv =
      Find(set, View::kInternal, "_sipinternaltls._tcp.contoso.com", DnsType::kSrv);
  REQUIRE(srv);
  CHECK(srv->zone == "_sipinternaltls._tcp.contoso.com");
  CHECK(srv->port == 5061);
  // The AD domain lives inside anyway: still one zone.
  const DnsRecord* fe01 = Find(set, View::kInternal, "fe01.contoso.local", DnsType::kA);
  REQUIRE(fe01);
  CHECK(fe01->zone == "contoso.local");
  // The Internet view keeps whole zones.
  const DnsRecord* edge = Find(set, View::kExternal, "sip.contoso.com", DnsType::kA);
  REQUIRE(edge);
  CHECK(edge->zone == "contoso.com");
  // No CNAME at a zone apex: lyncdiscoverinternal gets address records despite `cname`...
  CHECK(Find(set, View::kInternal, "lyncdiscoverinternal.contoso.com", DnsType::kCname) == nullptr);
  CHECK(Find(set, View::kInternal, "lyncdiscoverinternal.contoso.com", DnsType::kA) != nullptr);
  // ...while the Internet's lyncdiscover keeps its CNAME in the whole external zone.
  CHECK(Find(set, View::kExternal, "lyncdiscover.contoso.com", DnsType::kCname) != nullptr);
  for (const DnsZone& zone : set.zones) {
    if (zone.view == View::kInternal) CHECK(zone.name != "contoso.com");
  }
}

TEST_CASE("full internal zones by default", "[dns]") {
  Topology topology = Enterprise();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  DnsRecordSet set = BuildDnsRecords(plan, diagnostics);
  const DnsRecord* sip = Find(set, View::kInternal, "sip.contoso.com", DnsType::kA);
  REQUIRE(sip);
  CHECK(sip->zone == "contoso.com");
}

}  // namespace lynctopo
