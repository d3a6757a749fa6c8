#include "generators/loadbalancer/loadbalancer_model.hpp"

#include <set>
#include <span>
#include <tuple>
#include <unordered_map>

namespace lynctopo {

namespace {

constexpr const char* kHlbPage = "lync-server-2013-hardware-load-balancer-requirements";
constexpr const char* kInternalPortsPage =
    "lync-server-2013-ports-and-protocols-for-internal-servers";
constexpr const char* kEdgeHlbPage =
    "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers";

// Ports the Front End pool's load balancer carries when the pool uses hardware load balancing
// only ("Hardware Load Balancer Ports if Using Only Hardware Load Balancing"), besides web.
constexpr int kFrontEndSipPorts[] = {5061, 444, 135, 5072, 5073, 5075, 5076, 5071, 5080, 448};
constexpr int kDirectorSipPorts[] = {5061, 444};

enum class MemberSide { kInternal, kAccess, kWebConferencing, kAudioVideo };

std::string MemberAddress(const PlannedServer& server, MemberSide side) {
  switch (side) {
    case MemberSide::kInternal:
      return server.addresses.empty() ? std::string() : server.addresses.front();
    case MemberSide::kAccess:
      return server.edge_external.access;
    case MemberSide::kWebConferencing:
      return server.edge_external.web_conferencing;
    case MemberSide::kAudioVideo:
      return server.edge_external.audio_video;
  }
  return {};
}

class Builder {
 public:
  Builder(const Plan& plan, const LoadBalancerOptions& options, Diagnostics& diagnostics)
      : plan_(plan), options_(options), diagnostics_(diagnostics) {
    for (const PlannedEndpoint& e : plan.endpoints) by_listener_[e.listener].push_back(&e);
  }

  LoadBalancerPlan Build() {
    for (const PlannedPool& pool : plan_.pools) {
      switch (pool.kind) {
        case PoolKind::kFrontEnd:
        case PoolKind::kDirector:
          AddUserPool(pool);
          break;
        case PoolKind::kEdge:
          if (pool.load_balancing == LoadBalancing::kHardware) AddEdge(pool);
          break;
        case PoolKind::kMediation:
          if (pool.load_balancing == LoadBalancing::kHardware) {
            const std::string& vip = pool.source->vip;
            if (Vip(pool, vip, "vip", "SIP")) {
              Add(pool, "mediation", pool.fqdn.str(), vip, 5070, 5070, "tcp", "source-address",
                  5070, MemberSide::kInternal, true, kInternalPortsPage);
            }
          }
          break;
        default:
          break;
      }
    }
    return std::move(result_);
  }

 private:
  const std::vector<const PlannedEndpoint*>& EndpointsOf(const std::string& pool) const {
    static const std::vector<const PlannedEndpoint*> kNone;
    auto it = by_listener_.find(pool);
    return it == by_listener_.end() ? kNone : it->second;
  }

  bool Vip(const PlannedPool& pool, const std::string& vip, const char* field,
           const char* service) {
    if (!vip.empty()) return true;
    diagnostics_.Warning("LT9101", plan_.topology ? plan_.topology->source_file : "",
                         pool.source->origin.Field(field),
                         "pool '" + pool.fqdn.str() + "' needs a hardware load balancer for " +
                             service + " but has no VIP ('" + field +
                             "'); no virtual server is planned for it");
    return false;
  }

  void Add(const PlannedPool& pool, const char* service, const std::string& fqdn,
           const std::string& vip, int port, int node_port, const char* protocol,
           const char* persistence, int monitor_port, MemberSide side, bool snat,
           const char* reference) {
    // One VIP port carries one service: with a shared VIP the first planned service keeps it.
    if (!taken_.emplace(vip, port, protocol).second) return;
    LbVirtualServer vs;
    vs.name = pool.fqdn.str() + "-" + service + "-" + std::to_string(port) + "-" + protocol;
    vs.pool = pool.fqdn.str();
    vs.pool_kind = pool.kind;
    vs.site = pool.site;
    vs.service = service;
    vs.fqdn = fqdn;
    vs.vip = vip;
    vs.port = port;
    vs.node_port = node_port;
    vs.protocol = protocol;
    vs.persistence = persistence;
    if (vs.persistence == "cookie") vs.cookie = kLbCookieName;
    vs.monitor_port = monitor_port;
    vs.source_nat_allowed = snat;
    vs.reference = reference;
    for (const PlannedServer& server : pool.servers) {
      std::string address = MemberAddress(server, side);
      if (address.empty()) {
        if (warned_.insert(server.fqdn.str() + "/" + service).second) {
          diagnostics_.Warning("LT9102", plan_.topology ? plan_.topology->source_file : "",
                               pool.source->origin.Field("servers"),
                               "server '" + server.fqdn.str() + "' of pool '" + pool.fqdn.str() +
                                   "' has no address for the " + service +
                                   " virtual server; it is left out of the load balancer");
        }
        continue;
      }
      vs.members.push_back({server.fqdn.str(), address, node_port});
    }
    result_.virtual_servers.push_back(std::move(vs));
  }

