#include "generators/proxy/proxy_checks.hpp"

#include <set>
#include <unordered_set>

#include <fmt/format.h>

namespace lynctopo {

size_t CheckProxyConsistency(const Plan& plan, const ProxyRuleSet& rules, Diagnostics& diagnostics,
                             const char* only_code) {
  auto wants = [only_code](std::string_view code) { return !only_code || code == only_code; };
  const std::string file = plan.topology ? plan.topology->source_file : std::string();
  size_t found = 0;

  // External names that resolve to a reverse proxy, by (fqdn, proxy).
  std::set<std::pair<std::string_view, std::string_view>> external_to_proxy;
  std::unordered_set<std::string_view> admin_hosts;
  for (const PlannedName& name : plan.names) {
    if (name.role == NameRole::kAdmin) admin_hosts.insert(name.fqdn.str());
    if (name.view == View::kExternal && name.target == TargetKind::kReverseProxy) {
      external_to_proxy.emplace(name.fqdn.str(), name.proxy);
    }
  }
  std::unordered_set<std::string_view> published;
  for (const ProxyRule& rule : rules.rules) {
    const std::string& host = rule.public_host.str();
    published.insert(host);
    if (wants("LT7020") && !external_to_proxy.contains({host, rule.proxy})) {
      ++found;
      diagnostics.Error("LT7020", file, {},
                        fmt::format("'{}' is published by reverse proxy '{}' but no external DNS "
                                    "name points it at that proxy",
                                    host, rule.proxy));
    }
    if (wants("LT7022") && admin_hosts.contains(host)) {
      ++found;
      diagnostics.Error("LT7022", file, {},
                        fmt::format("the Admin simple URL host '{}' is published by '{}'; it is "
                                    "internal only (call 3)",
                                    host, rule.proxy));
    }
    if (wants("LT7023") && rule.listen_tls && rule.certificate.empty()) {
      ++found;
      diagnostics.Error("LT7023", file, {},
                        fmt::format("'{}' is published over TLS by '{}' without a listener "
                                    "certificate",
                                    host, rule.proxy));
    }
  }
  for (const PlannedPool& pool : plan.pools) {
    if (!wants("LT7021")) break;
    if (!RunsIis(pool.kind) || pool.external_web_fqdn.empty()) continue;
    if (!published.contains(pool.external_web_fqdn.str())) {
      ++found;
      diagnostics.Error("LT7021", file, {},
                        fmt::format("pool '{}' has external web FQDN '{}' but no reverse proxy "
                                    "publishes it",
                                    pool.fqdn.str(), pool.external_web_fqdn.str()));
    }
  }
  return found;
}

namespace {

void RunOne(const ArtifactSet& artifacts, Diagnostics& diagnostics, const char* code) {
  if (!artifacts.plan || !artifacts.proxy) return;
  CheckProxyConsistency(*artifacts.plan, *artifacts.proxy, diagnostics, code);
}

}  // namespace

void CheckProxyHostsResolveToProxy(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7020");
}
void CheckExternalWebPublished(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7021");
}
void CheckAdminNeverPublished(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7022");
}
void CheckProxyListenerCertificates(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7023");
}

}  // namespace lynctopo
