#include <catch2/catch.hpp>

#include "tests/model/plan/builder.hpp"

using namespace plan_test;

namespace {

Pool FrontEnd() {
  Pool pool = MakePool(PoolKind::kFrontEnd, "pool01.contoso.net", LoadBalancing::kHardware,
                       {MakeServer("fe01.contoso.net", {"192.168.10.1"})});
  pool.vip = "192.168.10.90";
  pool.external_web_fqdn = "webext.contoso.com";
  return pool;
}

// D15: scaled consolidated Edge, DNS load balancing, private addresses behind NAT.
Pool DnsNatEdge() {
  return EdgePool("lsedge.contoso.net", LoadBalancing::kDns,
                  {EdgeServer("edge01.contoso.net", "172.25.33.10",
                              {"10.45.16.10", "10.45.16.20", "10.45.16.30"},
                              {"131.107.155.10", "131.107.155.20", "131.107.155.30"}),
                   EdgeServer("edge02.contoso.net", "172.25.33.11",
                              {"10.45.16.11", "10.45.16.21", "10.45.16.31"},
                              {"131.107.155.11", "131.107.155.21", "131.107.155.31"})},
                  /*nat=*/true, "pool01.contoso.net");
}

Topology WithEdge(Pool edge, std::vector<std::string> domains = {"contoso.com", "fabrikam.com"}) {
  return MakeTopology(domains, {MakeSite("Redmond", {FrontEnd(), std::move(edge)},
                                         {MakeProxy("rp1", {"131.107.155.40"})})});
}

}  // namespace

TEST_CASE("Plan: DNS load-balanced NAT Edge pool matches the D15 DNS summary", "[plan][edge]") {
  Topology topology = WithEdge(DnsNatEdge());
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK_FALSE(HasCode(diagnostics, "LT2003"));

  const PlannedName* access =
      FindName(plan, "sip.contoso.com", NameRole::kAccessEdge, View::kExternal);
  REQUIRE(access);
  CHECK(access->target == TargetKind::kEdgePublic);
  CHECK(access->addresses == Addresses{"131.107.155.10", "131.107.155.11"});
  CHECK(access->pool == "lsedge.contoso.net");
  CHECK(FindName(plan, "webcon.contoso.com", NameRole::kWebConferencingEdge, View::kExternal)
            ->addresses == Addresses{"131.107.155.20", "131.107.155.21"});
  CHECK(FindName(plan, "av.contoso.com", NameRole::kAudioVideoEdge, View::kExternal)->addresses ==
        Addresses{"131.107.155.30", "131.107.155.31"});
  const PlannedName* internal =
      FindName(plan, "lsedge.contoso.net", NameRole::kEdgeInternal, View::kInternal);
  REQUIRE(internal);
  CHECK(internal->target == TargetKind::kPoolMembers);
  CHECK(internal->addresses == Addresses{"172.25.33.10", "172.25.33.11"});
  CHECK(FindName(plan, "edge02.contoso.net", NameRole::kServer, View::kInternal)->addresses ==
        Addresses{"172.25.33.11"});

  // sip.<domain> outside goes to the Access Edge for every SIP domain; the Access Edge FQDN
  // sip.contoso.com therefore carries both roles.
  for (const char* domain : {"contoso.com", "fabrikam.com"}) {
    INFO(domain);
    std::string sip = std::string("sip.") + domain;
    const PlannedName* outside = FindName(plan, sip, NameRole::kSipDomain, View::kExternal);
    REQUIRE(outside);
    CHECK(outside->addresses == Addresses{"131.107.155.10", "131.107.155.11"});
    CHECK(outside->target == TargetKind::kEdgePublic);
    CHECK(outside->sip_domain == domain);
    const PlannedService* tls = FindService(plan, "_sip._tls", domain);
    REQUIRE(tls);
    CHECK(tls->view == View::kExternal);
    CHECK(tls->port == 443);
    CHECK(tls->target.str() == sip);
    const PlannedService* federation = FindService(plan, "_sipfederationtls._tcp", domain);
    REQUIRE(federation);
    CHECK(federation->port == 5061);
    CHECK(federation->target.str() == sip);
    CHECK(federation->pool == "lsedge.contoso.net");
  }

  // Edge listeners.
  const PlannedEndpoint* access443 = FindEndpoint(plan, "sip.contoso.com", 443, View::kExternal);
  REQUIRE(access443);
  CHECK(access443->protocol == "tls");
  CHECK(access443->listener == "lsedge.contoso.net");
  CHECK(FindEndpoint(plan, "sip.contoso.com", 5061, View::kExternal));
  CHECK(FindEndpoint(plan, "av.contoso.com", 3478, View::kExternal)->protocol == "udp");
  CHECK(FindEndpoint(plan, "av.contoso.com", 443, View::kExternal)->protocol == "tcp");
  CHECK(FindEndpoint(plan, "webcon.contoso.com", 443, View::kExternal));
  CHECK(FindEndpoint(plan, "lsedge.contoso.net", 5061, View::kInternal));
  CHECK(FindEndpoint(plan, "lsedge.contoso.net", 443, View::kInternal));
}

