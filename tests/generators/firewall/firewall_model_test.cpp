// The firewall matrix against Microsoft's port tables, one row per documented flow of the
// enterprise example (Edge pool under DNS load balancing behind NAT, two Front End pools and a
// Director under hardware load balancing, two reverse proxies, Office Web Apps).

#include <filesystem>
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

std::unique_ptr<Example> LoadExample(const std::string& name) {
  auto example = std::make_unique<Example>();
  Diagnostics diagnostics;
  auto path = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (name + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  example->topology = std::move(*topology);
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

// Edge: "Port summary - Single consolidated edge with public IP addresses" (external and
// internal interface); reverse proxy: "Port summary - Reverse proxy"; pools: "Ports and
// protocols for internal servers".
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
    {"internal", "pool holding the Central Management store", "edgepool.contoso.local", "4443",
     "tcp", "outbound", "internal"},
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
    // Stand-alone Mediation Server (ports and protocols for internal servers): SIP/MTLS 5070
    // from the Front End pools, SIP/TLS from the trunk's gateway, media 49152-57500.
    {"internal", "", "med01.contoso.local", "5070", "tcp", "internal", "none"},
    {"internal", "", "med01.contoso.local", "5067", "tcp", "internal", "none"},
    {"internal", "any internal client or server", "med01.contoso.local", "49152-57500", "tcp",
     "internal", "none"},
    {"internal", "any internal client or server", "med01.contoso.local", "49152-57500", "udp",
     "internal", "none"},
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
  nlohmann::json json = FirewallPlanToJson(BuildFirewallPlan(example->plan, diagnostics));
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
