// The plan as JSON (schemas/plan.schema.json). Every object always carries the same fields, empty
// strings and arrays included, so consumers never test for presence; Edge-only data appears on
// Edge pools and servers only.

#include <nlohmann/json.hpp>

#include "model/plan/output.hpp"

namespace lynctopo {

namespace {

using nlohmann::json;

json ServiceAddressesJson(const EdgeServiceAddresses& addresses) {
  return {{"access", addresses.access},
          {"web_conferencing", addresses.web_conferencing},
          {"audio_video", addresses.audio_video}};
}

json ServerJson(const PlannedServer& server, bool edge) {
  json out = {{"fqdn", server.fqdn.str()}, {"addresses", server.addresses}};
  if (edge) {
    out["edge_external"] = ServiceAddressesJson(server.edge_external);
    out["edge_public"] = ServiceAddressesJson(server.edge_public);
  }
  return out;
}

json EdgeJson(const EdgeSettings& edge) {
  return {{"access_fqdn", edge.access_fqdn},
          {"web_conferencing_fqdn", edge.web_conferencing_fqdn},
          {"audio_video_fqdn", edge.audio_video_fqdn},
          {"access_port", edge.access_port},
          {"web_conferencing_port", edge.web_conferencing_port},
          {"audio_video_port", edge.audio_video_port},
          {"nat", edge.nat},
          {"next_hop_pool", edge.next_hop_pool},
          {"federation", edge.federation},
          {"xmpp", edge.xmpp},
          {"external_vips", ServiceAddressesJson(edge.external_vips)}};
}

json PoolJson(const PlannedPool& pool) {
  bool edge = pool.kind == PoolKind::kEdge;
  json servers = json::array();
  for (const PlannedServer& server : pool.servers) servers.push_back(ServerJson(server, edge));
  const Pool* source = pool.source;
  json out = {{"fqdn", pool.fqdn.str()},
              {"kind", ToString(pool.kind)},
              {"site", pool.site},
              {"servers", std::move(servers)},
              {"load_balancing", ToString(pool.load_balancing)},
              {"vip", source ? source->vip : ""},
              {"internal_web_vip", source ? source->internal_web_vip : ""},
              {"external_web_vip", source ? source->external_web_vip : ""},
              {"internal_web_fqdn", pool.internal_web_fqdn.str()},
              {"internal_web_overridden", pool.internal_web_overridden},
              {"external_web_fqdn", pool.external_web_fqdn.str()},
              {"publishing_proxy", pool.publishing_proxy},
              {"edge_pool", pool.edge_pool},
              {"version", source ? source->version : ""}};
  if (edge && source != nullptr) out["edge"] = EdgeJson(source->edge);
  return out;
}

json SiteJson(const PlannedSite& site) {
  return {{"name", site.name},
          {"kind", ToString(site.kind)},
          {"parent", site.parent},
          {"kerberos_account", site.kerberos_account ? site.kerberos_account->account : ""},
          {"pools", site.pools}};
}

json ProxyJson(const PlannedProxy& proxy) {
  json hosts = json::array();
  for (const Fqdn& host : proxy.public_hosts) hosts.push_back(host.str());
  return {{"name", proxy.name},
          {"product", ToString(proxy.product)},
          {"site", proxy.site},
          {"fqdn", proxy.fqdn},
          {"external_addresses", proxy.external_addresses},
          {"internal_addresses", proxy.internal_addresses},
          {"public_hosts", std::move(hosts)}};
}

json SimpleUrlJson(const PlannedSimpleUrl& url) {
  return {{"kind", ToString(url.kind)},    {"url", url.url},
          {"host", url.host.str()},        {"path", url.path},
          {"domain", url.domain},          {"site", url.site},
          {"target_pool", url.target_pool}};
}

json NameJson(const PlannedName& name) {
  return {{"fqdn", name.fqdn.str()},
          {"role", ToString(name.role)},
          {"view", ToString(name.view)},
          {"site", name.site},
          {"pool", name.pool},
          {"server", name.server},
          {"sip_domain", name.sip_domain},
          {"proxy", name.proxy},
          {"target", ToString(name.target)},
          {"addresses", name.addresses},
          {"alias_of", name.alias_of},
          {"address_unknown", name.address_unknown}};
}

json ServiceJson(const PlannedService& service) {
  return {{"view", ToString(service.view)}, {"service", service.service},
          {"domain", service.domain},       {"target", service.target.str()},
          {"port", service.port},           {"priority", service.priority},
          {"weight", service.weight},       {"pool", service.pool},
          {"purpose", service.purpose}};
}

json EndpointJson(const PlannedEndpoint& endpoint) {
  json out = {{"host", endpoint.host},
              {"port", endpoint.port},
              {"protocol", endpoint.protocol},
              {"view", ToString(endpoint.view)},
              {"listener", endpoint.listener},
              {"purpose", endpoint.purpose},
              {"published_by", endpoint.published_by},
              {"backend_host", endpoint.backend_host},
              {"backend_port", endpoint.backend_port}};
  // Only ranges carry it, so single-port endpoints read as before.
  if (endpoint.port_end > endpoint.port) out["port_end"] = endpoint.port_end;
  return out;
}

template <typename T, typename F>
json ArrayOf(const std::vector<T>& items, F to_json) {
  json out = json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace

nlohmann::json PlanToJson(const Plan& plan) {
  json sip_domains = json::array();
  for (const Fqdn& domain : plan.sip_domains) sip_domains.push_back(domain.str());
  const Topology* topology = plan.topology;
  return {{"format_version", 1},
          {"topology", topology ? topology->name : ""},
          {"version", topology ? ToString(topology->version) : ""},
          {"sip_domains", std::move(sip_domains)},
          {"pools", ArrayOf(plan.pools, PoolJson)},
          {"sites", ArrayOf(plan.sites, SiteJson)},
          {"proxies", ArrayOf(plan.proxies, ProxyJson)},
          {"simple_urls", ArrayOf(plan.simple_urls, SimpleUrlJson)},
          {"names", ArrayOf(plan.names, NameJson)},
          {"services", ArrayOf(plan.services, ServiceJson)},
          {"endpoints", ArrayOf(plan.endpoints, EndpointJson)}};
}

}  // namespace lynctopo
