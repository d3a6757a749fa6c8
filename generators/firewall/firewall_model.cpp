#include "generators/firewall/firewall_model.hpp"

#include <algorithm>
#include <unordered_map>

#include "generators/dns/perimeter_hosts.hpp"
#include "generators/firewall/flow_collector.hpp"
#include "generators/firewall/management_flows.hpp"
#include "generators/firewall/voice_flows.hpp"
#include "generators/plan_addresses.hpp"

namespace lynctopo {

const std::vector<std::string>& HostList::Empty() {
  static const std::vector<std::string> kNone;
  return kNone;
}

const char* ToString(FirewallZone zone) {
  switch (zone) {
    case FirewallZone::kInternet:
      return "internet";
    case FirewallZone::kPerimeter:
      return "perimeter";
    case FirewallZone::kInternal:
      return "internal";
  }
  return "internal";
}

const char* ToString(FlowDirection direction) {
  switch (direction) {
    case FlowDirection::kInbound:
      return "inbound";
    case FlowDirection::kOutbound:
      return "outbound";
    case FlowDirection::kInternal:
      return "internal";
  }
  return "internal";
}

std::string FirewallFlow::Firewall() const {
  auto crosses = [&](FirewallZone zone) { return source_zone == zone || destination_zone == zone; };
  if (source_zone == destination_zone) return "none";
  if (crosses(FirewallZone::kInternet)) return "external";
  return "internal";
}

namespace {

using firewall::AnyOn;
using firewall::End;
using firewall::FlowCollector;
using firewall::kAnyInternal;
using firewall::Port;
using firewall::ServersOf;

bool IsUserPool(PoolKind kind) {
  return kind == PoolKind::kStandardEdition || kind == PoolKind::kFrontEnd;
}

class FlowBuilder {
 public:
  FlowBuilder(const Plan& plan) : plan_(plan), addresses_(plan) {
    for (const PlannedPool& pool : plan.pools) {
      if (pool.kind == PoolKind::kDirector) directors_.push_back(pool.fqdn.str());
      if (IsUserPool(pool.kind)) user_pools_.push_back(pool.fqdn.str());
      if (!pool.edge_pool.empty()) edge_users_[pool.edge_pool].push_back(&pool);
    }
    for (const PlannedEndpoint& e : plan.endpoints) by_listener_[e.listener].push_back(&e);
    std::sort(directors_.begin(), directors_.end());
    std::sort(user_pools_.begin(), user_pools_.end());
  }

  std::vector<FirewallFlow> Build() {
    for (const PlannedPool& pool : plan_.pools) {
      if (pool.kind == PoolKind::kEdge) AddEdge(pool);
      if (RunsIis(pool.kind)) AddServingPool(pool);
      if (pool.kind == PoolKind::kMediation) {
        firewall::AddMediationFlows(plan_, addresses_, pool, flows_);
      }
      if (pool.kind == PoolKind::kSurvivableBranch) {
        firewall::AddBranchApplianceFlows(plan_, addresses_, pool, flows_);
      }
      if (pool.kind == PoolKind::kOfficeWebApps) AddOfficeWebApps(pool);
    }
    AddReverseProxies();
    firewall::AddManagementFlows(plan_, flows_);
    return flows_.Finish();
  }

 private:
  // The endpoints `pool` listens on (an index, so no pool scans every endpoint).
  const std::vector<const PlannedEndpoint*>& EndpointsOf(const std::string& pool) const {
    static const std::vector<const PlannedEndpoint*> kNone;
    auto it = by_listener_.find(pool);
    return it == by_listener_.end() ? kNone : it->second;
  }

  End Host(FirewallZone zone, View view, const std::string& fqdn) const {
    return firewall::Host(addresses_, zone, view, fqdn);
  }
  End Pools(FirewallZone zone, std::string label, std::vector<std::string> pools) const {
    std::sort(pools.begin(), pools.end());
    pools.erase(std::unique(pools.begin(), pools.end()), pools.end());
    if (label.empty()) {
      for (const std::string& pool : pools) label += (label.empty() ? "" : ", ") + pool;
    }
    return {zone, std::move(label), std::move(pools)};
  }

