// The load-balancer plan against Microsoft's hardware load balancer requirements and port
// tables, on the enterprise example (Front End and Director pools under hardware load
// balancing) and on its Edge pool switched to hardware load balancing.

#include <filesystem>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "generators/loadbalancer/loadbalancer_generator.hpp"
#include "generators/loadbalancer/loadbalancer_model.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

Topology LoadEnterprise() {
  Diagnostics diagnostics;
  auto path = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / "enterprise.json";
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  ValidateTopology(*topology, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  return std::move(*topology);
}

std::set<int> PortsOf(const LoadBalancerPlan& lb, const std::string& pool,
                      const std::string& service, const std::string& protocol = "tcp") {
  std::set<int> ports;
  for (const LbVirtualServer& vs : lb.virtual_servers) {
    if (vs.pool == pool && vs.service == service && vs.protocol == protocol) ports.insert(vs.port);
  }
  return ports;
}

const LbVirtualServer* Find(const LoadBalancerPlan& lb, const std::string& pool,
                            const std::string& service, int port) {
  for (const LbVirtualServer& vs : lb.virtual_servers) {
    if (vs.pool == pool && vs.service == service && vs.port == port) return &vs;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("load balancer: Front End and Director virtual servers as documented", "[loadbalancer]") {
  Topology topology = LoadEnterprise();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  LoadBalancerPlan lb = BuildLoadBalancerPlan(plan, {}, diagnostics);
  CHECK(diagnostics.warning_count() == 0);

  // "Hardware Load Balancer Ports if Using Only Hardware Load Balancing".
  CHECK(PortsOf(lb, "pool01.contoso.local", "sip") ==
        std::set<int>{135, 444, 448, 5061, 5071, 5072, 5073, 5075, 5076, 5080});
  CHECK(PortsOf(lb, "dirpool.contoso.local", "sip") == std::set<int>{444, 5061});
  CHECK(PortsOf(lb, "pool01.contoso.local", "web-internal") == std::set<int>{80, 443, 8080});
  CHECK(PortsOf(lb, "pool01.contoso.local", "web-external") == std::set<int>{4443, 8080});
  CHECK(PortsOf(lb, "dirpool.contoso.local", "web-internal") == std::set<int>{80, 443});
  CHECK(PortsOf(lb, "dirpool.contoso.local", "web-external") == std::set<int>{4443, 8080});
  // Edge under DNS load balancing, Office Web Apps and the branch: no virtual server.
  for (const LbVirtualServer& vs : lb.virtual_servers) {
    CHECK((vs.pool_kind == PoolKind::kFrontEnd || vs.pool_kind == PoolKind::kDirector));
    CHECK(vs.idle_timeout_seconds == 1800);
    CHECK(vs.monitor_port == 5061);
  }

  const LbVirtualServer* internal = Find(lb, "pool01.contoso.local", "web-internal", 443);
  REQUIRE(internal);
  CHECK(internal->vip == "10.0.0.11");
  CHECK(internal->fqdn == "webint01.contoso.local");
  CHECK(internal->persistence == "source-address");
  REQUIRE(internal->members.size() == 3);
  CHECK(internal->members[0].server == "fe01.contoso.local");
  CHECK(internal->members[0].address == "10.0.0.21");
  CHECK(internal->members[0].port == 443);

  const LbVirtualServer* external = Find(lb, "pool01.contoso.local", "web-external", 4443);
  REQUIRE(external);
  CHECK(external->vip == "10.0.0.12");
  CHECK(external->fqdn == "webext01.contoso.com");
  CHECK(external->persistence == "none");
  CHECK(external->cookie.empty());
  CHECK(external->node_port == 4443);

  const LbVirtualServer* sip = Find(lb, "pool01.contoso.local", "sip", 5061);
  REQUIRE(sip);
  CHECK(sip->vip == "10.0.0.10");
  CHECK(sip->persistence == "source-address");
}

TEST_CASE("load balancer: cookie affinity on the web VIPs when asked", "[loadbalancer]") {
  Topology topology = LoadEnterprise();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  GeneratorOptions options;
  options.values["cookie_persistence"] = "true";
  LoadBalancerPlan lb =
      BuildLoadBalancerPlan(plan, ParseLoadBalancerOptions(options, diagnostics), diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  const LbVirtualServer* external = Find(lb, "pool01.contoso.local", "web-external", 4443);
  REQUIRE(external);
  CHECK(external->persistence == "cookie");
  CHECK(external->cookie == "MS-WSMAN");
  const LbVirtualServer* sip = Find(lb, "pool01.contoso.local", "sip", 5061);
  REQUIRE(sip);
  CHECK(sip->persistence == "source-address");

  options.values["cookie_persistence"] = "maybe";
  Diagnostics bad;
  ParseLoadBalancerOptions(options, bad);
  CHECK(bad.HasErrors());
}

TEST_CASE("load balancer: a hardware-load-balanced Edge pool", "[loadbalancer]") {
  Topology topology = LoadEnterprise();
  for (Site& site : topology.sites) {
    for (Pool& pool : site.pools) {
      if (pool.kind != PoolKind::kEdge) continue;
      pool.load_balancing = LoadBalancing::kHardware;
      pool.vip = "172.25.33.5";
      pool.edge.nat = false;
      pool.edge.external_vips = {"131.107.155.5", "131.107.155.6", "131.107.155.7"};
    }
  }
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  LoadBalancerPlan lb = BuildLoadBalancerPlan(plan, {}, diagnostics);
  const std::string edge = "edgepool.contoso.local";
  // Internal VIP: Access and A/V only; never web conferencing (8057), replication or XMPP.
  CHECK(PortsOf(lb, edge, "edge-internal") == std::set<int>{443, 5061, 5062});
  CHECK(PortsOf(lb, edge, "edge-internal", "udp") == std::set<int>{3478});
  CHECK(PortsOf(lb, edge, "edge-access") == std::set<int>{443, 5061});
  CHECK(PortsOf(lb, edge, "edge-web-conferencing") == std::set<int>{443});
  CHECK(PortsOf(lb, edge, "edge-audio-video") == std::set<int>{443});
  CHECK(PortsOf(lb, edge, "edge-audio-video", "udp") == std::set<int>{3478});
  const LbVirtualServer* av = Find(lb, edge, "edge-audio-video", 443);
  REQUIRE(av);
  CHECK_FALSE(av->source_nat_allowed);
  CHECK(av->vip == "131.107.155.7");
  REQUIRE(av->members.size() == 2);
  CHECK(av->members[0].address == "10.45.16.30");
  const LbVirtualServer* access = Find(lb, edge, "edge-access", 443);
  REQUIRE(access);
  CHECK(access->source_nat_allowed);
  CHECK(access->members[1].address == "10.45.16.11");
}

TEST_CASE("load balancer: a missing VIP is a warning, not a guess", "[loadbalancer]") {
  Topology topology = LoadEnterprise();
  for (Site& site : topology.sites) {
    for (Pool& pool : site.pools) {
      if (pool.fqdn == "pool02.contoso.local") {
        pool.load_balancing = LoadBalancing::kDns;
        pool.vip.clear();
        pool.internal_web_vip.clear();
        pool.external_web_vip.clear();
      }
    }
  }
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  Diagnostics lb_diagnostics;
  LoadBalancerPlan lb = BuildLoadBalancerPlan(plan, {}, lb_diagnostics);
  CHECK(PortsOf(lb, "pool02.contoso.local", "web-internal").empty());
  bool warned = false;
  for (const Diagnostic& d : lb_diagnostics.Sorted()) warned |= d.code == "LT9101";
  CHECK(warned);
}

}  // namespace lynctopo
