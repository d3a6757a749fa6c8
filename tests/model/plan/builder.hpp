#pragma once

// Small fluent helpers to build topologies in plan tests, and look-ups into a derived plan.

#include <algorithm>
#include <string>
#include <vector>

#include "model/plan/plan.hpp"
#include "model/topology.hpp"

namespace plan_test {

using namespace lynctopo;

inline Server MakeServer(std::string fqdn, std::vector<std::string> addresses) {
  Server server;
  server.fqdn = std::move(fqdn);
  server.addresses = std::move(addresses);
  return server;
}

inline Pool MakePool(PoolKind kind, std::string fqdn, LoadBalancing lb,
                     std::vector<Server> servers) {
  Pool pool;
  pool.kind = kind;
  pool.fqdn = std::move(fqdn);
  pool.load_balancing = lb;
  pool.servers = std::move(servers);
  return pool;
}

inline Pool StandardEdition(std::string fqdn, std::string address) {
  return MakePool(PoolKind::kStandardEdition, fqdn, LoadBalancing::kNone,
                  {MakeServer(fqdn, {std::move(address)})});
}

inline ReverseProxy MakeProxy(std::string name, std::vector<std::string> external,
                              std::string fqdn = "", std::vector<std::string> internal = {}) {
  ReverseProxy proxy;
  proxy.name = std::move(name);
  proxy.fqdn = std::move(fqdn);
  proxy.external_addresses = std::move(external);
  proxy.internal_addresses = std::move(internal);
  return proxy;
}

inline SimpleUrl MakeUrl(SimpleUrlKind kind, std::string domain, std::string url,
                         bool active = true) {
  SimpleUrl simple;
  simple.kind = kind;
  simple.domain = std::move(domain);
  simple.url = std::move(url);
  simple.active = active;
  return simple;
}

// One Edge server: internal address, external (private) and public per-service addresses.
inline Server EdgeServer(std::string fqdn, std::string internal, EdgeServiceAddresses external,
                         EdgeServiceAddresses public_addresses = {}) {
  Server server = MakeServer(std::move(fqdn), {std::move(internal)});
  server.edge_external = std::move(external);
  server.edge_public = std::move(public_addresses);
  return server;
}

inline Pool EdgePool(std::string fqdn, LoadBalancing lb, std::vector<Server> servers, bool nat,
                     std::string next_hop) {
  Pool pool = MakePool(PoolKind::kEdge, std::move(fqdn), lb, std::move(servers));
  pool.edge.access_fqdn = "sip.contoso.com";
  pool.edge.web_conferencing_fqdn = "webcon.contoso.com";
  pool.edge.audio_video_fqdn = "av.contoso.com";
  pool.edge.nat = nat;
  pool.edge.next_hop_pool = std::move(next_hop);
  pool.edge.federation = true;
  return pool;
}

inline Site MakeSite(std::string name, std::vector<Pool> pools,
                     std::vector<ReverseProxy> proxies = {}) {
  Site site;
  site.name = std::move(name);
  site.pools = std::move(pools);
  site.reverse_proxies = std::move(proxies);
  return site;
}

// Contoso with the simple URLs of option 1 for each SIP domain.
inline Topology MakeTopology(std::vector<std::string> sip_domains, std::vector<Site> sites) {
  Topology topology;
  topology.name = "Contoso";
  topology.sip_domains = sip_domains;
  topology.ad_domain = "contoso.local";
  for (const std::string& domain : sip_domains) {
    topology.simple_urls.push_back(MakeUrl(SimpleUrlKind::kMeet, domain, "https://meet." + domain));
  }
  topology.simple_urls.push_back(
      MakeUrl(SimpleUrlKind::kDialin, "*", "https://dialin." + sip_domains.front()));
  topology.simple_urls.push_back(
      MakeUrl(SimpleUrlKind::kAdmin, "*", "https://admin." + sip_domains.front()));
  topology.sites = std::move(sites);
  return topology;
}

// The one name with this FQDN, role and view, or nullptr.
inline const PlannedName* FindName(const Plan& plan, const std::string& fqdn, NameRole role,
                                   View view) {
  for (const PlannedName& name : plan.names) {
    if (name.fqdn.str() == fqdn && name.role == role && name.view == view) return &name;
  }
  return nullptr;
}

inline size_t CountNames(const Plan& plan, const std::string& fqdn) {
  return static_cast<size_t>(
      std::count_if(plan.names.begin(), plan.names.end(),
                    [&](const PlannedName& n) { return n.fqdn.str() == fqdn; }));
}

inline const PlannedEndpoint* FindEndpoint(const Plan& plan, const std::string& host, int port,
                                           View view) {
  for (const PlannedEndpoint& endpoint : plan.endpoints) {
    if (endpoint.host == host && endpoint.port == port && endpoint.view == view) return &endpoint;
  }
  return nullptr;
}

inline const PlannedService* FindService(const Plan& plan, const std::string& service,
                                         const std::string& domain) {
  for (const PlannedService& s : plan.services) {
    if (s.service == service && s.domain == domain) return &s;
  }
  return nullptr;
}

inline bool HasCode(const Diagnostics& diagnostics, const std::string& code) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.code == code) return true;
  }
  return false;
}

using Addresses = std::vector<std::string>;

}  // namespace plan_test
