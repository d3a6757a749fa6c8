// Inventory part of the plan: sites, pools with their servers and web FQDNs, reverse proxies,
// and the indexes every later step uses instead of scanning.

#include <optional>
#include <unordered_set>

#include "model/plan/derive.hpp"

namespace lynctopo::plan_detail {

namespace {

// Names that fail the FQDN rules were already reported by validation; the plan leaves them out.
Fqdn ParseOrEmpty(std::string_view text) {
  std::optional<Fqdn> parsed = Fqdn::Parse(text);
  return parsed ? *parsed : Fqdn();
}

PlannedServer PlanServer(const Pool& pool, const Server& server) {
  PlannedServer planned;
  planned.fqdn = ParseOrEmpty(server.fqdn);
  // An imported single-machine pool may leave the computer name out: it is the pool itself.
  if (server.fqdn.empty() && pool.servers.size() == 1) planned.fqdn = ParseOrEmpty(pool.fqdn);
  AppendAddresses(planned.addresses, server.addresses);
  planned.edge_external = server.edge_external;
  planned.edge_public = server.edge_public;
  return planned;
}

PlannedPool PlanPool(const Pool& pool, const Fqdn& fqdn, const std::string& site) {
  PlannedPool planned;
  planned.fqdn = fqdn;
  planned.kind = pool.kind;
  planned.site = site;
  planned.load_balancing = pool.load_balancing;
  planned.source = &pool;
  planned.servers.reserve(pool.servers.size());
  for (const Server& server : pool.servers) planned.servers.push_back(PlanServer(pool, server));
  if (RunsIis(pool.kind)) {
    Fqdn override_fqdn = ParseOrEmpty(pool.internal_web_fqdn);
    planned.internal_web_fqdn = override_fqdn.empty() ? fqdn : override_fqdn;
    planned.internal_web_overridden = planned.internal_web_fqdn != fqdn;
  }
  if (RunsIis(pool.kind) || pool.kind == PoolKind::kOfficeWebApps) {
    planned.external_web_fqdn = ParseOrEmpty(pool.external_web_fqdn);
  }
  if (!pool.edge_pool.empty()) planned.edge_pool = ParseOrEmpty(pool.edge_pool).str();
  return planned;
}

PlannedProxy PlanProxy(const ReverseProxy& proxy, const std::string& site) {
  PlannedProxy planned;
  planned.name = proxy.name;
  planned.product = proxy.product;
  planned.site = site;
  planned.fqdn = ParseOrEmpty(proxy.fqdn).str();
  AppendAddresses(planned.external_addresses, proxy.external_addresses);
  DedupeAddresses(planned.external_addresses);
  AppendAddresses(planned.internal_addresses, proxy.internal_addresses);
  DedupeAddresses(planned.internal_addresses);
  return planned;
}

}  // namespace

void AppendAddresses(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& address : from) {
    if (!address.empty()) to.push_back(address);
  }
}

void DedupeAddresses(std::vector<std::string>& addresses) {
  if (addresses.size() < 2) return;
  std::unordered_set<std::string> seen;
  std::vector<std::string> kept;
  kept.reserve(addresses.size());
  for (std::string& address : addresses) {
    if (seen.insert(address).second) kept.push_back(std::move(address));
  }
  addresses = std::move(kept);
}

size_t DeriveContext::FindPoolIndex(std::string_view fqdn) const {
  auto it = pool_index.find(std::string(fqdn));
  return it == pool_index.end() ? kNone : it->second;
}

size_t DeriveContext::PublishingProxyIndex(const PlannedPool* pool) const {
  if (pool != nullptr) {
    auto site = site_index.find(pool->site);
    if (site != site_index.end() && site_first_proxy[site->second] != kNone) {
      return site_first_proxy[site->second];
    }
  }
  return first_proxy;
}

void BuildInventory(DeriveContext& ctx) {
  Plan& plan = ctx.plan;
  const Topology& topology = ctx.topology;

  for (const std::string& domain : topology.sip_domains) {
    Fqdn fqdn = ParseOrEmpty(domain);
    if (!fqdn.empty()) plan.sip_domains.push_back(fqdn);
  }
  // A repeated SIP domain would repeat every per-domain name; keep the first (default first).
  {
    std::unordered_set<std::string> seen;
    std::vector<Fqdn> unique;
    for (Fqdn& domain : plan.sip_domains) {
      if (seen.insert(domain.str()).second) unique.push_back(std::move(domain));
    }
    plan.sip_domains = std::move(unique);
  }

  for (const Site& site : topology.sites) {
    if (ctx.site_index.count(site.name) != 0) continue;  // duplicate: validation reported it
    size_t site_number = plan.sites.size();
    ctx.site_index.emplace(site.name, site_number);
    ctx.site_models.push_back(&site);
    ctx.site_first_proxy.push_back(kNone);

    PlannedSite planned_site;
    planned_site.name = site.name;
    planned_site.kind = site.kind;
    planned_site.parent = site.parent;
    planned_site.kerberos_account = site.kerberos_account ? &*site.kerberos_account : nullptr;

    for (const Pool& pool : site.pools) {
      Fqdn fqdn = ParseOrEmpty(pool.fqdn);
      if (fqdn.empty() || ctx.pool_index.count(fqdn.str()) != 0) continue;
      ctx.pool_index.emplace(fqdn.str(), plan.pools.size());
      ctx.pool_site.push_back(site_number);
      planned_site.pools.push_back(fqdn.str());
      plan.pools.push_back(PlanPool(pool, fqdn, site.name));
    }
    for (const ReverseProxy& proxy : site.reverse_proxies) {
      if (ctx.proxy_index.count(proxy.name) != 0) continue;
      size_t proxy_number = plan.proxies.size();
      ctx.proxy_index.emplace(proxy.name, proxy_number);
      if (ctx.site_first_proxy[site_number] == kNone) {
        ctx.site_first_proxy[site_number] = proxy_number;
      }
      if (ctx.first_proxy == kNone) ctx.first_proxy = proxy_number;
      plan.proxies.push_back(PlanProxy(proxy, site.name));
    }
    plan.sites.push_back(std::move(planned_site));
  }
  ctx.proxy_hosts.resize(plan.proxies.size());

  plan.pool_index = ctx.pool_index;
  for (PlannedPool& pool : plan.pools) {
    if (pool.external_web_fqdn.empty()) continue;
    size_t proxy = ctx.PublishingProxyIndex(&pool);
    if (proxy != kNone) pool.publishing_proxy = plan.proxies[proxy].name;
  }
}

}  // namespace lynctopo::plan_detail