TEST_CASE("Plan: hardware load-balanced Edge pool uses its VIPs (D16)", "[plan][edge]") {
  Pool edge = EdgePool("lsedge.contoso.net", LoadBalancing::kHardware,
                       {EdgeServer("edge01.contoso.net", "172.25.33.12",
                                   {"131.107.155.12", "131.107.155.22", "131.107.155.32"}),
                        EdgeServer("edge02.contoso.net", "172.25.33.13",
                                   {"131.107.155.13", "131.107.155.23", "131.107.155.33"})},
                       /*nat=*/false, "pool01.contoso.net");
  edge.vip = "172.25.33.10";
  edge.edge.external_vips = {"131.107.155.10", "131.107.155.20", "131.107.155.30"};
  Topology topology = WithEdge(edge);
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);

  CHECK(FindName(plan, "sip.contoso.com", NameRole::kAccessEdge, View::kExternal)->addresses ==
        Addresses{"131.107.155.10"});
  CHECK(FindName(plan, "webcon.contoso.com", NameRole::kWebConferencingEdge, View::kExternal)
            ->addresses == Addresses{"131.107.155.20"});
  CHECK(FindName(plan, "av.contoso.com", NameRole::kAudioVideoEdge, View::kExternal)->addresses ==
        Addresses{"131.107.155.30"});
  const PlannedName* internal =
      FindName(plan, "lsedge.contoso.net", NameRole::kEdgeInternal, View::kInternal);
  CHECK(internal->target == TargetKind::kVip);
  CHECK(internal->addresses == Addresses{"172.25.33.10"});
  CHECK(FindName(plan, "sip.fabrikam.com", NameRole::kSipDomain, View::kExternal)->addresses ==
        Addresses{"131.107.155.10"});
}

TEST_CASE("Plan: Edge without NAT publishes the external interface addresses", "[plan][edge]") {
  Pool edge = EdgePool("lsedge.contoso.net", LoadBalancing::kNone,
                       {EdgeServer("lsedge.contoso.net", "172.25.33.10",
                                   {"131.107.155.10", "131.107.155.20", "131.107.155.30"})},
                       /*nat=*/false, "pool01.contoso.net");
  Topology topology = WithEdge(edge, {"contoso.com"});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK(FindName(plan, "sip.contoso.com", NameRole::kAccessEdge, View::kExternal)->addresses ==
        Addresses{"131.107.155.10"});
  CHECK(FindName(plan, "lsedge.contoso.net", NameRole::kEdgeInternal, View::kInternal)->target ==
        TargetKind::kServerAddress);
}

