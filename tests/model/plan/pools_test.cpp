#include <catch2/catch.hpp>

#include "tests/model/plan/builder.hpp"

using namespace plan_test;

TEST_CASE("Plan: a lone Standard Edition server serves every name", "[plan]") {
  Topology topology = MakeTopology(
      {"contoso.com"}, {MakeSite("Redmond", {[] {
                                   Pool se = StandardEdition("SE01.contoso.com", "10.0.0.5");
                                   se.external_web_fqdn = "webext.contoso.com";
                                   return se;
                                 }()},
                                 {MakeProxy("rp1", {"131.107.155.40"})})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());

  REQUIRE(plan.pools.size() == 1);
  const PlannedPool& pool = plan.pools[0];
  CHECK(pool.fqdn.str() == "se01.contoso.com");
  CHECK(pool.internal_web_fqdn.str() == "se01.contoso.com");
  CHECK_FALSE(pool.internal_web_overridden);
  CHECK(pool.publishing_proxy == "rp1");
  CHECK(plan.FindPool("se01.contoso.com") == &pool);
  CHECK(plan.FindPool("nope.contoso.com") == nullptr);

  // Pool, server and internal web are three roles of one FQDN.
  CHECK(CountNames(plan, "se01.contoso.com") == 3);
  const PlannedName* pool_name =
      FindName(plan, "se01.contoso.com", NameRole::kPool, View::kInternal);
  REQUIRE(pool_name);
  CHECK(pool_name->target == TargetKind::kServerAddress);
  CHECK(pool_name->addresses == Addresses{"10.0.0.5"});
  CHECK(pool_name->site == "Redmond");
  const PlannedName* server =
      FindName(plan, "se01.contoso.com", NameRole::kServer, View::kInternal);
  REQUIRE(server);
  CHECK(server->server == "se01.contoso.com");

  for (const char* host : {"meet.contoso.com", "dialin.contoso.com"}) {
    INFO(host);
    NameRole role = std::string(host).rfind("meet", 0) == 0 ? NameRole::kMeet : NameRole::kDialin;
    const PlannedName* inside = FindName(plan, host, role, View::kInternal);
    REQUIRE(inside);
    CHECK(inside->addresses == Addresses{"10.0.0.5"});
    CHECK(inside->pool == "se01.contoso.com");
    const PlannedName* outside = FindName(plan, host, role, View::kExternal);
    REQUIRE(outside);
    CHECK(outside->target == TargetKind::kReverseProxy);
    CHECK(outside->addresses == Addresses{"131.107.155.40"});
    CHECK(outside->proxy == "rp1");
  }
  // Admin is internal only (call 3).
  CHECK(FindName(plan, "admin.contoso.com", NameRole::kAdmin, View::kInternal));
  CHECK_FALSE(FindName(plan, "admin.contoso.com", NameRole::kAdmin, View::kExternal));

  const PlannedName* sip = FindName(plan, "sip.contoso.com", NameRole::kSipDomain, View::kInternal);
  REQUIRE(sip);
  CHECK(sip->addresses == Addresses{"10.0.0.5"});
  CHECK(sip->sip_domain == "contoso.com");
  // The external web FQDN resolves only on the Internet
  // (lync-server-2013-technical-requirements-for-mobility.md; docs/domain-calls.md).
  CHECK_FALSE(FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kInternal));

  // No Edge: no external sip name, a note says so.
  CHECK_FALSE(FindName(plan, "sip.contoso.com", NameRole::kSipDomain, View::kExternal));
  CHECK(HasCode(diagnostics, "LT2003"));

  REQUIRE(plan.proxies.size() == 1);
  std::vector<std::string> hosts;
  for (const Fqdn& host : plan.proxies[0].public_hosts) hosts.push_back(host.str());
  CHECK(hosts == std::vector<std::string>{"dialin.contoso.com", "lyncdiscover.contoso.com",
                                          "meet.contoso.com", "webext.contoso.com"});
  REQUIRE(plan.simple_urls.size() == 3);
  CHECK(plan.simple_urls[0].kind == SimpleUrlKind::kMeet);
  CHECK(plan.simple_urls[0].target_pool == "se01.contoso.com");
}

