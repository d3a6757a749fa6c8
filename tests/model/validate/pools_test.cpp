#include <fmt/format.h>
#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1004 invalid pool, server and web FQDNs", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).servers[0].fqdn = "fe01";
  FrontEnd(t).internal_web_fqdn = "-webint.contoso.local";
  Director(t).external_web_fqdn = "dirext.contoso.123";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: internal web FQDN '-webint.contoso.local' has a label that starts or "
                   "ends with a hyphen [LT1004]",
                   "error: server FQDN 'fe01' is a single label (a domain name needs at least "
                   "two) [LT1004]",
                   "error: external web FQDN 'dirext.contoso.123' is an address, not a name "
                   "[LT1004]"});
}

TEST_CASE("LT1005 inventory names failing our rules are warnings", "[validate]") {
  Topology t = ValidBase();
  PoolNamed(t, "sql01.contoso.local").fqdn = "SQL01";
  PoolNamed(t, "sba01.contoso.local").servers[0].fqdn = "sba_01.contoso.local";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "warning: pool FQDN 'SQL01' is a single label (a domain name needs at least "
                   "two); it is kept as inventory only [LT1005]",
                   "warning: server FQDN 'sba_01.contoso.local' contains a character other than "
                   "letters, digits, hyphen and dot; it is kept as inventory only [LT1005]"});
}

TEST_CASE("LT1004 Office Web Apps with an external name is not inventory", "[validate]") {
  Topology t = ValidBase();
  Pool owa;
  owa.kind = PoolKind::kOfficeWebApps;
  owa.fqdn = "owa";
  owa.servers = {MakeServer("owa01.contoso.local", "10.0.0.50")};
  t.sites[0].pools.push_back(owa);
  CHECK(Only(t) ==
        "warning: pool FQDN 'owa' is a single label (a domain name needs at least two); it is "
        "kept as inventory only [LT1005]");
  t.sites[0].pools.back().external_web_fqdn = "owa.contoso.com";
  CHECK(Only(t) ==
        "error: pool FQDN 'owa' is a single label (a domain name needs at least two) [LT1004]");
}

TEST_CASE("LT1006 missing FQDNs", "[validate]") {
  Topology t = ValidBase();
  Director(t).servers[1].fqdn.clear();
  PoolNamed(t, "sba01.contoso.local").servers[0].fqdn.clear();  // inventory, single: fine
  CHECK(Only(t) == "error: a server of director pool 'dirpool.contoso.local' has no FQDN [LT1006]");
  Pool pool;
  pool.kind = PoolKind::kMediation;
  SiteNamed(t, "Dublin").pools.push_back(pool);
  Director(t).servers[1].fqdn = "dir02.contoso.local";
  CHECK(Only(t) == "error: a mediation pool in site 'Dublin' has no FQDN [LT1006]");
}

TEST_CASE("LT1048 core pool without servers", "[validate]") {
  Topology t = ValidBase();
  Director(t).servers.clear();
  CHECK(Only(t) == "error: director pool 'dirpool.contoso.local' has no servers [LT1048]");
}

TEST_CASE("LT1040 more than 12 Front End servers", "[validate]") {
  Topology t = ValidBase();
  Pool& fe = FrontEnd(t);
  for (int i = 3; i <= 13; ++i) {
    fe.servers.push_back(
        MakeServer(fmt::format("fe{:02}.contoso.local", i), fmt::format("10.0.0.{}", 20 + i)));
  }
  CHECK(Only(t) ==
        "error: front-end pool 'pool01.contoso.local' has 13 servers; a front-end pool holds at "
        "most 12 [LT1040]");
  fe.servers.pop_back();
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1041 Standard Edition with two servers", "[validate]") {
  Topology t = ValidBase();
  StandardEdition(t).servers.push_back(MakeServer("se02.contoso.local", "10.1.0.11"));
  CHECK(Only(t) ==
        "error: standard-edition pool 'se01.contoso.local' has 2 servers; a standard edition "
        "pool has exactly one [LT1041]");
}

