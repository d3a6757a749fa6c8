#include <catch2/catch.hpp>

#include "model/plan/derive.hpp"
#include "tests/model/plan/builder.hpp"

using namespace plan_test;

namespace {

Pool FrontEnd(std::string fqdn, std::string vip, std::string web_vip, std::string external) {
  Pool pool = MakePool(PoolKind::kFrontEnd, fqdn, LoadBalancing::kHardware,
                       {MakeServer("fe01." + fqdn.substr(fqdn.find('.') + 1), {"10.0.0.21"})});
  pool.vip = std::move(vip);
  pool.internal_web_vip = std::move(web_vip);
  pool.external_web_fqdn = std::move(external);
  return pool;
}

Pool Director() {
  Pool pool = MakePool(PoolKind::kDirector, "dirpool01.contoso.net", LoadBalancing::kHardware,
                       {MakeServer("dir01.contoso.net", {"10.0.1.21"}),
                        MakeServer("dir02.contoso.net", {"10.0.1.22"})});
  pool.vip = "10.0.1.10";
  pool.external_web_fqdn = "webdirext.contoso.com";
  return pool;
}

}  // namespace

TEST_CASE("Plan: a Director serves sign-in, autodiscover and simple URLs", "[plan][targets]") {
  Topology topology = MakeTopology(
      {"contoso.com"},
      {MakeSite("Redmond",
                {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com"),
                 Director()},
                {MakeProxy("rp1", {"131.107.155.40"})})});
  topology.designated_pool = "pool01.contoso.net";  // a Director wins over the designated pool
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());

  for (const auto& [host, role] :
       {std::pair{"meet.contoso.com", NameRole::kMeet},
        std::pair{"dialin.contoso.com", NameRole::kDialin},
        std::pair{"admin.contoso.com", NameRole::kAdmin},
        std::pair{"lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal},
        std::pair{"sip.contoso.com", NameRole::kSipDomain}}) {
    INFO(host);
    const PlannedName* name = FindName(plan, host, role, View::kInternal);
    REQUIRE(name);
    CHECK(name->pool == "dirpool01.contoso.net");
    CHECK(name->addresses == Addresses{"10.0.1.10"});
  }
  const PlannedService* srv = FindService(plan, "_sipinternaltls._tcp", "contoso.com");
  REQUIRE(srv);
  CHECK(srv->pool == "dirpool01.contoso.net");
  CHECK(srv->target.str() == "sip.contoso.com");
  CHECK(srv->port == 5061);
  for (const PlannedSimpleUrl& url : plan.simple_urls) {
    CHECK(url.target_pool == "dirpool01.contoso.net");
  }
  // The proxy forwards simple URLs and lyncdiscover to the Director's external web site, and
  // each pool's external web FQDN to that pool.
  CHECK(FindEndpoint(plan, "meet.contoso.com", 443, View::kExternal)->backend_host ==
        "webdirext.contoso.com");
  CHECK(FindEndpoint(plan, "lyncdiscover.contoso.com", 443, View::kExternal)->backend_host ==
        "webdirext.contoso.com");
  CHECK(FindEndpoint(plan, "webext.contoso.com", 443, View::kExternal)->backend_host ==
        "webext.contoso.com");
  CHECK(FindEndpoint(plan, "webdirext.contoso.com", 443, View::kExternal)->listener ==
        "dirpool01.contoso.net");
}

