// Internal DNS for external web FQDNs and the perimeter's own name resolution
// (docs/domain-calls.md): lync-server-2013-technical-requirements-for-mobility.md,
// lync-server-2013-dns-summary-single-director.md and
// lync-server-2013-configure-web-publishing-rules-for-a-single-internal-pool.md. Addresses are
// the D15 Edge example of the Edge DNS summary and its Front End pool.

#include <catch2/catch.hpp>

#include "generators/artifact_set.hpp"
#include "generators/dns/perimeter_hosts.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "tests/model/plan/builder.hpp"

using namespace plan_test;

namespace {

using V = std::vector<std::string>;

Topology Contoso() {
  Pool fe = MakePool(PoolKind::kFrontEnd, "pool01.contoso.net", LoadBalancing::kHardware,
                     {MakeServer("fe01.contoso.net", {"192.168.10.1"})});
  fe.vip = "192.168.10.90";
  fe.external_web_vip = "192.168.10.91";
  fe.external_web_fqdn = "webext.contoso.com";
  Pool director = MakePool(PoolKind::kDirector, "dir01.contoso.net", LoadBalancing::kNone,
                           {MakeServer("dir01.contoso.net", {"192.168.10.5"})});
  director.external_web_fqdn = "webdirexternal.contoso.com";
  Pool edge = EdgePool("lsedge.contoso.net", LoadBalancing::kDns,
                       {EdgeServer("edge01.contoso.net", "172.25.33.10",
                                   {"10.45.16.10", "10.45.16.20", "10.45.16.30"},
                                   {"131.107.155.10", "131.107.155.20", "131.107.155.30"}),
                        EdgeServer("edge02.contoso.net", "172.25.33.11",
                                   {"10.45.16.11", "10.45.16.21", "10.45.16.31"},
                                   {"131.107.155.11", "131.107.155.21", "131.107.155.31"})},
                       /*nat=*/true, "pool01.contoso.net");
  return MakeTopology({"contoso.com"}, {MakeSite("Redmond", {fe, director, edge},
                                                 {MakeProxy("RP (DMZ)", {"131.107.155.40"})})});
}

const PerimeterHost* HostOf(const std::vector<PerimeterHost>& hosts, const std::string& host) {
  for (const PerimeterHost& h : hosts) {
    if (h.host == host) return &h;
  }
  return nullptr;
}

V Entries(const PerimeterHost& host) {
  V out;
  for (const PerimeterEntry& e : host.entries) {
    for (const std::string& a : e.addresses) out.push_back(a + " " + e.name + " " + e.purpose);
  }
  return out;
}

size_t Count(const Diagnostics& d, const std::string& code) {
  size_t n = 0;
  for (const Diagnostic& item : d.items()) n += item.code == code;
  return n;
}

}  // namespace

TEST_CASE("A Front End pool's external web FQDN has no internal record; a Director's has",
          "[plan][dns][perimeter]") {
  Topology topology = Contoso();
  Diagnostics d;
  Plan plan = DerivePlan(topology, d);
  // Mobility: the external web FQDN resolves only on the Internet.
  CHECK(FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kInternal) == nullptr);
  CHECK(FindName(plan, "webext.contoso.com", NameRole::kExternalWeb, View::kExternal));
  // Single-Director DNS summary: webdirexternal.<domain> internal A record -> Director.
  const PlannedName* director =
      FindName(plan, "webdirexternal.contoso.com", NameRole::kExternalWeb, View::kInternal);
  REQUIRE(director);
  CHECK(director->addresses == V{"192.168.10.5"});
}

TEST_CASE("Perimeter hosts files: proxy backends and Edge next hops", "[dns][perimeter]") {
  Topology topology = Contoso();
  Diagnostics d;
  Plan plan = DerivePlan(topology, d);
  std::vector<PerimeterHost> hosts = BuildPerimeterHosts(plan);

  const PerimeterHost* proxy = HostOf(hosts, "RP (DMZ)");
  REQUIRE(proxy);
  CHECK(proxy->kind == "reverse-proxy");
  CHECK(proxy->file == "dns/perimeter/proxy-rp--dmz-.hosts");
  // The Front End pool's external web FQDN at its external web VIP (the proxy targets 4443 /
  // 8080 there); the Director's at its server.
  CHECK(Entries(*proxy) == V{"192.168.10.5 webdirexternal.contoso.com backend",
                             "192.168.10.91 webext.contoso.com backend"});

  for (const char* server : {"edge01.contoso.net", "edge02.contoso.net"}) {
    INFO(server);
    const PerimeterHost* edge = HostOf(hosts, server);
    REQUIRE(edge);
    CHECK(edge->file == std::string("dns/perimeter/edge-") + server + ".hosts");
    CHECK(Entries(*edge) == V{"172.25.33.10 edge01.contoso.net edge-server",
                              "172.25.33.11 edge02.contoso.net edge-server",
                              "192.168.10.1 fe01.contoso.net next-hop-server",
                              "172.25.33.10 lsedge.contoso.net edge-pool",
                              "172.25.33.11 lsedge.contoso.net edge-pool",
                              "192.168.10.90 pool01.contoso.net next-hop"});
  }
  nlohmann::json view = PerimeterHostsView(*proxy);
  CHECK(view["host"] == "RP (DMZ)");
  CHECK(view["entries"].size() == 2);
}

TEST_CASE("LT6013: every proxy backend and Edge next hop resolves in its perimeter",
          "[dns][perimeter][check]") {
  Topology topology = Contoso();
  Diagnostics d;
  Plan plan = DerivePlan(topology, d);
  ArtifactSet artifacts = BuildArtifacts(plan, d);
  REQUIRE(artifacts.proxy);
  Diagnostics clean;
  CheckPerimeterResolution(artifacts, clean);
  CHECK(Count(clean, "LT6013") == 0);

  SECTION("a proxy rule whose backend its hosts file does not hold") {
    ProxyRuleSet rules = *artifacts.proxy;
    REQUIRE_FALSE(rules.rules.empty());
    rules.rules.front().backend_host = "fe01.contoso.net";  // known inside, not a backend
    artifacts.proxy = std::make_shared<const ProxyRuleSet>(rules);
    Diagnostics found;
    CheckPerimeterResolution(artifacts, found);
    CHECK(Count(found, "LT6013") == 1);
    CHECK(found.HasErrors());
  }
  SECTION("a backend no address is known for is a warning (real files may lack it)") {
    ProxyRuleSet rules = *artifacts.proxy;
    rules.rules.front().backend_host = "nowhere.contoso.net";
    artifacts.proxy = std::make_shared<const ProxyRuleSet>(rules);
    Diagnostics found;
    CheckPerimeterResolution(artifacts, found);
    CHECK(Count(found, "LT6013") == 1);
    CHECK_FALSE(found.HasErrors());
  }
  SECTION("an Edge next hop its hosts file does not hold") {
    topology.sites[0].pools[2].edge.next_hop_pool = "ghost.contoso.net";
    Diagnostics found;
    CheckPerimeterResolution(artifacts, found);
    CHECK(Count(found, "LT6013") == 2);  // one per Edge server
  }
}