  void AddEdge(const PlannedPool& edge) {
    const std::string& fqdn = edge.fqdn.str();
    const std::string& site = edge.site;
    const bool hlb = edge.load_balancing == LoadBalancing::kHardware;
    const char* page = hlb ? kEdgeHlbPortsPage : kEdgePortsPage;
    const auto I = FirewallZone::kInternal;
    const auto P = FirewallZone::kPerimeter;
    const auto N = FirewallZone::kInternet;

    // External interface: one pair of flows per listener the plan gives the Edge.
    for (const PlannedEndpoint* endpoint : EndpointsOf(fqdn)) {
      const PlannedEndpoint& e = *endpoint;
      if (e.view != View::kExternal || !e.published_by.empty()) continue;
      End service = Host(P, View::kExternal, e.host);
      const char* proto = e.protocol == "udp" ? "udp" : "tcp";
      Port port{e.port, e.port_end, proto, ""};
      if (e.purpose == "access-edge") {
        port.application = "SIP/TLS";
        flows_.Add(AnyOn(N), service, port, "client-to-server SIP for remote users", fqdn, site,
                   page);
      } else if (e.purpose == "federation") {
        port.application = "SIP/MTLS";
        flows_.Add(AnyOn(N), service, port, "SIP federation and public IM connectivity", fqdn, site,
                   page);
        flows_.Add(service, AnyOn(N), port, "SIP federation and public IM connectivity", fqdn, site,
                   page);
      } else if (e.purpose == "xmpp") {
        port.application = "XMPP";
        flows_.Add(AnyOn(N), service, port, "XMPP federation (XMPP proxy)", fqdn, site, page);
        flows_.Add(service, AnyOn(N), port, "XMPP federation (XMPP proxy)", fqdn, site, page);
      } else if (e.purpose == "web-conferencing-edge") {
        port.application = "PSOM/TLS";
        flows_.Add(AnyOn(N), service, port, "web conferencing media for remote users", fqdn, site,
                   page);
      } else if (e.purpose == "audio-video-edge") {
        port.application = "STUN/MSTURN";
        flows_.Add(AnyOn(N), service, port, "A/V media relay candidate negotiation", fqdn, site,
                   page);
        flows_.Add(service, AnyOn(N), port,
                   port.protocol == std::string("udp")
                       ? "A/V media relay, Edge version discovery and Edge-to-Edge media"
                       : "A/V media relay candidate negotiation",
                   fqdn, site, page);
      } else if (e.purpose == "audio-video-media") {
        port.application = "RTP";
        bool tcp = port.protocol == std::string("tcp");
        flows_.Add(service, AnyOn(N), port,
                   tcp ? "A/V media with federated partners"
                       : "A/V media (only for federation with Office Communications Server "
                         "2007 partners)",
                   fqdn, site, page);
        flows_.Add(AnyOn(N), service, port,
                   "A/V media (only for federation with Office Communications Server 2007 "
                   "partners)",
                   fqdn, site, page);
        if (tcp) {
          // The Access Edge addresses reach out for federated media too (the documented row
          // names the Access Edge public address as the source).
          AccessSide(edge, [&](const End& access) {
            flows_.Add(access, AnyOn(N), port, "A/V media with federated partners", fqdn, site,
                       page);
          });
        }
      }
    }
    // The Access Edge looks up federated partners and checks revocation on the Internet.
    AccessSide(edge, [&](const End& access) {
      flows_.Add(access, AnyOn(N), {80, 80, "tcp", "HTTP"},
                 "certificate revocation (CRL) checks and retrieval", fqdn, site, page);
      flows_.Add(access, AnyOn(N), {53, 53, "tcp", "DNS"}, "DNS queries", fqdn, site, page);
      flows_.Add(access, AnyOn(N), {53, 53, "udp", "DNS"}, "DNS queries", fqdn, site, page);
    });

    // Internal interface.
    std::vector<std::string> sip_pools;   // talk SIP to the Edge: next hop and its users
    std::vector<std::string> av_pools;    // authenticate A/V users at the Edge
    std::vector<std::string> conf_pools;  // Front End pools running web conferencing
    const std::string& next_hop = edge.source->edge.next_hop_pool;
    const PlannedPool* hop = next_hop.empty() ? nullptr : plan_.FindPool(next_hop);
    if (hop) {
      sip_pools.push_back(hop->fqdn.str());
      if (IsUserPool(hop->kind)) av_pools.push_back(hop->fqdn.str());
      if (IsUserPool(hop->kind)) conf_pools.push_back(hop->fqdn.str());
    }
    if (auto users = edge_users_.find(fqdn); users != edge_users_.end()) {
      for (const PlannedPool* user : users->second) {
        if (RunsIis(user->kind)) sip_pools.push_back(user->fqdn.str());
        if (IsUserPool(user->kind) || user->kind == PoolKind::kSurvivableBranch) {
          av_pools.push_back(user->fqdn.str());
        }
        if (IsUserPool(user->kind)) conf_pools.push_back(user->fqdn.str());
      }
    }
    End inside = Host(P, View::kInternal, fqdn);
    // Web conferencing is never load balanced on the internal side: each Edge server's own
    // internal address.
    End servers{P, fqdn, {}};
    for (const PlannedServer& server : edge.servers) {
      servers.hosts.insert(servers.hosts.end(), server.addresses.begin(), server.addresses.end());
    }
    for (const PlannedEndpoint* endpoint : EndpointsOf(fqdn)) {
      const PlannedEndpoint& e = *endpoint;
      if (e.view != View::kInternal) continue;
      const char* proto = e.protocol == "udp" ? "udp" : "tcp";
      Port port{e.port, e.port_end, proto, ""};
      if (e.purpose == "edge-internal-sip") {
        port.application = "SIP/MTLS";
        if (!sip_pools.empty()) {
          flows_.Add(Pools(I, "", sip_pools), inside, port,
                     "SIP from the internal pools to the Edge internal interface", fqdn, site,
                     page);
        }
        if (hop) {
          flows_.Add(inside, Host(I, View::kInternal, hop->fqdn.str()), port,
                     "SIP from the Edge to its next hop pool", fqdn, site, page);
        }
      } else if (e.purpose == "edge-internal-av-authentication") {
        port.application = "SIP/MTLS";
        if (!av_pools.empty()) {
          flows_.Add(Pools(I, "", av_pools), inside, port,
                     "A/V authentication service (media relay credentials)", fqdn, site, page);
        }
      } else if (e.purpose == "edge-internal-web-conferencing") {
        port.application = "PSOM/MTLS";
        if (!conf_pools.empty()) {
          flows_.Add(Pools(I, "", conf_pools), servers, port,
                     "web conferencing from the Front End servers to each Edge server", fqdn, site,
                     page);
        }
      } else if (e.purpose == "edge-internal-media") {
        port.application = "STUN/MSTURN";
        flows_.Add(AnyOn(I, kAnyInternal), inside, port,
                   port.protocol == std::string("udp")
                       ? "A/V media between internal and external users (preferred path)"
                       : "A/V media between internal and external users (fallback path), "
                         "file transfer and desktop sharing",
                   fqdn, site, page);
      } else if (e.purpose == "edge-internal-replication") {
        port.application = "HTTPS";
        // Each Edge server holds its own replica: its internal address, never a VIP.
        const PlannedPool* store = firewall::CentralManagementPool(plan_);
        End from =
            store ? ServersOf(I, *store) : AnyOn(I, "pool holding the Central Management store");
        flows_.Add(from, servers, port,
                   store ? firewall::ReplicationPurpose(*store) + " to the Edge"
                         : "Central Management store replication to the Edge",
                   fqdn, site, page);
      } else if (e.purpose == "edge-internal-xmpp") {
        port.application = "XMPP/MTLS";
        std::vector<std::string> gateways = conf_pools.empty() ? user_pools_ : conf_pools;
        flows_.Add(Pools(I, "", gateways), servers, port,
                   "XMPP gateway on the Front End pool to the Edge XMPP proxy", fqdn, site, page);
      }
    }
  }

