#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1060 one server in two pools", "[validate]") {
  Topology t = ValidBase();
  Director(t).servers[1].fqdn = "FE01.contoso.local";
  CHECK(Only(t) ==
        "error: server FQDN 'FE01.contoso.local' is also used by front-end pool "
        "'pool01.contoso.local' [LT1060]");
}

TEST_CASE("LT1060 server listed twice in one pool", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).servers[1].fqdn = "fe01.contoso.local";
  CHECK(Only(t) ==
        "error: server FQDN 'fe01.contoso.local' appears twice in front-end pool "
        "'pool01.contoso.local' [LT1060]");
}

TEST_CASE("LT1060 pool named like a server of another pool", "[validate]") {
  Topology t = ValidBase();
  Pool& director = Director(t);
  director.fqdn = "fe02.contoso.local";
  CHECK(Only(t) ==
        "error: pool FQDN 'fe02.contoso.local' is also the server FQDN of front-end pool "
        "'pool01.contoso.local' [LT1060]");
}

TEST_CASE("single-machine pools may be named after their server", "[validate]") {
  Topology t = ValidBase();
  Pool& director = Director(t);
  director.servers.resize(1);
  director.fqdn = "dir01.contoso.local";
  director.load_balancing = LoadBalancing::kNone;
  director.vip.clear();
  CHECK(Validate(t).empty());
  director.servers.push_back(MakeServer("dir02.contoso.local", "10.0.0.32"));
  director.load_balancing = LoadBalancing::kHardware;
  director.vip = "10.0.0.30";
  CHECK(Only(t) ==
        "error: server FQDN 'dir01.contoso.local' is also the pool FQDN of director pool "
        "'dir01.contoso.local' [LT1060]");
}

TEST_CASE("LT1061 external web FQDN used by two pools (F5, F9)", "[validate]") {
  Topology t = ValidBase();
  Director(t).external_web_fqdn = "WebExt.contoso.com";
  CHECK(Only(t) ==
        "error: external web FQDN 'WebExt.contoso.com' is also used by front-end pool "
        "'pool01.contoso.local' [LT1061]");
}

TEST_CASE("LT1062 internal web override used by two pools (F6)", "[validate]") {
  Topology t = ValidBase();
  Director(t).internal_web_fqdn = "webint.contoso.local";
  CHECK(Only(t) ==
        "error: internal web FQDN 'webint.contoso.local' is also used by front-end pool "
        "'pool01.contoso.local' [LT1062]");
}

TEST_CASE("LT1063 internal web FQDN equal to the external one (F8)", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).external_web_fqdn = "webint.contoso.local";
  CHECK(Only(t) ==
        "warning: external web FQDN 'webint.contoso.local' is also the internal web FQDN of "
        "front-end pool 'pool01.contoso.local': mobile clients inside the network would reach "
        "the internal site, and Mobility and Autodiscover need distinct internal and external "
        "web FQDNs (the internal one resolving only inside, the external one only on the "
        "Internet) [LT1063]");
}

TEST_CASE("LT1064 other name clashes", "[validate]") {
  Topology t = ValidBase();
  Edge(t).edge.access_fqdn = "edgepool.contoso.local";
  t.sites[0].reverse_proxies[0].fqdn = "seext.contoso.com";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: access edge FQDN 'edgepool.contoso.local' is also the pool FQDN of "
                   "edge pool 'edgepool.contoso.local' [LT1064]",
                   "error: external web FQDN 'seext.contoso.com' is also the reverse proxy FQDN "
                   "of reverse proxy 'rp1' [LT1064]"});
}

TEST_CASE("inventory pools may share names with servers", "[validate]") {
  Topology t = ValidBase();
  Pool store;
  store.kind = PoolKind::kFileStore;
  store.fqdn = "se01.contoso.local";
  store.servers = {Server{}};
  SiteNamed(t, "Dublin").pools.push_back(store);
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1063 external web FQDN equal to a pool FQDN serving internal web", "[validate]") {
  Topology t = ValidBase();
  StandardEdition(t).external_web_fqdn = "se01.contoso.local";
  Director(t).external_web_fqdn = "pool01.contoso.local";  // pool01 has an override: LT1064
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: external web FQDN 'pool01.contoso.local' is also the pool FQDN of "
                   "front-end pool 'pool01.contoso.local' [LT1064]",
                   "warning: external web FQDN 'se01.contoso.local' is also the internal web "
                   "FQDN of standard-edition pool 'se01.contoso.local': mobile clients inside "
                   "the network would reach the internal site, and Mobility and Autodiscover "
                   "need distinct internal and external web FQDNs (the internal one resolving "
                   "only inside, the external one only on the Internet) [LT1063]"});
}