TEST_CASE("LT1042 Standard Edition pool FQDN differs from the server FQDN", "[validate]") {
  Topology t = ValidBase();
  StandardEdition(t).servers[0].fqdn = "se01-host.contoso.local";
  CHECK(Only(t) ==
        "error: standard-edition pool FQDN 'se01.contoso.local' differs from its server FQDN "
        "'se01-host.contoso.local' [LT1042]");
}

TEST_CASE("LT1043 Standard Edition with an internal web override", "[validate]") {
  Topology t = ValidBase();
  StandardEdition(t).internal_web_fqdn = "seweb.contoso.local";
  CHECK(Only(t) ==
        "error: standard-edition pool 'se01.contoso.local' overrides its internal web FQDN with "
        "'seweb.contoso.local'; standard edition cannot [LT1043]");
  StandardEdition(t).internal_web_fqdn = "SE01.contoso.local";  // naming itself is no override
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1044 Standard Edition load balanced", "[validate]") {
  Topology t = ValidBase();
  StandardEdition(t).load_balancing = LoadBalancing::kDns;
  CHECK(Only(t) ==
        "error: standard-edition pool 'se01.contoso.local' uses dns load balancing; standard "
        "edition is never load balanced [LT1044]");
}

TEST_CASE("LT1045 DNS load balancing needs an internal web override", "[validate]") {
  Topology t = ValidBase();
  Pool& fe = FrontEnd(t);
  fe.load_balancing = LoadBalancing::kDns;
  fe.internal_web_fqdn = "pool01.contoso.local";
  CHECK(Only(t) ==
        "warning: front-end pool 'pool01.contoso.local' uses DNS load balancing but its internal "
        "web FQDN is the pool FQDN: DNS load balancing cannot balance HTTPS, so internal web "
        "services need a name of their own behind a hardware load balancer (override "
        "`internal_web_fqdn`) [LT1045]");
  fe.internal_web_fqdn = "webint.contoso.local";
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1046 several servers without load balancing", "[validate]") {
  Topology t = ValidBase();
  Director(t).load_balancing = LoadBalancing::kNone;
  Edge(t).load_balancing = LoadBalancing::kNone;
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "warning: director pool 'dirpool.contoso.local' has 2 servers but no load "
                   "balancing: clients reach one server only and nothing fails over; Lync "
                   "spreads a pool's traffic by DNS or hardware load balancing (set "
                   "`load_balancing`) [LT1046]",
                   "warning: edge pool 'edgepool.contoso.local' has 2 servers but no load "
                   "balancing: clients reach one server only and nothing fails over; Lync "
                   "spreads a pool's traffic by DNS or hardware load balancing (set "
                   "`load_balancing`) [LT1046]"});
}

TEST_CASE("LT1049 several servers with unknown load balancing", "[validate]") {
  Topology t = ValidBase();
  Director(t).load_balancing = LoadBalancing::kUnknown;
  Edge(t).load_balancing = LoadBalancing::kUnknown;
  std::vector<std::string> all = Validate(t);
  CHECK(all ==
        std::vector<std::string>{
            "warning: director pool 'dirpool.contoso.local' has 2 servers and its load balancing "
            "is unknown (Lync files do not record it): planned as Lync's default, DNS load "
            "balancing with one A record per server for the pool FQDN, and its web services, "
            "which need a hardware load balancer VIP, get no address record; set the pool's "
            "`load_balancing` (and `vip`, `internal_web_vip`, `external_web_vip` for hardware) "
            "in an overlay [LT1049]",
            "warning: edge pool 'edgepool.contoso.local' has 2 servers and its load balancing is "
            "unknown (Lync files do not record it): planned as Lync's default, DNS load "
            "balancing with one A record per server for the pool FQDN; set the pool's "
            "`load_balancing` (and `vip`, `internal_web_vip`, `external_web_vip` for hardware) "
            "in an overlay [LT1049]"});
  // A single machine needs no load balancer, and unknown is no rule breach there.
  StandardEdition(t).load_balancing = LoadBalancing::kUnknown;
  CHECK(Validate(t).size() == 2);
}

TEST_CASE("LT1047 hardware load balancing without a VIP", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).vip.clear();
  CHECK(Only(t) ==
        "error: front-end pool 'pool01.contoso.local' uses hardware load balancing but has no "
        "vip [LT1047]");
}