  // The Access Edge service side the Internet sees (its external name's addresses).
  template <typename F>
  void AccessSide(const PlannedPool& edge, F&& use) {
    for (const PlannedEndpoint* e : EndpointsOf(edge.fqdn.str())) {
      if (e->view == View::kExternal && e->purpose == "access-edge") {
        use(Host(FirewallZone::kPerimeter, View::kExternal, e->host));
        return;
      }
    }
  }

  void AddServingPool(const PlannedPool& pool) {
    const std::string& fqdn = pool.fqdn.str();
    const auto I = FirewallZone::kInternal;
    End clients = AnyOn(I, kAnyInternal);
    for (const PlannedEndpoint* endpoint : EndpointsOf(fqdn)) {
      const PlannedEndpoint& e = *endpoint;
      if (e.view != View::kInternal) continue;
      End to = Host(I, View::kInternal, e.host);
      if (e.purpose == "sip") {
        flows_.Add(clients, to, {e.port, e.port, "tcp", "SIP/TLS"},
                   "client SIP sign-in, IM and presence", fqdn, pool.site, kInternalPortsPage);
      } else if (e.purpose == "web-internal") {
        bool https = e.protocol == "https";
        flows_.Add(clients, to, {e.port, e.port, "tcp", https ? "HTTPS" : "HTTP"},
                   "internal web services", fqdn, pool.site, kInternalPortsPage);
      }
    }
    if (IsUserPool(pool.kind)) {
      End to = Host(I, View::kInternal, fqdn);
      flows_.Add(clients, to, {8057, 8057, "tcp", "PSOM/TLS"},
                 "web conferencing (data collaboration) from internal clients", fqdn, pool.site,
                 kInternalPortsPage);
      if (!directors_.empty()) {
        End directors = Pools(I, "Director pools", directors_);
        flows_.Add(directors, to, {5061, 5061, "tcp", "SIP/MTLS"},
                   "SIP from the Directors to the home pool", fqdn, pool.site, kInternalPortsPage);
        flows_.Add(directors, to, {444, 444, "tcp", "HTTPS"},
                   "inter-server communication between Director and Front End", fqdn, pool.site,
                   kInternalPortsPage);
      }
    }
  }

