#include "model/diff/topology_diff.hpp"

#include <algorithm>
#include <unordered_map>

#include "model/fqdn.hpp"

namespace lynctopo {
namespace {

using nlohmann::json;

json SortedList(std::vector<std::string> values) {
  for (std::string& v : values) v = ToLower(v);
  std::sort(values.begin(), values.end());
  return values;
}

json EdgeAddresses(const EdgeServiceAddresses& a) {
  return {{"access", a.access},
          {"web_conferencing", a.web_conferencing},
          {"audio_video", a.audio_video}};
}

std::vector<KeyedObject> Deployment(const Topology& t) {
  const CertificatePolicy& c = t.certificates;
  json value = {
      {"version", ToString(t.version)},
      {"ad_domain", ToLower(t.ad_domain)},
      {"netbios_domain", t.netbios_domain},
      {"default_sip_domain", t.sip_domains.empty() ? "" : ToLower(t.sip_domains.front())},
      {"designated_pool", ToLower(t.designated_pool)},
      {"lyncdiscover_over_http", t.mobility.lyncdiscover_over_http},
      {"federation", t.federation.enabled},
      {"xmpp", t.federation.xmpp},
      {"xmpp_domains", SortedList(t.federation.xmpp_domains)},
      {"certificate_policy",
       {{"internal_ca", ToString(c.internal_ca)},
        {"key_bits", c.key_bits},
        {"hash", c.hash},
        {"max_sans", c.max_sans},
        {"split_over_max_sans", c.split_over_max_sans},
        {"wildcard_simple_urls", c.wildcard_simple_urls},
        {"separate_web_certificates", c.separate_web_certificates},
        {"sip_names_on_default", c.sip_names_on_default}}},
      {"dns",
       {{"ttl", t.dns.ttl},
        {"primary_ns", t.dns.primary_ns},
        {"hostmaster", t.dns.hostmaster},
        {"internal_ns", t.dns.internal_ns},
        {"internal_ns_addresses", t.dns.internal_ns_addresses},
        {"external_ns", t.dns.external_ns},
        {"external_ns_addresses", t.dns.external_ns_addresses},
        {"lyncdiscover_records", t.dns.lyncdiscover_records},
        {"external_web_internal", t.dns.external_web_internal},
        {"internal_zones", t.dns.internal_zones}}},
  };
  return {{"deployment", std::move(value)}};
}

std::vector<KeyedObject> SipDomains(const Topology& t) {
  std::vector<KeyedObject> out;
  for (size_t i = 0; i < t.sip_domains.size(); ++i) {
    out.push_back({ToLower(t.sip_domains[i]), json{{"default", i == 0}}});
  }
  return out;
}

// One object per (component, domain, scope): the active URL and every entry.
void AddSimpleUrls(const std::vector<SimpleUrl>& urls, const std::string& scope,
                   std::vector<KeyedObject>& out) {
  std::unordered_map<std::string, size_t> index;
  for (const SimpleUrl& url : urls) {
    std::string key = std::string(ToString(url.kind)) + " " + ToLower(url.domain);
    if (!scope.empty()) key += " @" + ToLower(scope);
    auto [it, inserted] = index.emplace(key, out.size());
    if (inserted) out.push_back({key, json{{"active", ""}, {"entries", json::array()}}});
    json& value = out[it->second].value;
    // Scheme and host are case-insensitive; the path is kept as written.
    value["entries"].push_back(url.url);
    if (url.active) value["active"] = url.url;
  }
}

std::vector<KeyedObject> SimpleUrls(const Topology& t) {
  std::vector<KeyedObject> out;
  AddSimpleUrls(t.simple_urls, "", out);
  for (const Site& site : t.sites) AddSimpleUrls(site.simple_urls, site.name, out);
  for (KeyedObject& o : out) {
    auto& entries = o.value["entries"];
    std::sort(entries.begin(), entries.end());
  }
  return out;
}

std::vector<KeyedObject> Sites(const Topology& t) {
  std::vector<KeyedObject> out;
  for (const Site& s : t.sites) {
    out.push_back(
        {ToLower(s.name), json{{"kind", ToString(s.kind)},
                               {"parent", ToLower(s.parent)},
                               {"designated_pool", ToLower(s.designated_pool)},
                               {"kerberos_account",
                                s.kerberos_account ? ToLower(s.kerberos_account->account) : ""}}});
  }
  return out;
}

std::vector<KeyedObject> KerberosAccounts(const Topology& t) {
  std::vector<KeyedObject> out;
  std::unordered_map<std::string, size_t> index;
  for (const Site& s : t.sites) {
    if (!s.kerberos_account) continue;
    std::string key = ToLower(s.kerberos_account->account);
    auto [it, inserted] = index.emplace(key, out.size());
    if (inserted) {
      out.push_back({key, json{{"container_dn", ToLower(s.kerberos_account->container_dn)},
                               {"sites", json::array()}}});
    }
    out[it->second].value["sites"].push_back(ToLower(s.name));
  }
  for (KeyedObject& o : out) std::sort(o.value["sites"].begin(), o.value["sites"].end());
  return out;
}

std::vector<KeyedObject> ReverseProxies(const Topology& t) {
  std::vector<KeyedObject> out;
  for (const Site& s : t.sites) {
    for (const ReverseProxy& p : s.reverse_proxies) {
      out.push_back(
          {ToLower(p.name), json{{"site", ToLower(s.name)},
                                 {"product", ToString(p.product)},
                                 {"fqdn", ToLower(p.fqdn)},
                                 {"external_addresses", SortedList(p.external_addresses)},
                                 {"internal_addresses", SortedList(p.internal_addresses)}}});
    }
  }
  return out;
}

json PoolValue(const Site& site, const Pool& p) {
  std::vector<std::string> servers;
  for (const Server& s : p.servers) servers.push_back(s.fqdn);
  json value = {
      {"kind", ToString(p.kind)},
      {"site", ToLower(site.name)},
      {"load_balancing", ToString(p.load_balancing)},
      {"vip", p.vip},
      {"internal_web_vip", p.internal_web_vip},
      {"external_web_vip", p.external_web_vip},
      {"internal_web_fqdn", ToLower(p.internal_web_fqdn.empty() ? p.fqdn : p.internal_web_fqdn)},
      {"external_web_fqdn", ToLower(p.external_web_fqdn)},
      {"edge_pool", ToLower(p.edge_pool)},
      {"os", ToString(p.os)},
      {"servers", SortedList(servers)}};
  if (p.kind == PoolKind::kEdge) {
    const EdgeSettings& e = p.edge;
    value["edge"] = {{"access_fqdn", ToLower(e.access_fqdn)},
                     {"web_conferencing_fqdn", ToLower(e.web_conferencing_fqdn)},
                     {"audio_video_fqdn", ToLower(e.audio_video_fqdn)},
                     {"access_port", e.access_port},
                     {"web_conferencing_port", e.web_conferencing_port},
                     {"audio_video_port", e.audio_video_port},
                     {"nat", e.nat},
                     {"next_hop_pool", ToLower(e.next_hop_pool)},
                     {"federation", e.federation},
                     {"xmpp", e.xmpp},
                     {"external_vips", EdgeAddresses(e.external_vips)}};
  }
  if (p.kind == PoolKind::kMediation) {
    json trunks = json::array();
    for (const Trunk& trunk : p.mediation.trunks) {
      trunks.push_back({{"gateway", ToLower(trunk.gateway)},
                        {"transport", ToString(trunk.transport)},
                        {"gateway_port", trunk.gateway_port},
                        {"mediation_port", trunk.mediation_port}});
    }
    value["mediation"] = {{"next_hop_pool", ToLower(p.mediation.next_hop_pool)},
                          {"trunks", std::move(trunks)}};
  }
  if (p.kind == PoolKind::kSurvivableBranch) {
    value["branch"] = {{"backup_registrar_pool", ToLower(p.branch.backup_registrar_pool)}};
  }
  return value;
}

std::vector<KeyedObject> Pools(const Topology& t) {
  std::vector<KeyedObject> out;
  for (const Site& s : t.sites) {
    for (const Pool& p : s.pools) out.push_back({ToLower(p.fqdn), PoolValue(s, p)});
  }
  return out;
}

std::vector<KeyedObject> Servers(const Topology& t) {
  std::vector<KeyedObject> out;
  for (const Site& s : t.sites) {
    for (const Pool& p : s.pools) {
      for (const Server& server : p.servers) {
        if (server.fqdn.empty()) continue;  // an unnamed machine is described by its pool
        json value = {{"pool", ToLower(p.fqdn)},
                      {"addresses", SortedList(server.addresses)},
                      {"os", ToString(server.os)}};
        if (p.kind == PoolKind::kEdge) {
          value["edge_external"] = EdgeAddresses(server.edge_external);
          value["edge_public"] = EdgeAddresses(server.edge_public);
        }
        out.push_back({ToLower(server.fqdn), std::move(value)});
      }
    }
  }
  return out;
}

// Folds a deleted pool and a created pool of the same kind that share a server into one
// replacement: the pool was renamed, its servers stayed.
void FoldPoolReplacements(std::vector<Change>& pool_changes) {
  std::unordered_map<std::string, size_t> created_by_server;
  for (size_t i = 0; i < pool_changes.size(); ++i) {
    const Change& c = pool_changes[i];
    if (c.action != ChangeAction::kCreate) continue;
    for (const auto& server : c.after["servers"]) {
      created_by_server.emplace(server.get<std::string>(), i);
    }
  }
  std::vector<bool> consumed(pool_changes.size(), false);
  for (size_t i = 0; i < pool_changes.size(); ++i) {
    Change& c = pool_changes[i];
    if (c.action != ChangeAction::kDelete) continue;
    for (const auto& server : c.before["servers"]) {
      auto it = created_by_server.find(server.get<std::string>());
      if (it == created_by_server.end() || consumed[it->second]) continue;
      Change& created = pool_changes[it->second];
      if (created.after["kind"] != c.before["kind"]) continue;
      consumed[it->second] = true;
      c.action = ChangeAction::kReplace;
      c.note = "pool FQDN changes from " + c.address + " to " + created.address +
               " while its servers stay";
      c.address = c.address + " -> " + created.address;
      c.after = created.after;
      break;
    }
  }
  std::vector<Change> kept;
  for (size_t i = 0; i < pool_changes.size(); ++i) {
    if (!consumed[i]) kept.push_back(std::move(pool_changes[i]));
  }
  pool_changes = std::move(kept);
}

}  // namespace

std::vector<Change> DiffTopologies(const Topology& before, const Topology& after,
                                   bool include_no_op) {
  std::vector<Change> out;
  auto diff = [&](const char* kind, auto objects_of) {
    DiffKeyedObjects("topology", kind, objects_of(before), objects_of(after), include_no_op, out);
  };
  diff("deployment", Deployment);
  diff("sip-domain", SipDomains);
  diff("simple-url", SimpleUrls);
  diff("site", Sites);
  diff("kerberos-account", KerberosAccounts);
  diff("reverse-proxy", ReverseProxies);
  std::vector<Change> pools;
  DiffKeyedObjects("topology", "pool", Pools(before), Pools(after), include_no_op, pools);
  FoldPoolReplacements(pools);
  for (Change& c : pools) out.push_back(std::move(c));
  diff("server", Servers);
  return out;
}

}  // namespace lynctopo