TEST_CASE("Plan: DNS load-balanced Front End pool with an internal web override (B.5)", "[plan]") {
  Pool pool = MakePool(PoolKind::kFrontEnd, "Pool01.contoso.net", LoadBalancing::kDns,
                       {MakeServer("FE01.contoso.net", {"10.10.10.1"}),
                        MakeServer("FE02.contoso.net", {"10.10.10.2"}),
                        MakeServer("FE03.contoso.net", {"10.10.10.3"}),
                        MakeServer("FE04.contoso.net", {"10.10.10.4"})});
  pool.internal_web_fqdn = "WebInternal.contoso.net";
  pool.internal_web_vip = "192.168.10.5";
  pool.external_web_fqdn = "webext.contoso.com";
  Topology topology = MakeTopology({"contoso.com"}, {MakeSite("Redmond", {pool})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);

  const PlannedName* pool_name =
      FindName(plan, "pool01.contoso.net", NameRole::kPool, View::kInternal);
  REQUIRE(pool_name);
  CHECK(pool_name->target == TargetKind::kPoolMembers);
  CHECK(pool_name->addresses == Addresses{"10.10.10.1", "10.10.10.2", "10.10.10.3", "10.10.10.4"});
  const PlannedName* web =
      FindName(plan, "webinternal.contoso.net", NameRole::kInternalWeb, View::kInternal);
  REQUIRE(web);
  CHECK(web->target == TargetKind::kVip);
  CHECK(web->addresses == Addresses{"192.168.10.5"});
  CHECK(plan.pools[0].internal_web_overridden);
  CHECK(plan.pools[0].internal_web_fqdn.str() == "webinternal.contoso.net");
  for (int i = 1; i <= 4; ++i) {
    std::string fe = "fe0" + std::to_string(i) + ".contoso.net";
    const PlannedName* server = FindName(plan, fe, NameRole::kServer, View::kInternal);
    REQUIRE(server);
    CHECK(server->addresses == Addresses{"10.10.10." + std::to_string(i)});
    CHECK(server->pool == "pool01.contoso.net");
  }
  // Simple URLs and lyncdiscoverinternal go to the web VIP; sip. to the pool members.
  CHECK(FindName(plan, "meet.contoso.com", NameRole::kMeet, View::kInternal)->addresses ==
        Addresses{"192.168.10.5"});
  CHECK(FindName(plan, "lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal,
                 View::kInternal)
            ->addresses == Addresses{"192.168.10.5"});
  CHECK(FindName(plan, "sip.contoso.com", NameRole::kSipDomain, View::kInternal)->addresses ==
        Addresses{"10.10.10.1", "10.10.10.2", "10.10.10.3", "10.10.10.4"});
  // Inside, a Front End pool's external web name has no record (docs/domain-calls.md).
  CHECK_FALSE(FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kInternal));
  // No reverse proxy anywhere: one warning, and the unpublished external names are left out,
  // but the external web FQDN, which the pool's certificate carries: it stays, address unknown.
  CHECK(HasCode(diagnostics, "LT2001"));
  CHECK(HasCode(diagnostics, "LT2005"));
  const PlannedName* webext =
      FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kExternal);
  REQUIRE(webext);
  CHECK(webext->address_unknown);
  CHECK(webext->proxy.empty());
  CHECK_FALSE(FindName(plan, "meet.contoso.com", NameRole::kMeet, View::kExternal));
  CHECK_FALSE(FindName(plan, "lyncdiscover.contoso.com", NameRole::kLyncDiscover, View::kExternal));
  CHECK(plan.pools[0].external_web_fqdn.str() == "webext.contoso.com");
  CHECK_FALSE(FindEndpoint(plan, "webext.contoso.com", 443, View::kExternal));
  for (const PlannedName& name : plan.names) CHECK(name.addresses.empty() == (&name == webext));
}

TEST_CASE("Plan: hardware load-balanced pool resolves to its VIPs", "[plan]") {
  Pool pool = MakePool(PoolKind::kFrontEnd, "pool01.contoso.com", LoadBalancing::kHardware,
                       {MakeServer("fe01.contoso.com", {"10.0.0.21"}),
                        MakeServer("fe02.contoso.com", {"10.0.0.22"})});
  pool.vip = "10.0.0.10";
  pool.internal_web_vip = "10.0.0.11";
  pool.external_web_vip = "10.0.0.12";
  pool.external_web_fqdn = "webext.contoso.com";
  Topology topology = MakeTopology(
      {"contoso.com"}, {MakeSite("Redmond", {pool}, {MakeProxy("rp1", {"131.107.155.40"})})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);

  const PlannedName* pool_name =
      FindName(plan, "pool01.contoso.com", NameRole::kPool, View::kInternal);
  REQUIRE(pool_name);
  CHECK(pool_name->target == TargetKind::kVip);
  CHECK(pool_name->addresses == Addresses{"10.0.0.10"});
  CHECK(FindName(plan, "pool01.contoso.com", NameRole::kInternalWeb, View::kInternal)->addresses ==
        Addresses{"10.0.0.11"});
  // The external web VIP is where the proxy goes (dns/perimeter/*.hosts), not an internal name.
  CHECK_FALSE(FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kInternal));
  CHECK(FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kExternal)->addresses ==
        Addresses{"131.107.155.40"});
  CHECK(FindName(plan, "sip.contoso.com", NameRole::kSipDomain, View::kInternal)->addresses ==
        Addresses{"10.0.0.10"});

  // Pool endpoints: SIP, internal web, external web site for the proxy.
  CHECK(FindEndpoint(plan, "pool01.contoso.com", 5061, View::kInternal));
  CHECK(FindEndpoint(plan, "pool01.contoso.com", 443, View::kInternal));
  const PlannedEndpoint* site = FindEndpoint(plan, "webext.contoso.com", 4443, View::kInternal);
  REQUIRE(site);
  CHECK(site->listener == "pool01.contoso.com");
  const PlannedEndpoint* published = FindEndpoint(plan, "webext.contoso.com", 443, View::kExternal);
  REQUIRE(published);
  CHECK(published->published_by == "rp1");
  CHECK(published->backend_host == "webext.contoso.com");
  CHECK(published->backend_port == 4443);
  const PlannedEndpoint* meet80 = FindEndpoint(plan, "meet.contoso.com", 80, View::kExternal);
  REQUIRE(meet80);
  CHECK(meet80->backend_port == 8080);
  CHECK(meet80->purpose == "meet");
}
