#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1027 unknown Edge pool with a suggestion", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).edge_pool = "edgepol.contoso.local";
  CHECK(Only(t) ==
        "error: edge pool 'edgepol.contoso.local' of front-end pool 'pool01.contoso.local' does "
        "not exist (did you mean 'edgepool.contoso.local'?) [LT1027]");
}

TEST_CASE("LT1027 unknown next hop pool", "[validate]") {
  Topology t = ValidBase();
  Edge(t).edge.next_hop_pool = "pool1.contoso.local";
  CHECK(Only(t) ==
        "error: next hop pool 'pool1.contoso.local' of edge pool 'edgepool.contoso.local' does "
        "not exist (did you mean 'pool01.contoso.local'?) [LT1027]");
}

TEST_CASE("LT1027 unknown designated pools, no suggestion when nothing is close", "[validate]") {
  Topology t = ValidBase();
  t.designated_pool = "lync.fabrikam.net";
  SiteNamed(t, "Dublin").designated_pool = "se1.contoso.local";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: designated pool 'lync.fabrikam.net' of the topology does not exist "
                   "[LT1027]",
                   "error: designated pool 'se1.contoso.local' of site 'Dublin' does not exist "
                   "(did you mean 'se01.contoso.local'?) [LT1027]"});
}

TEST_CASE("LT1028 reference to a pool of the wrong kind", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).edge_pool = "dirpool.contoso.local";
  Edge(t).edge.next_hop_pool = "sql01.contoso.local";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: edge pool 'dirpool.contoso.local' of front-end pool "
                   "'pool01.contoso.local' is a director pool, not an edge pool [LT1028]",
                   "error: next hop pool 'sql01.contoso.local' of edge pool "
                   "'edgepool.contoso.local' is a sql pool, not a standard-edition, front-end "
                   "or director pool [LT1028]"});
}

TEST_CASE("LT1029 Edge pool without next hop", "[validate]") {
  Topology t = ValidBase();
  Edge(t).edge.next_hop_pool.clear();
  CHECK(Only(t) == "error: edge pool 'edgepool.contoso.local' has no next hop pool [LT1029]");
}

TEST_CASE("LT1030 site designated pool in another site", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Dublin").designated_pool = "pool01.contoso.local";
  CHECK(Only(t) ==
        "warning: designated pool 'pool01.contoso.local' of site 'Dublin' belongs to site "
        "'Redmond' [LT1030]");
}

TEST_CASE("references are case-insensitive", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).edge_pool = "EdgePool.Contoso.Local";
  t.designated_pool = "POOL01.contoso.local";
  CHECK(Validate(t).empty());
}
