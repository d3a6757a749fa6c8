// The firewall matrix against Microsoft's port tables, one row per documented flow of the
// enterprise example (Edge pool under DNS load balancing behind NAT, two Front End pools and a
// Director under hardware load balancing, two reverse proxies, Office Web Apps, a stand-alone
// Mediation pool with a TLS trunk to a PSTN gateway, Persistent Chat, a Survivable Branch
// Appliance in a branch site).

#include <algorithm>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "generators/firewall/firewall_generator.hpp"
#include "generators/firewall/firewall_model.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

struct Example {
  Topology topology;
  Plan plan;
};

// `edit` changes the topology before the plan is derived.
std::unique_ptr<Example> LoadExample(const std::string& name,
                                     const std::function<void(Topology&)>& edit = nullptr) {
  auto example = std::make_unique<Example>();
  Diagnostics diagnostics;
  auto path = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (name + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  example->topology = std::move(*topology);
  if (edit) edit(example->topology);
  ValidateTopology(example->topology, diagnostics);
  example->plan = DerivePlan(example->topology, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  return example;
}

struct Expected {
  const char* source_zone;
  const char* source;
  const char* destination;
  const char* ports;  // "5061" or "50000-59999"
  const char* protocol;
  const char* direction;
  const char* firewall;
};

constexpr const char* kCls =
    "Centralized Logging Service controller (taken to run on pool01.contoso.local, the pool "
    "holding the Central Management store)";

// Edge: "Port summary - Single consolidated edge with public IP addresses" (external and
// internal interface); reverse proxy: "Port summary - Reverse proxy"; pools, Mediation,
// Survivable Branch Appliance and Central Management store: "Ports and protocols for internal
// servers"; trunks: "Define a gateway in Topology Builder"; Centralized Logging Service:
// "Overview of the Centralized Logging Service".
const std::vector<Expected> kEnterpriseFlows = {
    // Internet -> Edge external interface, and the Edge's outbound flows.
    {"internet", "any", "sip.contoso.com", "443", "tcp", "inbound", "external"},
    {"internet", "any", "sip.contoso.com", "5061", "tcp", "inbound", "external"},
    {"perimeter", "sip.contoso.com", "any", "5061", "tcp", "outbound", "external"},
    {"perimeter", "sip.contoso.com", "any", "80", "tcp", "outbound", "external"},
    {"perimeter", "sip.contoso.com", "any", "53", "tcp", "outbound", "external"},
    {"perimeter", "sip.contoso.com", "any", "53", "udp", "outbound", "external"},
    {"perimeter", "sip.contoso.com", "any", "50000-59999", "tcp", "outbound", "external"},
    {"internet", "any", "webconf.contoso.com", "443", "tcp", "inbound", "external"},
    {"internet", "any", "av.contoso.com", "443", "tcp", "inbound", "external"},
    {"perimeter", "av.contoso.com", "any", "443", "tcp", "outbound", "external"},
    {"internet", "any", "av.contoso.com", "3478", "udp", "inbound", "external"},
    {"perimeter", "av.contoso.com", "any", "3478", "udp", "outbound", "external"},
    {"internet", "any", "av.contoso.com", "50000-59999", "tcp", "inbound", "external"},
    {"perimeter", "av.contoso.com", "any", "50000-59999", "tcp", "outbound", "external"},
    {"internet", "any", "av.contoso.com", "50000-59999", "udp", "inbound", "external"},
    {"perimeter", "av.contoso.com", "any", "50000-59999", "udp", "outbound", "external"},
    // Internal network <-> Edge internal interface.
    {"internal", "", "edgepool.contoso.local", "5061", "tcp", "outbound", "internal"},
    {"perimeter", "edgepool.contoso.local", "dirpool.contoso.local", "5061", "tcp", "inbound",
     "internal"},
    {"internal", "", "edgepool.contoso.local", "5062", "tcp", "outbound", "internal"},
    {"internal", "", "edgepool.contoso.local", "8057", "tcp", "outbound", "internal"},
    {"internal", "any internal client or server", "edgepool.contoso.local", "443", "tcp",
     "outbound", "internal"},
    {"internal", "any internal client or server", "edgepool.contoso.local", "3478", "udp",
     "outbound", "internal"},
    // Central Management store (first Front End pool) and CLS controller to each Edge server.
    {"internal", "pool01.contoso.local", "edgepool.contoso.local", "4443", "tcp", "outbound",
     "internal"},
    {"internal", kCls, "edgepool.contoso.local", "50001-50003", "tcp", "outbound", "internal"},
    // Reverse proxies: Internet -> listener, proxy -> bridged backend.
    {"internet", "any", "rp01.contoso.local", "443", "tcp", "inbound", "external"},
    {"internet", "any", "rp01.contoso.local", "80", "tcp", "inbound", "external"},
    {"internet", "any", "rp02.contoso.local", "443", "tcp", "inbound", "external"},
    {"internet", "any", "rp02.contoso.local", "80", "tcp", "inbound", "external"},
    {"perimeter", "rp01.contoso.local", "webext01.contoso.com", "4443", "tcp", "inbound",
     "internal"},
    {"perimeter", "rp01.contoso.local", "webext01.contoso.com", "8080", "tcp", "inbound",
     "internal"},
    {"perimeter", "rp01.contoso.local", "dirext.contoso.com", "4443", "tcp", "inbound", "internal"},
    {"perimeter", "rp01.contoso.local", "dirext.contoso.com", "8080", "tcp", "inbound", "internal"},
    {"perimeter", "rp01.contoso.local", "owas.contoso.local", "443", "tcp", "inbound", "internal"},
    {"perimeter", "rp01.contoso.local", "owas.contoso.local", "80", "tcp", "inbound", "internal"},
    {"perimeter", "rp02.contoso.local", "webext02.contoso.com", "4443", "tcp", "inbound",
     "internal"},
    {"perimeter", "rp02.contoso.local", "webext02.contoso.com", "8080", "tcp", "inbound",
     "internal"},
    // Clients and servers inside.
    {"internal", "any internal client or server", "pool01.contoso.local", "5061", "tcp", "internal",
     "none"},
    {"internal", "any internal client or server", "webint01.contoso.local", "443", "tcp",
     "internal", "none"},
    {"internal", "any internal client or server", "webint01.contoso.local", "80", "tcp", "internal",
     "none"},
    {"internal", "any internal client or server", "pool01.contoso.local", "8057", "tcp", "internal",
     "none"},
    {"internal", "Director pools", "pool01.contoso.local", "5061", "tcp", "internal", "none"},
    {"internal", "Director pools", "pool01.contoso.local", "444", "tcp", "internal", "none"},
    {"internal", "any internal client or server", "dirpool.contoso.local", "5061", "tcp",
     "internal", "none"},
    {"internal", "any internal client or server", "dirint.contoso.local", "443", "tcp", "internal",
     "none"},
    {"internal", "any internal client or server", "dirint.contoso.local", "80", "tcp", "internal",
     "none"},
    {"internal", "any internal client or server", "pool02.contoso.local", "5061", "tcp", "internal",
     "none"},
    {"internal", "any internal client or server", "webint02.contoso.local", "443", "tcp",
     "internal", "none"},
    {"internal", "any internal client or server", "webint02.contoso.local", "80", "tcp", "internal",
     "none"},
    {"internal", "any internal client or server", "pool02.contoso.local", "8057", "tcp", "internal",
     "none"},
    {"internal", "Director pools", "pool02.contoso.local", "5061", "tcp", "internal", "none"},
    {"internal", "Director pools", "pool02.contoso.local", "444", "tcp", "internal", "none"},
    {"internal", "Front End and Standard Edition pools", "owas.contoso.local", "443", "tcp",
     "internal", "none"},
    {"internal", "any internal client or server", "owas.contoso.local", "443", "tcp", "internal",
     "none"},
    // Stand-alone Mediation Server: the trunk to gw01 (TLS, 5067 both sides), its next hop
    // pool01 (5070 in, 5061 out), media with the gateway and with clients.
    {"internal", "gw01.contoso.local", "med01.contoso.local", "5067", "tcp", "internal", "none"},
    {"internal", "med01.contoso.local", "gw01.contoso.local", "5067", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "med01.contoso.local", "5070", "tcp", "internal", "none"},
    {"internal", "med01.contoso.local", "pool01.contoso.local", "5061", "tcp", "internal", "none"},
    {"internal", "gw01.contoso.local", "med01.contoso.local", "49152-57500", "udp", "internal",
     "none"},
    {"internal", "med01.contoso.local", "gw01.contoso.local", "1024-65535", "udp", "internal",
     "none"},
    {"internal", "any internal client or server", "med01.contoso.local", "49152-57500", "tcp",
     "internal", "none"},
    {"internal", "any internal client or server", "med01.contoso.local", "49152-57500", "udp",
     "internal", "none"},
    {"internal", "med01.contoso.local", "any internal client or server", "1024-65535", "tcp",
     "internal", "none"},
    {"internal", "med01.contoso.local", "any internal client or server", "1024-65535", "udp",
     "internal", "none"},
    // Survivable Branch Appliance and its backup Registrar pool01.
    {"internal", "any internal client of branch site Seattle", "sba01.contoso.local", "5061", "tcp",
     "internal", "none"},
    {"internal", "sba01.contoso.local", "pool01.contoso.local", "5061", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "sba01.contoso.local", "5061", "tcp", "internal", "none"},
    {"internal", "sba01.contoso.local", "pool01.contoso.local", "444", "tcp", "internal", "none"},
    // Central Management store replication (SMB) from pool01 to every internal replica, pool01's
    // other members included.
    {"internal", "pool01.contoso.local", "pool01.contoso.local", "445", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "dirpool.contoso.local", "445", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "med01.contoso.local", "445", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "pchat.contoso.local", "445", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "pool02.contoso.local", "445", "tcp", "internal", "none"},
    {"internal", "pool01.contoso.local", "sba01.contoso.local", "445", "tcp", "internal", "none"},
    // CLS agent on every internal Lync server (the Edge's is above).
    {"internal", kCls, "pool01.contoso.local", "50001-50003", "tcp", "internal", "none"},
    {"internal", kCls, "dirpool.contoso.local", "50001-50003", "tcp", "internal", "none"},
    {"internal", kCls, "med01.contoso.local", "50001-50003", "tcp", "internal", "none"},
    {"internal", kCls, "pchat.contoso.local", "50001-50003", "tcp", "internal", "none"},
    {"internal", kCls, "pool02.contoso.local", "50001-50003", "tcp", "internal", "none"},
    {"internal", kCls, "sba01.contoso.local", "50001-50003", "tcp", "internal", "none"},
};

bool Matches(const FirewallFlow& flow, const Expected& e) {
  // An empty expected source: a flow from a list of pools (checked separately).
  bool source = *e.source == '\0' ? !flow.source_hosts.empty() : flow.source == e.source;
  return ToString(flow.source_zone) == std::string(e.source_zone) && source &&
         flow.destination == e.destination && PortText(flow.port, flow.port_end) == e.ports &&
         flow.protocol == e.protocol && ToString(flow.direction) == std::string(e.direction) &&
         flow.Firewall() == e.firewall;
}

}  // namespace

TEST_CASE("firewall matrix: one flow per documented flow of the enterprise example", "[firewall]") {
  auto example = LoadExample("enterprise");
  Diagnostics diagnostics;
  FirewallPlan firewall = BuildFirewallPlan(example->plan, diagnostics);
  for (const Expected& e : kEnterpriseFlows) {
    size_t found = 0;
    for (const FirewallFlow& flow : firewall.flows) found += Matches(flow, e) ? 1 : 0;
    INFO(e.source_zone << " " << e.source << " -> " << e.destination << " " << e.ports << "/"
                       << e.protocol);
    CHECK(found == 1);
  }
  // Nothing beyond the documented flows, and no flow twice.
  CHECK(firewall.flows.size() == kEnterpriseFlows.size());
}

TEST_CASE("firewall matrix: sources, addresses and references come from the plan", "[firewall]") {
  auto example = LoadExample("enterprise");
  Diagnostics diagnostics;
  FirewallPlan firewall = BuildFirewallPlan(example->plan, diagnostics);
  auto find = [&](const std::string& destination, int port, const std::string& protocol,
                  const std::string& source_zone) -> const FirewallFlow* {
    for (const FirewallFlow& f : firewall.flows) {
      if (f.destination == destination && f.port == port && f.protocol == protocol &&
          ToString(f.source_zone) == source_zone) {
        return &f;
      }
    }
    return nullptr;
  };
  // The Edge's internal SIP: from its next hop (Director) and the pools using it for A/V.
  const FirewallFlow* sip = find("edgepool.contoso.local", 5061, "tcp", "internal");
  REQUIRE(sip);
  CHECK(sip->source_hosts == std::vector<std::string>{"dirpool.contoso.local",
                                                      "pool01.contoso.local",
                                                      "pool02.contoso.local"});
  // DNS load balancing: every Edge member's internal address.
  CHECK(sip->destination_addresses == std::vector<std::string>{"172.25.33.10", "172.25.33.11"});
  // A/V authentication: only Front End pools (the Director does not authenticate A/V users).
  const FirewallFlow* av_auth = find("edgepool.contoso.local", 5062, "tcp", "internal");
  REQUIRE(av_auth);
  CHECK(av_auth->source_hosts ==
        std::vector<std::string>{"pool01.contoso.local", "pool02.contoso.local"});
  // Behind NAT the Internet reaches the public address.
  const FirewallFlow* access = find("sip.contoso.com", 443, "tcp", "internet");
  REQUIRE(access);
  CHECK(access->destination_addresses ==
        std::vector<std::string>{"131.107.155.10", "131.107.155.11"});
  CHECK(access->references == std::vector<std::string>{kEdgePortsPage});
  // The reverse proxy reaches the pool through its external web VIP.
  const FirewallFlow* bridged = find("webext01.contoso.com", 4443, "tcp", "perimeter");
  REQUIRE(bridged);
  CHECK(bridged->source_hosts == std::vector<std::string>{"172.25.33.40"});
  CHECK(bridged->destination_addresses == std::vector<std::string>{"10.0.0.12"});
  CHECK(bridged->references == std::vector<std::string>{kHlbRequirementsPage});
  CHECK(bridged->pools == std::vector<std::string>{"pool01.contoso.local"});
  // Meet, Dialin, lyncdiscover and the Director's own external web all go to one backend:
  // merged into one flow, several purposes kept.
  const FirewallFlow* director = find("dirext.contoso.com", 4443, "tcp", "perimeter");
  REQUIRE(director);
  CHECK(director->pools == std::vector<std::string>{"dirpool.contoso.local"});
}

TEST_CASE("firewall matrix: identical flows are merged, their purposes joined", "[firewall]") {
  auto example = LoadExample("enterprise");
  Plan& plan = example->plan;
  // A second Edge listener on the Access Edge name and port (as with a single external FQDN
  // for every Edge service) must not add a flow.
  PlannedEndpoint copy;
  for (const PlannedEndpoint& e : plan.endpoints) {
    if (e.purpose == "access-edge") copy = e;
  }
  REQUIRE(copy.port == 443);
  copy.purpose = "web-conferencing-edge";
  plan.endpoints.push_back(copy);
  Diagnostics diagnostics;
  FirewallPlan firewall = BuildFirewallPlan(plan, diagnostics);
  size_t count = 0;
  for (const FirewallFlow& f : firewall.flows) {
    if (f.destination == "sip.contoso.com" && f.port == 443 && f.protocol == "tcp" &&
        f.source_zone == FirewallZone::kInternet) {
      ++count;
      CHECK(f.application == "PSOM/TLS; SIP/TLS");
      CHECK(f.purpose.find("client-to-server SIP") != std::string::npos);
      CHECK(f.purpose.find("web conferencing") != std::string::npos);
    }
  }
  CHECK(count == 1);
}

TEST_CASE("firewall rules.json carries the documented fields", "[firewall]") {
  auto example = LoadExample("small-business");
  Diagnostics diagnostics;
  nlohmann::json json =
      nlohmann::json::parse(FirewallPlanJsonText(BuildFirewallPlan(example->plan, diagnostics)));
  CHECK(json["format_version"] == 1);
  REQUIRE_FALSE(json["flows"].empty());
  for (const char* field :
       {"firewall", "direction", "source_zone", "source", "source_hosts", "destination_zone",
        "destination", "destination_addresses", "port", "port_end", "protocol", "application",
        "purpose", "pools", "site", "references"}) {
    CHECK(json["flows"][0].contains(field));
  }
}

}  // namespace lynctopo

