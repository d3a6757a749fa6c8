#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1020 duplicate site name", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Dublin").name = "REDMOND";
  CHECK(Only(t) == "error: site name 'REDMOND' is used by more than one site [LT1020]");
}

TEST_CASE("LT1032 site without a name", "[validate]") {
  Topology t = ValidBase();
  Site empty;
  t.sites.push_back(empty);
  CHECK(Only(t) == "error: a site has no name [LT1032]");
}

TEST_CASE("LT1021 duplicate reverse proxy name", "[validate]") {
  Topology t = ValidBase();
  ReverseProxy rp = t.sites[0].reverse_proxies[0];
  rp.fqdn = "rp2.contoso.local";
  SiteNamed(t, "Dublin").reverse_proxies.push_back(rp);
  CHECK(Only(t) == "error: reverse proxy name 'rp1' is also used in site 'Redmond' [LT1021]");
}

TEST_CASE("LT1031 reverse proxy without external address", "[validate]") {
  Topology t = ValidBase();
  t.sites[0].reverse_proxies[0].external_addresses.clear();
  CHECK(Only(t) == "warning: reverse proxy 'rp1' has no external address to publish on [LT1031]");
}

TEST_CASE("LT1022 branch site without parent", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Branch1").parent.clear();
  CHECK(Only(t) == "error: branch site 'Branch1' has no parent central site [LT1022]");
}

TEST_CASE("LT1023 unknown parent site suggests the closest name", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Branch1").parent = "Redmund";
  CHECK(Only(t) ==
        "error: parent site 'Redmund' of branch site 'Branch1' does not exist (did you mean "
        "'Redmond'?) [LT1023]");
  SiteNamed(t, "Branch1").parent = "Tokyo";
  CHECK(Only(t) == "error: parent site 'Tokyo' of branch site 'Branch1' does not exist [LT1023]");
}

TEST_CASE("LT1024 parent is a branch site", "[validate]") {
  Topology t = ValidBase();
  Site branch2;
  branch2.name = "Branch2";
  branch2.kind = SiteKind::kBranch;
  branch2.parent = "Branch1";
  t.sites.push_back(branch2);
  CHECK(Only(t) ==
        "error: parent site 'Branch1' of branch site 'Branch2' is not a central site [LT1024]");
}

TEST_CASE("LT1025 central site with a parent", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Dublin").parent = "Redmond";
  CHECK(Only(t) ==
        "warning: central site 'Dublin' names parent site 'Redmond'; only branch sites have a "
        "parent [LT1025]");
}

TEST_CASE("LT1026 core pool in a branch site", "[validate]") {
  Topology t = ValidBase();
  Pool se = StandardEdition(t);
  SiteNamed(t, "Dublin").pools.clear();
  SiteNamed(t, "Branch1").pools.push_back(se);
  CHECK(Only(t) ==
        "error: branch site 'Branch1' holds standard-edition pool 'se01.contoso.local'; only "
        "central sites can [LT1026]");
}
