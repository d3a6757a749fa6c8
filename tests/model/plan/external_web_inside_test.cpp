// Internal DNS for external web FQDNs (docs/domain-calls.md): the technical requirements for
// mobility say a Front End pool's external web services FQDN resolves only from the Internet;
// the single-Director DNS summary keeps the Director's external web name inside, at the
// Director; `dns.external_web_internal: hairpin` sends inside clients to the reverse proxy.

#include <catch2/catch.hpp>

#include <filesystem>

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

const PlannedName* Find(const Plan& plan, const std::string& fqdn, View view) {
  for (const PlannedName& name : plan.names) {
    if (name.fqdn.str() == fqdn && name.view == view && name.role == NameRole::kExternalWeb)
      return &name;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("external web FQDNs inside: absent by default, the Director's kept", "[plan][dns]") {
  Topology topology = Enterprise();
  for (const char* setting : {"", "absent"}) {
    topology.dns.external_web_internal = setting;
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK(Find(plan, "webext01.contoso.com", View::kInternal) == nullptr);
    CHECK(Find(plan, "webext02.contoso.com", View::kInternal) == nullptr);
    CHECK(Find(plan, "webext01.contoso.com", View::kExternal) != nullptr);
    const PlannedName* director = Find(plan, "dirext.contoso.com", View::kInternal);
    REQUIRE(director);
    CHECK(director->target != TargetKind::kReverseProxy);
  }
}

TEST_CASE("external web FQDNs inside: hairpin leads to the publishing reverse proxy",
          "[plan][dns]") {
  Topology topology = Enterprise();
  topology.dns.external_web_internal = "hairpin";
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  const PlannedName* redmond = Find(plan, "webext01.contoso.com", View::kInternal);
  REQUIRE(redmond);
  CHECK(redmond->target == TargetKind::kReverseProxy);
  CHECK(redmond->proxy == "rp-redmond");
  CHECK(redmond->addresses == std::vector<std::string>{"131.107.155.40"});
  // Each pool through its own site's proxy.
  const PlannedName* dublin = Find(plan, "webext02.contoso.com", View::kInternal);
  REQUIRE(dublin);
  CHECK(dublin->proxy == "rp-dublin");
  CHECK(dublin->addresses == std::vector<std::string>{"198.51.100.40"});
  // The Director keeps what its DNS summary documents.
  const PlannedName* director = Find(plan, "dirext.contoso.com", View::kInternal);
  REQUIRE(director);
  CHECK(director->target != TargetKind::kReverseProxy);

  SECTION("no reverse proxy: nothing to hairpin through, no internal record") {
    for (Site& site : topology.sites) site.reverse_proxies.clear();
    Diagnostics d;
    Plan bare = DerivePlan(topology, d);
    CHECK(Find(bare, "webext01.contoso.com", View::kInternal) == nullptr);
  }
}

}  // namespace lynctopo