  void AddOfficeWebApps(const PlannedPool& farm) {
    const std::string& fqdn = farm.fqdn.str();
    const auto I = FirewallZone::kInternal;
    End to = Host(I, View::kInternal, fqdn);
    if (!user_pools_.empty()) {
      flows_.Add(Pools(I, "Front End and Standard Edition pools", user_pools_), to,
                 {443, 443, "tcp", "HTTPS"}, "Lync Server to Office Web Apps Server", fqdn,
                 farm.site, kInternalPortsPage);
    }
    flows_.Add(AnyOn(I, kAnyInternal), to, {443, 443, "tcp", "HTTPS"},
               "internal clients viewing PowerPoint presentations", fqdn, farm.site,
               kInternalPortsPage);
  }

  void AddReverseProxies() {
    std::unordered_map<std::string, const PlannedProxy*> proxies;
    for (const PlannedProxy& proxy : plan_.proxies) proxies.emplace(proxy.name, &proxy);
    // A reverse proxy reaches its backends through its own perimeter resolution (the external
    // web FQDN has no internal record), so their addresses come from its hosts file.
    std::unordered_map<std::string, PerimeterHost> perimeter;
    for (PerimeterHost& host : BuildPerimeterHosts(plan_)) {
      if (host.kind == "reverse-proxy") perimeter.emplace(host.host, std::move(host));
    }
    for (const PlannedEndpoint& e : plan_.endpoints) {
      if (e.published_by.empty()) continue;
      auto it = proxies.find(e.published_by);
      if (it == proxies.end()) continue;
      const PlannedProxy& proxy = *it->second;
      const std::string label = proxy.fqdn.empty() ? proxy.name : proxy.fqdn;
      const PlannedPool* pool = plan_.FindPool(e.listener);
      const std::string site = pool ? pool->site : proxy.site;
      bool https = e.protocol == "https";
      End listener{FirewallZone::kPerimeter, label, proxy.external_addresses};
      flows_.Add(AnyOn(FirewallZone::kInternet), listener,
                 {e.port, e.port, "tcp", https ? "HTTPS" : "HTTP"},
                 "published Lync web services (simple URLs, external web services, "
                 "autodiscover, Office Web Apps)",
                 e.listener, site, kReverseProxyPortsPage);
      End from{FirewallZone::kPerimeter, label, proxy.internal_addresses};
      End backend = Host(FirewallZone::kInternal, View::kInternal, e.backend_host);
      if (auto hosts = perimeter.find(proxy.name); hosts != perimeter.end()) {
        const PerimeterEntry* entry = hosts->second.Find(e.backend_host);
        if (entry && !entry->addresses.empty()) backend.hosts = entry->addresses;
      }
      bool owa = e.purpose == "office-web-apps";
      bool backend_tls = e.backend_port == 4443 || e.backend_port == 443;
      flows_.Add(
          from, backend, {e.backend_port, e.backend_port, "tcp", backend_tls ? "HTTPS" : "HTTP"},
          owa ? "reverse proxy to Office Web Apps (no port bridging)"
              : "reverse proxy to the external web services of the pool (port bridging)",
          e.listener, site,
          pool && pool->load_balancing != LoadBalancing::kNone && !owa ? kHlbRequirementsPage
                                                                       : kReverseProxyPortsPage);
    }
  }

  const Plan& plan_;
  PlanAddresses addresses_;
  std::vector<std::string> directors_;
  std::vector<std::string> user_pools_;
  std::unordered_map<std::string, std::vector<const PlannedPool*>> edge_users_;
  std::unordered_map<std::string, std::vector<const PlannedEndpoint*>> by_listener_;
  FlowCollector flows_;
};

}  // namespace

FirewallPlan BuildFirewallPlan(const Plan& plan, Diagnostics&) {
  FirewallPlan result;
  result.flows = FlowBuilder(plan).Build();
  return result;
}

}  // namespace lynctopo