TEST_CASE("Plan: single FQDN and IP Edge shares its one public address", "[plan][edge]") {
  Pool edge = EdgePool("lsedge.contoso.net", LoadBalancing::kNone,
                       {EdgeServer("lsedge.contoso.net", "172.25.33.10", {"10.45.16.10", "", ""},
                                   {"", "", "131.107.155.30"})},
                       /*nat=*/true, "pool01.contoso.net");
  edge.edge.web_conferencing_fqdn = "sip.contoso.com";
  edge.edge.audio_video_fqdn = "sip.contoso.com";
  edge.edge.access_port = 5061;
  edge.edge.web_conferencing_port = 444;
  Topology topology = WithEdge(edge, {"contoso.com"});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  // Three roles of one FQDN, each with the one public address.
  for (NameRole role :
       {NameRole::kAccessEdge, NameRole::kWebConferencingEdge, NameRole::kAudioVideoEdge}) {
    const PlannedName* name = FindName(plan, "sip.contoso.com", role, View::kExternal);
    REQUIRE(name);
    CHECK(name->addresses == Addresses{"131.107.155.30"});
  }
  CHECK(FindService(plan, "_sip._tls", "contoso.com")->port == 5061);
  CHECK(FindEndpoint(plan, "sip.contoso.com", 444, View::kExternal)->purpose ==
        "web-conferencing-edge");
  CHECK_FALSE(HasCode(diagnostics, "LT2005"));
}

TEST_CASE("Plan: NAT Edge without a public address for a service warns", "[plan][edge]") {
  Pool edge = EdgePool(
      "lsedge.contoso.net", LoadBalancing::kNone,
      {EdgeServer("lsedge.contoso.net", "172.25.33.10",
                  {"10.45.16.10", "10.45.16.20", "10.45.16.30"}, {"", "", "131.107.155.30"})},
      /*nat=*/true, "pool01.contoso.net");
  Topology topology = WithEdge(edge, {"contoso.com"});
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK(
      FindName(plan, "sip.contoso.com", NameRole::kAccessEdge, View::kExternal)->addresses.empty());
  CHECK(HasCode(diagnostics, "LT2005"));
}

TEST_CASE("Plan: XMPP federation on and off", "[plan][edge]") {
  SECTION("off") {
    Topology topology = WithEdge(DnsNatEdge());
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK_FALSE(FindName(plan, "xmpp.contoso.com", NameRole::kXmpp, View::kExternal));
    CHECK_FALSE(FindService(plan, "_xmpp-server._tcp", "contoso.com"));
    CHECK_FALSE(FindEndpoint(plan, "sip.contoso.com", 5269, View::kExternal));
  }
  SECTION("on, every SIP domain") {
    Topology topology = WithEdge(DnsNatEdge());
    topology.federation.enabled = true;
    topology.federation.xmpp = true;
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    for (const char* domain : {"contoso.com", "fabrikam.com"}) {
      std::string xmpp = std::string("xmpp.") + domain;
      const PlannedName* name = FindName(plan, xmpp, NameRole::kXmpp, View::kExternal);
      REQUIRE(name);
      CHECK(name->addresses == Addresses{"131.107.155.10", "131.107.155.11"});
      const PlannedService* srv = FindService(plan, "_xmpp-server._tcp", domain);
      REQUIRE(srv);
      CHECK(srv->port == 5269);
      CHECK(srv->target.str() == xmpp);
    }
    CHECK(FindEndpoint(plan, "sip.contoso.com", 5269, View::kExternal));
  }
  SECTION("on, limited to the configured XMPP domains") {
    Topology topology = WithEdge(DnsNatEdge());
    topology.federation.xmpp = true;
    topology.federation.xmpp_domains = {"contoso.com"};
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK(FindName(plan, "xmpp.contoso.com", NameRole::kXmpp, View::kExternal));
    CHECK_FALSE(FindName(plan, "xmpp.fabrikam.com", NameRole::kXmpp, View::kExternal));
  }
  SECTION("on without an Edge") {
    Topology topology = MakeTopology({"contoso.com"}, {MakeSite("Redmond", {FrontEnd()})});
    topology.federation.xmpp = true;
    Diagnostics diagnostics;
    Plan plan = DerivePlan(topology, diagnostics);
    CHECK(HasCode(diagnostics, "LT2006"));
    CHECK_FALSE(FindName(plan, "xmpp.contoso.com", NameRole::kXmpp, View::kExternal));
  }
}
