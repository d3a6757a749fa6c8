// dns.lyncdiscover_records (docs/domain-calls.md, "lyncdiscover as CNAME"): the Autodiscover DNS
// summary for Lync Server 2013 allows a CNAME to the sign-in pool's web services FQDN, but not
// into another domain over HTTPS.

#include <catch2/catch.hpp>

#include <filesystem>

#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

Topology Example(const char* name) {
  Diagnostics diagnostics;
  std::filesystem::path path =
      std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (std::string(name) + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  return *topology;
}

const PlannedName* Find(const Plan& plan, const std::string& fqdn, View view) {
  for (const PlannedName& name : plan.names) {
    if (name.fqdn.str() == fqdn && name.view == view) return &name;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("lyncdiscover_records cname: a CNAME within the SIP domain, A records elsewhere",
          "[plan][dns]") {
  Topology topology = Example("enterprise");
  topology.dns.lyncdiscover_records = "cname";
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  // The Director's external web FQDN dirext.contoso.com lies in contoso.com only.
  const PlannedName* contoso = Find(plan, "lyncdiscover.contoso.com", View::kExternal);
  REQUIRE(contoso);
  CHECK(contoso->target == TargetKind::kAlias);
  CHECK(contoso->alias_of == "dirext.contoso.com");
  CHECK(contoso->addresses.empty());
  CHECK_FALSE(contoso->address_unknown);
  CHECK_FALSE(contoso->proxy.empty());  // still published: the proxy answers for it
  const PlannedName* fabrikam = Find(plan, "lyncdiscover.fabrikam.com", View::kExternal);
  REQUIRE(fabrikam);
  CHECK(fabrikam->target == TargetKind::kReverseProxy);
  CHECK_FALSE(fabrikam->addresses.empty());

  SECTION("the default keeps address records") {
    Topology plain = Example("enterprise");
    Diagnostics d;
    Plan a = DerivePlan(plain, d);
    CHECK(Find(a, "lyncdiscover.contoso.com", View::kExternal)->target ==
          TargetKind::kReverseProxy);
  }
}

TEST_CASE("lyncdiscover_records: anything but a or cname is LT1012", "[plan][dns][validate]") {
  Topology topology = Example("small-business");
  topology.dns.lyncdiscover_records = "CNAMES";
  Diagnostics diagnostics;
  ValidateTopology(topology, diagnostics);
  bool found = false;
  for (const Diagnostic& d : diagnostics.items()) found = found || d.code == "LT1012";
  CHECK(found);
}

}  // namespace lynctopo