namespace lynctopo {
namespace {

const FirewallFlow* FindFlow(const FirewallPlan& firewall, const std::string& source,
                             const std::string& destination, int port,
                             const std::string& protocol) {
  for (const FirewallFlow& f : firewall.flows) {
    if (f.source == source && f.destination == destination && f.port == port &&
        f.protocol == protocol) {
      return &f;
    }
  }
  return nullptr;
}

bool Involves(const FirewallFlow& flow, const std::string& name) {
  return flow.source == name || flow.destination == name;
}

Pool& PoolNamed(Topology& topology, const std::string& fqdn) {
  for (Site& site : topology.sites) {
    for (Pool& pool : site.pools) {
      if (pool.fqdn == fqdn) return pool;
    }
  }
  FAIL("no pool " << fqdn);
  throw std::logic_error("unreachable");
}

const std::vector<std::string> kPool01Servers = {"10.0.0.21", "10.0.0.22", "10.0.0.23"};

}  // namespace

TEST_CASE("firewall matrix: Mediation flows follow the trunks and the next hop", "[firewall]") {
  auto example = LoadExample("enterprise");
  Diagnostics diagnostics;
  FirewallPlan firewall = BuildFirewallPlan(example->plan, diagnostics);
  // The gateway by the address the plan gives it, never by its FQDN.
  const FirewallFlow* in =
      FindFlow(firewall, "gw01.contoso.local", "med01.contoso.local", 5067, "tcp");
  REQUIRE(in);
  CHECK(in->source_hosts == std::vector<std::string>{"10.0.0.60"});
  CHECK(in->destination_addresses == std::vector<std::string>{"10.0.0.50"});
  CHECK(in->application == "SIP/TLS");
  CHECK(in->references == std::vector<std::string>{kGatewayPage});
  const FirewallFlow* out =
      FindFlow(firewall, "med01.contoso.local", "gw01.contoso.local", 5067, "tcp");
  REQUIRE(out);
  CHECK(out->source_hosts == std::vector<std::string>{"10.0.0.50"});
  CHECK(out->destination_addresses == std::vector<std::string>{"10.0.0.60"});
  // The next hop's servers send to 5070; the Mediation Server reaches the pool's VIP on 5061.
  const FirewallFlow* hop_in =
      FindFlow(firewall, "pool01.contoso.local", "med01.contoso.local", 5070, "tcp");
  REQUIRE(hop_in);
  CHECK(hop_in->source_hosts == kPool01Servers);
  CHECK(hop_in->application == "SIP/MTLS");
  const FirewallFlow* hop_out =
      FindFlow(firewall, "med01.contoso.local", "pool01.contoso.local", 5061, "tcp");
  REQUIRE(hop_out);
  CHECK(hop_out->destination_addresses == std::vector<std::string>{"10.0.0.10"});
  // The gateway's own media range is not Microsoft's to give: the flow says so.
  const FirewallFlow* media =
      FindFlow(firewall, "med01.contoso.local", "gw01.contoso.local", 1024, "udp");
  REQUIRE(media);
  CHECK(media->purpose.find("device specific") != std::string::npos);
  // Voice, branch and management flows address hosts, never names the plan resolves.
  for (const FirewallFlow& f : firewall.flows) {
    if (!Involves(f, "med01.contoso.local") && !Involves(f, "sba01.contoso.local")) continue;
    for (const auto* hosts : {&f.source_hosts, &f.destination_addresses}) {
      for (const std::string& host : *hosts) {
        INFO(f.source << " -> " << f.destination << " " << f.port);
        CHECK(host.find(".contoso.") == std::string::npos);
      }
    }
  }
}

TEST_CASE("firewall matrix: a TCP trunk on its own ports; no trunk, no gateway flows",
          "[firewall]") {
  SECTION("TCP trunk") {
    auto example = LoadExample("enterprise", [](Topology& topology) {
      Trunk& trunk = PoolNamed(topology, "med01.contoso.local").mediation.trunks.at(0);
      trunk.transport = TrunkTransport::kTcp;
      trunk.gateway_port = 5066;
      trunk.mediation_port = 5068;
    });
    Diagnostics diagnostics;
    FirewallPlan firewall = BuildFirewallPlan(example->plan, diagnostics);
    const FirewallFlow* in =
        FindFlow(firewall, "gw01.contoso.local", "med01.contoso.local", 5068, "tcp");
    REQUIRE(in);
    CHECK(in->application == "SIP/TCP");
    const FirewallFlow* out =
        FindFlow(firewall, "med01.contoso.local", "gw01.contoso.local", 5066, "tcp");
    REQUIRE(out);
    CHECK(out->application == "SIP/TCP");
    CHECK_FALSE(FindFlow(firewall, "gw01.contoso.local", "med01.contoso.local", 5067, "tcp"));
    CHECK_FALSE(FindFlow(firewall, "med01.contoso.local", "gw01.contoso.local", 5067, "tcp"));
  }
  SECTION("no trunk: the gateway of the same site gets no flow") {
    auto example = LoadExample("enterprise", [](Topology& topology) {
      PoolNamed(topology, "med01.contoso.local").mediation.trunks.clear();
    });
    Diagnostics diagnostics;
    FirewallPlan firewall = BuildFirewallPlan(example->plan, diagnostics);
    for (const FirewallFlow& f : firewall.flows) {
      INFO(f.source << " -> " << f.destination << " " << f.port);
      CHECK_FALSE(Involves(f, "gw01.contoso.local"));
    }
    CHECK(FindFlow(firewall, "pool01.contoso.local", "med01.contoso.local", 5070, "tcp"));
  }
}

TEST_CASE("firewall matrix: Central Management store and Centralized Logging Service",
          "[firewall]") {
  auto example = LoadExample("enterprise");
  Diagnostics diagnostics;
  FirewallPlan firewall = BuildFirewallPlan(example->plan, diagnostics);
  // The store is taken to be on the first Front End pool; the flow says it is an assumption.
  const FirewallFlow* edge =
      FindFlow(firewall, "pool01.contoso.local", "edgepool.contoso.local", 4443, "tcp");
  REQUIRE(edge);
  CHECK(edge->source_hosts == kPool01Servers);
  CHECK(edge->destination_addresses == std::vector<std::string>{"172.25.33.10", "172.25.33.11"});
  CHECK(edge->purpose.find("first Front End / Standard Edition pool") != std::string::npos);
  const FirewallFlow* smb =
      FindFlow(firewall, "pool01.contoso.local", "sba01.contoso.local", 445, "tcp");
  REQUIRE(smb);
  CHECK(smb->references == std::vector<std::string>{kInternalPortsPage});
  // The controller is taken to run on the Central Management store's pool: a source of
  // constant size per agent, so the matrix grows with servers + pools, never their product.
  const FirewallFlow* cls = FindFlow(firewall, kCls, "pool01.contoso.local", 50001, "tcp");
  REQUIRE(cls);
  CHECK(cls->port_end == 50003);
  CHECK(cls->destination_addresses == kPool01Servers);
  CHECK(cls->references == std::vector<std::string>{kClsPage});
  CHECK(cls->source_hosts == kPool01Servers);
  const FirewallFlow* cls_mediation = FindFlow(firewall, kCls, "med01.contoso.local", 50001, "tcp");
  REQUIRE(cls_mediation);
  CHECK(cls_mediation->source_hosts == kPool01Servers);
  const FirewallFlow* cls_edge = FindFlow(firewall, kCls, "edgepool.contoso.local", 50001, "tcp");
  REQUIRE(cls_edge);
  CHECK(cls_edge->destination_addresses ==
        std::vector<std::string>{"172.25.33.10", "172.25.33.11"});
  CHECK(cls_edge->references == std::vector<std::string>{kEdgePortsPage});

  SECTION("the store follows plan order") {
    auto dublin_first = LoadExample("enterprise", [](Topology& topology) {
      std::swap(topology.sites.at(0), topology.sites.at(1));
    });
    FirewallPlan swapped = BuildFirewallPlan(dublin_first->plan, diagnostics);
    CHECK(FindFlow(swapped, "pool02.contoso.local", "edgepool.contoso.local", 4443, "tcp"));
    CHECK_FALSE(FindFlow(swapped, "pool01.contoso.local", "edgepool.contoso.local", 4443, "tcp"));
  }
  SECTION("a single server never gets a rule to itself") {
    auto small = LoadExample("small-business");
    FirewallPlan se = BuildFirewallPlan(small->plan, diagnostics);
    CHECK_FALSE(FindFlow(se, "se01.fabrikam.local", "se01.fabrikam.local", 445, "tcp"));
    CHECK_FALSE(FindFlow(se, kCls, "se01.fabrikam.local", 50001, "tcp"));
    CHECK(FindFlow(se, "se01.fabrikam.local", "edge01.fabrikam.local", 4443, "tcp"));
  }
}

}  // namespace lynctopo