TEST_CASE("Plan: without a Director the designated pool serves", "[plan][targets]") {
  Topology topology = MakeTopology(
      {"contoso.com"},
      {MakeSite("Redmond",
                {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com"),
                 FrontEnd("pool02.contoso.net", "10.0.2.10", "10.0.2.11", "webext2.contoso.com")},
                {MakeProxy("rp1", {"131.107.155.40"})})});
  SECTION("designated") {
    topology.designated_pool = "Pool02.contoso.net";
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK(FindName(plan, "meet.contoso.com", NameRole::kMeet, View::kInternal)->addresses ==
          Addresses{"10.0.2.11"});
    CHECK(FindName(plan, "sip.contoso.com", NameRole::kSipDomain, View::kInternal)->addresses ==
          Addresses{"10.0.2.10"});
    CHECK(FindService(plan, "_sipinternaltls._tcp", "contoso.com")->pool == "pool02.contoso.net");
    CHECK(FindEndpoint(plan, "dialin.contoso.com", 443, View::kExternal)->backend_host ==
          "webext2.contoso.com");
  }
  SECTION("first Front End pool when nothing is designated") {
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK(FindName(plan, "meet.contoso.com", NameRole::kMeet, View::kInternal)->pool ==
          "pool01.contoso.net");
  }
  SECTION("an unknown designated pool is ignored with a warning") {
    topology.designated_pool = "pool09.contoso.net";
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK(HasCode(diagnostics, "LT2004"));
    CHECK(FindName(plan, "meet.contoso.com", NameRole::kMeet, View::kInternal)->pool ==
          "pool01.contoso.net");
  }
}

