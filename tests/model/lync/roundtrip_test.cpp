// Import -> our format -> load gives the same model and the same plan as importing directly;
// and the shipped example overlay makes its fixture free of "missing piece" warnings.

#include <catch2/catch.hpp>

#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"
#include "tests/model/lync/test_util.hpp"

namespace lynctopo {
namespace {

using testing::FindDiagnostic;
using testing::ReadLyncFixture;

const char* const kExampleOverlay =
    LYNCTOPO_SOURCE_DIR "/examples/overlays/sfbautomatedlab-contoso.json";

// Everything a generator can see of the plan, as text.
std::string PlanText(const Plan& plan) {
  std::string out;
  for (const PlannedName& n : plan.names) {
    out += std::string(ToString(n.view)) + " " + n.fqdn.str() + " " + ToString(n.role) + " " +
           ToString(n.target) + " pool=" + n.pool + " proxy=" + n.proxy + " alias=" + n.alias_of;
    for (const std::string& a : n.addresses) out += " " + a;
    out += "\n";
  }
  for (const PlannedService& s : plan.services) {
    out += std::string(ToString(s.view)) + " " + s.service + "." + s.domain + " -> " +
           s.target.str() + ":" + std::to_string(s.port) + "\n";
  }
  for (const PlannedEndpoint& e : plan.endpoints) {
    out += std::string(ToString(e.view)) + " " + e.host + ":" + std::to_string(e.port) + "/" +
           e.protocol + " " + e.purpose + " " + e.published_by + " " + e.backend_host + ":" +
           std::to_string(e.backend_port) + "\n";
  }
  for (const PlannedPool& p : plan.pools) {
    out += p.fqdn.str() + " " + ToString(p.kind) + " " + p.site + " " + p.edge_pool + "\n";
  }
  return out;
}

TEST_CASE("import -> JSON/XML -> load gives the same model and plan", "[shared]") {
  for (const char* name : {"sfbautomatedlab-contoso.tbxml", "otc-standard-edition.tbxml",
                           "rlevchenko-published.xml", "ibenbouzid-v2-published.xml"}) {
    std::optional<std::string> text = ReadLyncFixture(name);
    if (!text) FAIL(name << " not found under " LYNCTOPO_SHARED_DIR "/fixtures");
    INFO(name);
    Diagnostics import_diagnostics;
    std::optional<Topology> imported =
        testing::Import(*text, import_diagnostics, {}, std::string("lync/") + name);
    REQUIRE(imported);
    const std::string json = WriteJsonTopology(*imported);
    const std::string xml = WriteXmlTopology(*imported);
    Diagnostics json_diagnostics;
    Diagnostics xml_diagnostics;
    std::optional<Topology> from_json = LoadJsonTopology(json, "rt.json", json_diagnostics);
    std::optional<Topology> from_xml = LoadXmlTopology(xml, "rt.xml", xml_diagnostics);
    INFO(testing::AllDiagnostics(json_diagnostics) + testing::AllDiagnostics(xml_diagnostics));
    REQUIRE(from_json);
    REQUIRE(from_xml);
    CHECK(WriteJsonTopology(*from_json) == json);
    CHECK(WriteJsonTopology(*from_xml) == json);
    Diagnostics plan_diagnostics;
    const std::string direct = PlanText(DerivePlan(*imported, plan_diagnostics));
    CHECK(PlanText(DerivePlan(*from_json, plan_diagnostics)) == direct);
    CHECK(PlanText(DerivePlan(*from_xml, plan_diagnostics)) == direct);
  }
}

TEST_CASE("the example overlay makes the SfBAutomatedLab topology generate-ready", "[shared]") {
  std::optional<std::string> text = ReadLyncFixture("sfbautomatedlab-contoso.tbxml");
  if (!text) FAIL("sfbautomatedlab-contoso.tbxml not found under " LYNCTOPO_SHARED_DIR);
  Diagnostics probe;
  std::optional<Topology> overlay = LoadOverlayFile(kExampleOverlay, probe);
  INFO(testing::AllDiagnostics(probe));
  REQUIRE(overlay);
  Diagnostics diagnostics;
  LoadOptions options;
  options.overlays = {kExampleOverlay};
  std::optional<Topology> topology = testing::Import(*text, diagnostics, options);
  REQUIRE(topology);
  ApplyOverlay(*topology, *overlay, diagnostics);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  for (const char* code : {"LT3020", "LT3021", "LT3022", "LT3023", "LT3024", "LT3025", "LT3026",
                           "LT3027", "LT3028", "LT3029"}) {
    CHECK_FALSE(FindDiagnostic(diagnostics, code));
  }
  const Pool* fe = testing::FindPool(*topology, "frontendpool.contoso.com");
  REQUIRE(fe);
  CHECK(fe->load_balancing == LoadBalancing::kDns);
  CHECK(fe->internal_web_fqdn == "webint.contoso.com");
  // The lab used the pool FQDN as external web FQDN, which our rules reject (LT1064).
  CHECK(fe->external_web_fqdn == "webext.contoso.com");
  CHECK(fe->servers[3].addresses == std::vector<std::string>{"192.168.10.14"});
  CHECK(fe->kind == PoolKind::kFrontEnd);
  REQUIRE(topology->sites[0].kerberos_account);
  CHECK(topology->sites[0].reverse_proxies.size() == 1);
  CHECK(topology->ad_domain == "contoso.com");
  ValidateTopology(*topology, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());
  Plan plan = DerivePlan(*topology, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());
  REQUIRE(plan.FindPool("edgepool.contoso.com"));
  // Loading the Lync file with the overlay (what every command does) gives the same model.
  Diagnostics load_diagnostics;
  std::optional<Topology> loaded =
      LoadTopologyFile(LYNCTOPO_SHARED_DIR "/fixtures/lync/sfbautomatedlab-contoso.tbxml",
                       load_diagnostics, options);
  REQUIRE(loaded);
  CHECK(WriteJsonTopology(*loaded) == WriteJsonTopology(*topology));
}

}  // namespace
}  // namespace lynctopo
