// Mediation trunks, Survivable Branch Appliance settings and Windows releases (voice.cpp and
// references.cpp). Ports and releases: docs/format.md, docs/iis.md.

#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

namespace {

// Redmond gains a stand-alone Mediation pool with a trunk to a PSTN gateway.
Topology WithMediation() {
  Topology t = ValidBase();
  Site& redmond = SiteNamed(t, "Redmond");
  Pool gateway;
  gateway.kind = PoolKind::kPstnGateway;
  gateway.fqdn = "gw01.contoso.local";
  gateway.servers = {MakeServer("gw01.contoso.local", "10.0.0.60")};
  redmond.pools.push_back(gateway);
  Pool mediation;
  mediation.kind = PoolKind::kMediation;
  mediation.fqdn = "med01.contoso.local";
  mediation.servers = {MakeServer("med01.contoso.local", "10.0.0.50")};
  mediation.mediation.next_hop_pool = "pool01.contoso.local";
  mediation.mediation.trunks = {Trunk{"gw01.contoso.local", TrunkTransport::kTls, 5067, 5067, {}}};
  redmond.pools.push_back(mediation);
  return t;
}

Pool& Mediation(Topology& t) {
  return PoolNamed(t, "med01.contoso.local");
}

}  // namespace

TEST_CASE("a Mediation pool with a trunk and an appliance with a backup registrar validate",
          "[validate][voice]") {
  Topology t = WithMediation();
  PoolNamed(t, "sba01.contoso.local").branch.backup_registrar_pool = "pool01.contoso.local";
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1065 trunk port out of range", "[validate][voice]") {
  Topology t = WithMediation();
  Mediation(t).mediation.trunks[0].mediation_port = 70000;
  CHECK(Only(t) ==
        "error: trunk to 'gw01.contoso.local' of mediation pool 'med01.contoso.local': "
        "mediation_port 70000 is outside 1-65535 [LT1065]");
  Mediation(t).mediation.trunks[0].mediation_port = 5068;
  Mediation(t).mediation.trunks[0].gateway_port = 0;
  CHECK(Only(t) ==
        "error: trunk to 'gw01.contoso.local' of mediation pool 'med01.contoso.local': "
        "gateway_port 0 is outside 1-65535 [LT1065]");
}

TEST_CASE("LT1066 two trunks to one gateway", "[validate][voice]") {
  Topology t = WithMediation();
  Trunk second = Mediation(t).mediation.trunks[0];
  second.gateway = "GW01.contoso.local";
  second.transport = TrunkTransport::kTcp;
  Mediation(t).mediation.trunks.push_back(second);
  CHECK(Only(t) ==
        "error: mediation pool 'med01.contoso.local' has two trunks to gateway "
        "'GW01.contoso.local' [LT1066]");
}

TEST_CASE("LT1067 settings of another pool kind", "[validate][voice]") {
  Topology t = WithMediation();
  FrontEnd(t).mediation.next_hop_pool = "pool01.contoso.local";
  CHECK(Only(t) ==
        "error: front-end pool 'pool01.contoso.local' has Mediation settings; only mediation "
        "pools use them [LT1067]");
  FrontEnd(t).mediation.next_hop_pool.clear();
  Mediation(t).branch.backup_registrar_pool = "pool01.contoso.local";
  CHECK(Only(t) ==
        "error: mediation pool 'med01.contoso.local' has branch appliance settings; only "
        "survivable-branch pools use them [LT1067]");
}

TEST_CASE("LT1027 and LT1028 on Mediation and appliance references", "[validate][voice]") {
  Topology t = WithMediation();
  Mediation(t).mediation.next_hop_pool = "pool1.contoso.local";
  CHECK(Only(t) ==
        "error: next hop pool 'pool1.contoso.local' of mediation pool 'med01.contoso.local' "
        "does not exist (did you mean 'pool01.contoso.local'?) [LT1027]");
  // A Director registers nobody: not a next hop for calls.
  Mediation(t).mediation.next_hop_pool = "dirpool.contoso.local";
  CHECK(Only(t) ==
        "error: next hop pool 'dirpool.contoso.local' of mediation pool 'med01.contoso.local' "
        "is a director pool, not a standard-edition or front-end pool [LT1028]");
  Mediation(t).mediation.next_hop_pool = "pool01.contoso.local";
  Mediation(t).mediation.trunks[0].gateway = "pool01.contoso.local";
  CHECK(Only(t) ==
        "error: trunk gateway 'pool01.contoso.local' of mediation pool 'med01.contoso.local' "
        "is a front-end pool, not a pstn-gateway pool [LT1028]");
  Mediation(t).mediation.trunks[0].gateway = "gw01.contoso.local";
  PoolNamed(t, "sba01.contoso.local").branch.backup_registrar_pool = "edgepool.contoso.local";
  CHECK(Only(t) ==
        "error: backup registrar pool 'edgepool.contoso.local' of survivable-branch pool "
        "'sba01.contoso.local' is a edge pool, not a standard-edition or front-end pool "
        "[LT1028]");
}

TEST_CASE("LT1068 a Windows release the product does not support", "[validate][voice]") {
  Topology t = ValidBase();
  FrontEnd(t).os = WindowsRelease::k2019;
  CHECK(Only(t) ==
        "warning: front-end pool 'pool01.contoso.local' runs windows-2019, which lync2013 does "
        "not support [LT1068]");
  FrontEnd(t).os = WindowsRelease::k2012;
  FrontEnd(t).servers[0].os = WindowsRelease::k2016;
  CHECK(Only(t) ==
        "warning: server 'fe01.contoso.local' runs windows-2016, which lync2013 does not "
        "support [LT1068]");
  t.version = ProductVersion::kSkype2015;
  CHECK(Validate(t).empty());
  FrontEnd(t).servers[1].os = WindowsRelease::k2019;  // 2015 from Cumulative Update 9
  CHECK(Validate(t).empty());
  t.version = ProductVersion::kSkype2019;
  // The pool's 2012 is too old for 2019; the servers' own 2016 and 2019 are fine.
  CHECK(Only(t) ==
        "warning: front-end pool 'pool01.contoso.local' runs windows-2012, which sfb2019 does "
        "not support [LT1068]");
  FrontEnd(t).os = WindowsRelease::k2022;  // not on the 2019 requirements page
  CHECK(Only(t) ==
        "warning: front-end pool 'pool01.contoso.local' runs windows-2022, which sfb2019 does "
        "not support [LT1068]");
}

TEST_CASE("the effective Windows release: server, else pool, else the product's",
          "[validate][voice]") {
  Pool pool;
  Server server;
  CHECK(EffectiveRelease(server, pool, ProductVersion::kLync2013) == WindowsRelease::k2012R2);
  CHECK(EffectiveRelease(server, pool, ProductVersion::kSkype2015) == WindowsRelease::k2012R2);
  CHECK(EffectiveRelease(server, pool, ProductVersion::kSkype2019) == WindowsRelease::k2019);
  pool.os = WindowsRelease::k2016;
  CHECK(EffectiveRelease(server, pool, ProductVersion::kSkype2019) == WindowsRelease::k2016);
  server.os = WindowsRelease::k2022;
  CHECK(EffectiveRelease(server, pool, ProductVersion::kSkype2019) == WindowsRelease::k2022);
}