TEST_CASE("Plan: no pool to serve sign-in is an error", "[plan][targets]") {
  Topology topology = MakeTopology(
      {"contoso.com"},
      {MakeSite("Redmond", {MakePool(PoolKind::kSql, "sql01.contoso.net", LoadBalancing::kNone,
                                     {MakeServer("sql01.contoso.net", {"10.0.0.50"})})})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK(HasCode(diagnostics, "LT2002"));
  CHECK(diagnostics.HasErrors());
  // Inventory still planned.
  CHECK(FindName(plan, "sql01.contoso.net", NameRole::kPool, View::kInternal));
  CHECK(FindName(plan, "sql01.contoso.net", NameRole::kServer, View::kInternal));
  CHECK(plan.services.empty());
}

TEST_CASE("Plan: site-scoped simple URLs go to the site's serving pool", "[plan][targets]") {
  Site redmond = MakeSite(
      "Redmond", {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com")},
      {MakeProxy("rp1", {"131.107.155.40"})});
  Site dublin = MakeSite(
      "Dublin", {FrontEnd("pool02.contoso.net", "10.0.2.10", "10.0.2.11", "webext2.contoso.com")},
      {MakeProxy("rp2", {"131.107.156.40"})});
  dublin.simple_urls = {MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://meet-eu.contoso.com"),
                        MakeUrl(SimpleUrlKind::kDialin, "*", "https://dialin-eu.contoso.com"),
                        MakeUrl(SimpleUrlKind::kAdmin, "*", "https://admin-eu.contoso.com"),
                        MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://old-meet.contoso.com",
                                /*active=*/false)};
  Topology topology = MakeTopology({"contoso.com"}, {redmond, dublin});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);

  REQUIRE(plan.simple_urls.size() == 6);  // the inactive URL is left out
  CHECK(plan.simple_urls[0].site.empty());
  CHECK(plan.simple_urls[5].site == "Dublin");
  const PlannedName* eu = FindName(plan, "meet-eu.contoso.com", NameRole::kMeet, View::kInternal);
  REQUIRE(eu);
  CHECK(eu->pool == "pool02.contoso.net");
  CHECK(eu->site == "Dublin");
  CHECK(eu->addresses == Addresses{"10.0.2.11"});
  // Published by the Dublin proxy, the global ones by Redmond's.
  const PlannedName* eu_out =
      FindName(plan, "meet-eu.contoso.com", NameRole::kMeet, View::kExternal);
  REQUIRE(eu_out);
  CHECK(eu_out->proxy == "rp2");
  CHECK(eu_out->addresses == Addresses{"131.107.156.40"});
  CHECK(FindName(plan, "meet.contoso.com", NameRole::kMeet, View::kExternal)->proxy == "rp1");
  CHECK(CountNames(plan, "old-meet.contoso.com") == 0);
  CHECK(FindEndpoint(plan, "dialin-eu.contoso.com", 443, View::kExternal)->backend_host ==
        "webext2.contoso.com");
}

TEST_CASE("Plan: two SIP domains fan out per domain", "[plan][targets]") {
  Topology topology = MakeTopology(
      {"contoso.com", "fabrikam.com"},
      {MakeSite("Redmond",
                {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com")},
                {MakeProxy("rp1", {"131.107.155.40"})})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  REQUIRE(plan.sip_domains.size() == 2);
  CHECK(plan.sip_domains[0].str() == "contoso.com");
  for (const std::string domain : {"contoso.com", "fabrikam.com"}) {
    INFO(domain);
    const PlannedName* meet = FindName(plan, "meet." + domain, NameRole::kMeet, View::kExternal);
    REQUIRE(meet);
    CHECK(meet->sip_domain == domain);
    CHECK(FindName(plan, "lyncdiscover." + domain, NameRole::kLyncDiscover, View::kExternal));
    CHECK(FindName(plan, "lyncdiscoverinternal." + domain, NameRole::kLyncDiscoverInternal,
                   View::kInternal));
    CHECK_FALSE(FindName(plan, "lyncdiscover." + domain, NameRole::kLyncDiscover, View::kInternal));
    CHECK(FindName(plan, "sip." + domain, NameRole::kSipDomain, View::kInternal));
    const PlannedService* srv = FindService(plan, "_sipinternaltls._tcp", domain);
    REQUIRE(srv);
    CHECK(srv->target.IsWithin(domain));  // call 12: target inside the SIP domain
  }
  CHECK(plan.services.size() == 2);
}

TEST_CASE("Plan: Office Web Apps is published without port bridging", "[plan][targets]") {
  Pool owa = MakePool(PoolKind::kOfficeWebApps, "owa01.contoso.net", LoadBalancing::kNone,
                      {MakeServer("owa01.contoso.net", {"10.0.0.60"})});
  owa.external_web_fqdn = "officewebapps01.contoso.com";
  Topology topology = MakeTopology(
      {"contoso.com"},
      {MakeSite(
          "Redmond",
          {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com"), owa},
          {MakeProxy("rp1", {"131.107.155.40"}, "rp1.contoso.net", {"172.25.33.40"})})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  const PlannedName* inside =
      FindName(plan, "owa01.contoso.net", NameRole::kOfficeWebApps, View::kInternal);
  REQUIRE(inside);
  CHECK(inside->addresses == Addresses{"10.0.0.60"});
  const PlannedName* outside =
      FindName(plan, "officewebapps01.contoso.com", NameRole::kOfficeWebApps, View::kExternal);
  REQUIRE(outside);
  CHECK(outside->addresses == Addresses{"131.107.155.40"});
  const PlannedEndpoint* published =
      FindEndpoint(plan, "officewebapps01.contoso.com", 443, View::kExternal);
  REQUIRE(published);
  CHECK(published->backend_host == "owa01.contoso.net");
  CHECK(published->backend_port == 443);
  CHECK(FindEndpoint(plan, "officewebapps01.contoso.com", 80, View::kExternal)->backend_port == 80);
  bool listed = false;
  for (const Fqdn& host : plan.proxies[0].public_hosts) {
    listed = listed || host.str() == "officewebapps01.contoso.com";
  }
  CHECK(listed);
  // The proxy's own name, inside.
  const PlannedName* proxy =
      FindName(plan, "rp1.contoso.net", NameRole::kReverseProxy, View::kInternal);
  REQUIRE(proxy);
  CHECK(proxy->addresses == Addresses{"172.25.33.40"});
  CHECK(proxy->proxy == "rp1");
}

TEST_CASE("Plan: lyncdiscover over HTTP changes the published endpoint", "[plan][targets]") {
  Topology topology = MakeTopology(
      {"contoso.com"},
      {MakeSite("Redmond",
                {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com")},
                {MakeProxy("rp1", {"131.107.155.40"})})});
  SECTION("443 by default") {
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    const PlannedEndpoint* https =
        FindEndpoint(plan, "lyncdiscover.contoso.com", 443, View::kExternal);
    REQUIRE(https);
    CHECK(https->backend_port == 4443);
    CHECK_FALSE(FindEndpoint(plan, "lyncdiscover.contoso.com", 80, View::kExternal));
  }
  SECTION("80 when configured") {
    topology.mobility.lyncdiscover_over_http = true;
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    const PlannedEndpoint* http =
        FindEndpoint(plan, "lyncdiscover.contoso.com", 80, View::kExternal);
    REQUIRE(http);
    CHECK(http->protocol == "http");
    CHECK(http->backend_port == 8080);
    CHECK_FALSE(FindEndpoint(plan, "lyncdiscover.contoso.com", 443, View::kExternal));
    // The name is still planned (DNS needs it); it stays a proxy public host.
    CHECK(FindName(plan, "lyncdiscover.contoso.com", NameRole::kLyncDiscover, View::kExternal));
  }
}

TEST_CASE("Plan: simple URL parsing", "[plan][targets]") {
  using lynctopo::plan_detail::SplitSimpleUrl;
  std::string host, path;
  REQUIRE(SplitSimpleUrl("https://lync.contoso.com/Meet/", &host, &path));
  CHECK(host == "lync.contoso.com");
  CHECK(path == "/Meet");
  REQUIRE(SplitSimpleUrl("HTTPS://meet.contoso.com", &host, &path));
  CHECK(host == "meet.contoso.com");
  CHECK(path.empty());
  REQUIRE(SplitSimpleUrl("https://meet.contoso.com:443/x?y", &host, &path));
  CHECK(host == "meet.contoso.com");
  CHECK(path == "/x");
  CHECK_FALSE(SplitSimpleUrl("meet.contoso.com", &host, &path));
  CHECK_FALSE(SplitSimpleUrl("https:///meet", &host, &path));
}

TEST_CASE("Plan: an edge_pool that is not an Edge pool warns", "[plan][targets]") {
  Pool pool = FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com");
  pool.edge_pool = "edge09.contoso.net";
  Topology topology = MakeTopology({"contoso.com"}, {MakeSite("Redmond", {pool})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK(HasCode(diagnostics, "LT2008"));
  CHECK(plan.pools[0].edge_pool == "edge09.contoso.net");
}

TEST_CASE("Plan: inventory pools without addresses stay inventory only", "[plan][targets]") {
  Pool sql = MakePool(PoolKind::kSql, "sql01.contoso.net", LoadBalancing::kNone,
                      {MakeServer("sql01.contoso.net", {})});
  Pool mediation = MakePool(
      PoolKind::kMediation, "med.contoso.net", LoadBalancing::kDns,
      {MakeServer("med01.contoso.net", {"10.0.3.1"}), MakeServer("med02.contoso.net", {})});
  Topology topology = MakeTopology(
      {"contoso.com"},
      {MakeSite("Redmond",
                {FrontEnd("pool01.contoso.net", "10.0.0.10", "10.0.0.11", "webext.contoso.com"),
                 sql, mediation},
                {MakeProxy("rp1", {"131.107.155.40"})})});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK(HasCode(diagnostics, "LT2009"));
  CHECK_FALSE(HasCode(diagnostics, "LT2005"));
  CHECK(CountNames(plan, "sql01.contoso.net") == 0);
  CHECK(CountNames(plan, "med02.contoso.net") == 0);
  CHECK(FindName(plan, "med.contoso.net", NameRole::kPool, View::kInternal)->addresses ==
        Addresses{"10.0.3.1"});
  CHECK(FindName(plan, "med01.contoso.net", NameRole::kServer, View::kInternal));
  REQUIRE(plan.FindPool("sql01.contoso.net"));
  CHECK(plan.FindPool("sql01.contoso.net")->servers.size() == 1);
  for (const PlannedName& name : plan.names) CHECK_FALSE(name.addresses.empty());
}
