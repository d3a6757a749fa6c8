#include "generators/powershell_view.hpp"

#include <catch2/catch.hpp>

#include "model/plan/plan.hpp"

namespace lynctopo {

TEST_CASE("PowerShellList quotes every item as its own literal", "[powershell]") {
  CHECK(PowerShellList({}) == "");
  CHECK(PowerShellList({"Default"}) == "'Default'");
  CHECK(PowerShellList({"Default", "WebServicesInternal"}) == "'Default', 'WebServicesInternal'");
  CHECK(PowerShellList({"it's", "a,b"}) == "'it''s', 'a,b'");
}

TEST_CASE("PowerShellProduct names the deployment's product", "[powershell]") {
  CHECK(PowerShellProduct(nullptr) == "Lync Server 2013");
  Topology topology;
  Plan plan;
  plan.topology = &topology;
  topology.version = ProductVersion::kSkype2015;
  CHECK(PowerShellProduct(&plan) == "Skype for Business Server 2015");
  topology.version = ProductVersion::kSkype2019;
  CHECK(PowerShellProduct(&plan) == "Skype for Business Server 2019");
}

}  // namespace lynctopo
