#pragma once

// Builds Plan objects by hand for the certificate tests, so they depend on the plan contract
// (model/plan/plan.hpp) and not on DerivePlan: each test states exactly the names it relies on.

#include <stdexcept>
#include <string>
#include <vector>

#include "model/fqdn.hpp"
#include "model/plan/plan.hpp"
#include "model/topology.hpp"

namespace lynctopo::testing {

inline Fqdn F(std::string_view text) {
  auto fqdn = Fqdn::Parse(text);
  if (!fqdn) throw std::invalid_argument("bad test FQDN: " + std::string(text));
  return *fqdn;
}

// Owns the Topology the Plan points at; not copyable (the pointer would dangle).
class HandPlan {
 public:
  HandPlan() { plan.topology = &topology; }
  HandPlan(const HandPlan&) = delete;
  HandPlan& operator=(const HandPlan&) = delete;

  void SipDomains(std::vector<std::string> domains) {
    topology.sip_domains = domains;
    plan.sip_domains.clear();
    for (const auto& d : domains) plan.sip_domains.push_back(F(d));
  }

  // Adds a pool with its member servers. IIS pools get internal_web_fqdn = pool FQDN.
  PlannedPool& Pool(PoolKind kind, std::string_view fqdn, std::vector<std::string> servers,
                    std::string site = "Redmond") {
    PlannedPool pool;
    pool.kind = kind;
    pool.fqdn = F(fqdn);
    pool.site = std::move(site);
    if (RunsIis(kind)) pool.internal_web_fqdn = pool.fqdn;
    for (const auto& s : servers) pool.servers.push_back(PlannedServer{F(s), {}, {}, {}});
    plan.pools.push_back(std::move(pool));
    return plan.pools.back();
  }

  PlannedName& Name(NameRole role, View view, std::string_view fqdn, std::string pool = "",
                    std::string sip_domain = "") {
    PlannedName name;
    name.role = role;
    name.view = view;
    name.fqdn = F(fqdn);
    name.pool = std::move(pool);
    name.sip_domain = std::move(sip_domain);
    plan.names.push_back(std::move(name));
    return plan.names.back();
  }

  // A simple URL as the plan lists it, plus the internal (and, for Meet/Dialin, external)
  // names the plan derives for its host.
  void SimpleUrl(SimpleUrlKind kind, std::string_view host, std::string domain,
                 std::string target_pool, std::string site = "") {
    PlannedSimpleUrl url;
    url.kind = kind;
    url.host = F(host);
    url.url = "https://" + std::string(host);
    url.domain = std::move(domain);
    url.site = std::move(site);
    url.target_pool = target_pool;
    plan.simple_urls.push_back(url);
    NameRole role = kind == SimpleUrlKind::kMeet     ? NameRole::kMeet
                    : kind == SimpleUrlKind::kDialin ? NameRole::kDialin
                                                     : NameRole::kAdmin;
    Name(role, View::kInternal, host, target_pool);
    if (kind != SimpleUrlKind::kAdmin) Name(role, View::kExternal, host, target_pool);
  }

  PlannedProxy& Proxy(std::string name, std::vector<std::string> hosts,
                      std::string site = "Redmond") {
    PlannedProxy proxy;
    proxy.name = std::move(name);
    proxy.site = std::move(site);
    for (const auto& h : hosts) proxy.public_hosts.push_back(F(h));
    plan.proxies.push_back(std::move(proxy));
    return plan.proxies.back();
  }

  Topology topology;
  Plan plan;
};

}  // namespace lynctopo::testing