  void AddUserPool(const PlannedPool& pool) {
    const Pool& model = *pool.source;
    const bool hardware = pool.load_balancing == LoadBalancing::kHardware;
    // DNS load balancing never carries client web traffic: those pools still need an HLB for
    // their web services, and only for them.
    if (!hardware && pool.load_balancing != LoadBalancing::kDns) return;
    const bool director = pool.kind == PoolKind::kDirector;
    const std::string fqdn = pool.fqdn.str();
    if (hardware && Vip(pool, model.vip, "vip", "SIP")) {
      const auto& ports = director ? std::span<const int>(kDirectorSipPorts)
                                   : std::span<const int>(kFrontEndSipPorts);
      for (int port : ports) {
        Add(pool, "sip", fqdn, model.vip, port, port, "tcp", "source-address", 5061,
            MemberSide::kInternal, true, kInternalPortsPage);
      }
    }
    const std::string internal_vip = !model.internal_web_vip.empty() ? model.internal_web_vip
                                     : hardware                      ? model.vip
                                                                     : "";
    const std::string external_vip =
        !model.external_web_vip.empty() ? model.external_web_vip : internal_vip;
    const char* internal_persistence = options_.cookie_persistence ? "cookie" : "source-address";
    const char* external_persistence = options_.cookie_persistence ? "cookie" : "none";
    bool internal_warned = false, external_warned = false;
    for (const PlannedEndpoint* e : EndpointsOf(fqdn)) {
      if (e->view != View::kInternal) continue;
      if (e->purpose == "web-internal") {
        if (internal_vip.empty()) {
          if (!internal_warned) Vip(pool, internal_vip, "internal_web_vip", "internal web");
          internal_warned = true;
          continue;
        }
        Add(pool, "web-internal", e->host, internal_vip, e->port, e->port, "tcp",
            internal_persistence, 5061, MemberSide::kInternal, true, kHlbPage);
      } else if (e->purpose == "web-external") {
        if (external_vip.empty()) {
          if (!external_warned) Vip(pool, external_vip, "external_web_vip", "external web");
          external_warned = true;
          continue;
        }
        Add(pool, "web-external", e->host, external_vip, e->port, e->port, "tcp",
            external_persistence, 5061, MemberSide::kInternal, true, kHlbPage);
      }
    }
    // Clients and devices fetch the root certificate over 8080 through the pool's VIP.
    if (!director && !internal_vip.empty()) {
      Add(pool, "web-internal", pool.internal_web_fqdn.str(), internal_vip, 8080, 8080, "tcp",
          internal_persistence, 5061, MemberSide::kInternal, true, kInternalPortsPage);
    }
  }

  void AddEdge(const PlannedPool& edge) {
    const Pool& model = *edge.source;
    const std::string fqdn = edge.fqdn.str();
    // Internal VIP: Access Edge and A/V Edge only; web conferencing (8057) and XMPP (23456)
    // go to each Edge server directly.
    if (Vip(edge, model.vip, "vip", "the Edge internal interface")) {
      for (const PlannedEndpoint* e : EndpointsOf(fqdn)) {
        if (e->view != View::kInternal) continue;
        bool sip =
            e->purpose == "edge-internal-sip" || e->purpose == "edge-internal-av-authentication";
        bool media = e->purpose == "edge-internal-media";
        if (!sip && !media) continue;
        const char* protocol = e->protocol == "udp" ? "udp" : "tcp";
        Add(edge, "edge-internal", fqdn, model.vip, e->port, e->port, protocol, "source-address",
            sip ? e->port : 443, MemberSide::kInternal, !media, kEdgeHlbPage);
      }
    }
    const EdgeServiceAddresses& vips = model.edge.external_vips;
    for (const PlannedEndpoint* e : EndpointsOf(fqdn)) {
      if (e->view != View::kExternal || !e->published_by.empty()) continue;
      const char* protocol = e->protocol == "udp" ? "udp" : "tcp";
      if (e->purpose == "access-edge" || e->purpose == "federation" || e->purpose == "xmpp") {
        if (!Vip(edge, vips.access, "edge.external_vips.access", "the Access Edge")) continue;
        Add(edge, "edge-access", e->host, vips.access, e->port, e->port, protocol, "source-address",
            model.edge.access_port, MemberSide::kAccess, true, kEdgeHlbPage);
      } else if (e->purpose == "web-conferencing-edge") {
        if (!Vip(edge, vips.web_conferencing, "edge.external_vips.web_conferencing",
                 "the Web Conferencing Edge")) {
          continue;
        }
        Add(edge, "edge-web-conferencing", e->host, vips.web_conferencing, e->port, e->port,
            protocol, "source-address", e->port, MemberSide::kWebConferencing, true, kEdgeHlbPage);
      } else if (e->purpose == "audio-video-edge") {
        if (!Vip(edge, vips.audio_video, "edge.external_vips.audio_video", "the A/V Edge")) {
          continue;
        }
        // STUN/TURN needs the real server addresses: no source NAT on the A/V VIP.
        Add(edge, "edge-audio-video", e->host, vips.audio_video, e->port, e->port, protocol,
            "source-address", model.edge.audio_video_port, MemberSide::kAudioVideo, false,
            kEdgeHlbPage);
      }
    }
  }

  const Plan& plan_;
  const LoadBalancerOptions& options_;
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, std::vector<const PlannedEndpoint*>> by_listener_;
  std::set<std::tuple<std::string, int, std::string>> taken_;
  std::set<std::string> warned_;
  LoadBalancerPlan result_;
};

}  // namespace

LoadBalancerPlan BuildLoadBalancerPlan(const Plan& plan, const LoadBalancerOptions& options,
                                       Diagnostics& diagnostics) {
  return Builder(plan, options, diagnostics).Build();
}

}  // namespace lynctopo
