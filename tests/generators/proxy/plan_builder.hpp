#pragma once

// Builds small Plans by hand for the proxy tests, following the plan contract (PREAMBLE "Plan
// semantics"): external names with their publishing proxy and published endpoints with backends.

#include <string>
#include <vector>

#include "model/plan/plan.hpp"

namespace lynctopo::testing {

class ProxyPlanBuilder {
 public:
  ProxyPlanBuilder() { plan_.topology = &topology_; }

  ProxyPlanBuilder& Proxy(std::string name, ProxyProduct product,
                          std::vector<std::string> addresses = {"131.107.155.40"}) {
    PlannedProxy proxy;
    proxy.name = std::move(name);
    proxy.product = product;
    proxy.external_addresses = std::move(addresses);
    plan_.proxies.push_back(std::move(proxy));
    return *this;
  }

  // An external name published by `proxy` on 443 (and 80 when `with_http`) to `backend`.
  ProxyPlanBuilder& Publish(NameRole role, const std::string& host, const std::string& proxy,
                            const std::string& pool, const std::string& backend,
                            bool with_http = true, int https_backend_port = 4443,
                            int http_backend_port = 8080, const std::string& sip_domain = "") {
    PlannedName name;
    name.fqdn = *Fqdn::Parse(host);
    name.role = role;
    name.view = View::kExternal;
    name.pool = pool;
    name.proxy = proxy;
    name.sip_domain = sip_domain;
    name.target = TargetKind::kReverseProxy;
    plan_.names.push_back(name);
    Endpoint(host, 443, "https", proxy, backend, https_backend_port, pool);
    if (with_http) Endpoint(host, 80, "http", proxy, backend, http_backend_port, pool);
    for (PlannedProxy& p : plan_.proxies) {
      if (p.name == proxy) p.public_hosts.push_back(name.fqdn);
    }
    return *this;
  }

  ProxyPlanBuilder& Endpoint(const std::string& host, int port, const std::string& protocol,
                             const std::string& proxy, const std::string& backend, int backend_port,
                             const std::string& pool) {
    PlannedEndpoint e;
    e.host = host;
    e.port = port;
    e.protocol = protocol;
    e.view = View::kExternal;
    e.listener = pool;
    e.purpose = "published";
    e.published_by = proxy;
    e.backend_host = backend;
    e.backend_port = backend_port;
    plan_.endpoints.push_back(std::move(e));
    return *this;
  }

  ProxyPlanBuilder& InternalName(NameRole role, const std::string& host, const std::string& pool) {
    PlannedName name;
    name.fqdn = *Fqdn::Parse(host);
    name.role = role;
    name.view = View::kInternal;
    name.pool = pool;
    plan_.names.push_back(std::move(name));
    return *this;
  }

  ProxyPlanBuilder& LyncDiscoverOverHttp(bool over_http) {
    topology_.mobility.lyncdiscover_over_http = over_http;
    return *this;
  }

  // Sorts like DerivePlan does and returns the plan (valid while the builder lives).
  const Plan& Build() {
    std::sort(plan_.names.begin(), plan_.names.end(), [](const auto& a, const auto& b) {
      return std::tie(a.view, a.fqdn, a.role) < std::tie(b.view, b.fqdn, b.role);
    });
    std::sort(plan_.endpoints.begin(), plan_.endpoints.end(), [](const auto& a, const auto& b) {
      return std::tie(a.view, a.host, a.port, a.protocol) <
             std::tie(b.view, b.host, b.port, b.protocol);
    });
    for (PlannedProxy& p : plan_.proxies) std::sort(p.public_hosts.begin(), p.public_hosts.end());
    return plan_;
  }

  Plan& plan() { return plan_; }
  Topology& topology() { return topology_; }

 private:
  Topology topology_;
  Plan plan_;
};

}  // namespace lynctopo::testing
