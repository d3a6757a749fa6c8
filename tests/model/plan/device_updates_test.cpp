// ucupdates-r2.<SIP domain> ("DNS requirements for Front End pools in Lync Server 2013"): an
// internal A record to the Front End pool hosting the Device Update Web service.

#include <catch2/catch.hpp>

#include <filesystem>

#include "model/load.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

TEST_CASE("ucupdates-r2: per SIP domain, at the update pool's internal web addresses",
          "[plan][dns]") {
  Diagnostics diagnostics;
  std::filesystem::path path =
      std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / "enterprise.json";
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  Plan plan = DerivePlan(*topology, diagnostics);
  // The sign-in target is the Director pool, which hosts no Device Update Web service: the
  // names lead to the first Front End pool, at its internal web VIP.
  std::vector<std::string> web;
  for (const PlannedName& name : plan.names) {
    if (name.role == NameRole::kInternalWeb && name.pool == "pool01.contoso.local")
      web = name.addresses;
  }
  REQUIRE_FALSE(web.empty());
  size_t found = 0;
  for (const PlannedName& name : plan.names) {
    if (name.role != NameRole::kUcUpdates) continue;
    ++found;
    CHECK(name.view == View::kInternal);
    CHECK(name.fqdn.str() == "ucupdates-r2." + name.sip_domain);
    CHECK(name.pool == "pool01.contoso.local");
    CHECK(name.addresses == web);
  }
  CHECK(found == plan.sip_domains.size());
}

}  // namespace lynctopo
