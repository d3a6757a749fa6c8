#include "generators/proxy/proxy_model.hpp"

#include "generators/certificates/certificate_model.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace lynctopo {
namespace {

// Publishable roles, most specific first: a host that is both an external web FQDN and a simple
// URL host is reported as external web (its own pool's rule carries the simple URL too).
int PurposeRank(NameRole role) {
  switch (role) {
    case NameRole::kExternalWeb:
      return 0;
    case NameRole::kMeet:
      return 1;
    case NameRole::kDialin:
      return 2;
    case NameRole::kLyncDiscover:
      return 3;
    case NameRole::kOfficeWebApps:
      return 4;
    default:
      return -1;
  }
}

const char* PurposeOf(NameRole role) {
  switch (role) {
    case NameRole::kExternalWeb:
      return kPurposeExternalWeb;
    case NameRole::kMeet:
      return kPurposeMeet;
    case NameRole::kDialin:
      return kPurposeDialin;
    case NameRole::kLyncDiscover:
      return kPurposeLyncDiscover;
    case NameRole::kOfficeWebApps:
      return kPurposeOfficeWebApps;
    default:
      return "";
  }
}

// Fallback when the plan has no external name for a published host: the endpoint's own purpose.
const char* PurposeFromEndpoint(std::string_view purpose) {
  if (purpose == "external-web" || purpose == "web-external") return kPurposeExternalWeb;
  if (purpose == "meet") return kPurposeMeet;
  if (purpose == "dialin") return kPurposeDialin;
  if (purpose == "lyncdiscover") return kPurposeLyncDiscover;
  if (purpose == "office-web-apps" || purpose == "owa") return kPurposeOfficeWebApps;
  return "";
}

struct HostInfo {
  int rank = 99;
  const PlannedName* name = nullptr;
};

bool ListensWithTls(const PlannedEndpoint& endpoint) {
  if (endpoint.protocol == "http") return false;
  if (endpoint.protocol == "https" || endpoint.protocol == "tls") return true;
  return endpoint.port != 80;
}

std::string SourceFile(const Plan& plan) {
  return plan.topology ? plan.topology->source_file : std::string();
}

}  // namespace

std::string ProxyCertificateId(std::string_view proxy_name) {
  return ReverseProxyCertificateId(proxy_name);
}

std::span<const ProxyRule> ProxyRuleSet::RulesOf(std::string_view proxy) const {
  auto first = std::lower_bound(rules.begin(), rules.end(), proxy,
                                [](const ProxyRule& r, std::string_view p) { return r.proxy < p; });
  auto last = std::upper_bound(first, rules.end(), proxy,
                               [](std::string_view p, const ProxyRule& r) { return p < r.proxy; });
  return {first, last};
}

ProxyRuleSet BuildProxyRules(const Plan& plan, Diagnostics& diagnostics) {
  ProxyRuleSet set;
  const std::string file = SourceFile(plan);

  std::unordered_map<std::string_view, const PlannedProxy*> proxies;
  for (const PlannedProxy& proxy : plan.proxies) {
    proxies.emplace(proxy.name, &proxy);
    set.proxies.push_back(ProxyListener{proxy.name, proxy.product, proxy.fqdn,
                                        proxy.external_addresses, ProxyCertificateId(proxy.name)});
  }

  // What each external name is for, and the Admin hosts that must never be published (call 3).
  std::unordered_map<std::string_view, HostInfo> hosts;
  std::unordered_set<std::string_view> admin_hosts;
  for (const PlannedName& name : plan.names) {
    if (name.role == NameRole::kAdmin) admin_hosts.insert(name.fqdn.str());
    if (name.view != View::kExternal) continue;
    int rank = PurposeRank(name.role);
    if (rank < 0) continue;
    HostInfo& info = hosts[name.fqdn.str()];
    if (rank < info.rank) info = HostInfo{rank, &name};
  }

  for (const PlannedEndpoint& endpoint : plan.endpoints) {
    if (endpoint.view != View::kExternal || endpoint.published_by.empty()) continue;
    auto proxy = proxies.find(endpoint.published_by);
    if (proxy == proxies.end()) {
      diagnostics.Error("LT7001", file, {},
                        fmt::format("'{}' port {} is published by reverse proxy '{}', which the "
                                    "plan does not list",
                                    endpoint.host, endpoint.port, endpoint.published_by));
      continue;
    }
    std::optional<Fqdn> host = Fqdn::Parse(endpoint.host);
    if (!host) {
      diagnostics.Error("LT7002", file, {},
                        fmt::format("published host '{}' is not a valid FQDN", endpoint.host));
      continue;
    }
    auto info = hosts.find(host->str());
    const PlannedName* name = info == hosts.end() ? nullptr : info->second.name;
    std::string purpose = name ? PurposeOf(name->role) : PurposeFromEndpoint(endpoint.purpose);
    if (purpose.empty()) {
      if (admin_hosts.contains(host->str())) {
        diagnostics.Error("LT7003", file, {},
                          fmt::format("'{}' is the Admin simple URL host, which is internal only "
                                      "and never published; rule skipped",
                                      host->str()));
      } else {
        diagnostics.Warning("LT7004", file, {},
                            fmt::format("published host '{}' (purpose '{}') is no external web, "
                                        "simple URL, lyncdiscover or Office Web Apps name; rule "
                                        "skipped",
                                        host->str(), endpoint.purpose));
      }
      continue;
    }
    if (endpoint.backend_host.empty() || endpoint.backend_port <= 0) {
      diagnostics.Error("LT7005", file, {},
                        fmt::format("published host '{}' port {} has no backend in the plan",
                                    host->str(), endpoint.port));
      continue;
    }

    ProxyRule rule;
    rule.name = fmt::format("{}-{}", host->str(), endpoint.port);
    rule.proxy = endpoint.published_by;
    rule.public_host = *host;
    rule.listen_port = endpoint.port;
    rule.listen_tls = ListensWithTls(endpoint);
    rule.backend_host = endpoint.backend_host;
    rule.backend_port = endpoint.backend_port;
    rule.purpose = purpose;
    rule.pool = name && !name->pool.empty() ? name->pool : endpoint.listener;
    rule.tls_to_backend = rule.listen_tls;
    // C.4: the HTTP autodiscover rule lets no credentials through at all.
    if (purpose == kPurposeLyncDiscover && !rule.listen_tls) {
      rule.delegation = "none-client-cannot-authenticate";
    }
    if (rule.listen_tls) rule.certificate = ProxyCertificateId(rule.proxy);
    set.rules.push_back(std::move(rule));
  }

  auto key = [](const ProxyRule& r) {
    return std::tie(r.proxy, r.public_host, r.listen_port, r.backend_host, r.backend_port);
  };
  std::sort(set.rules.begin(), set.rules.end(),
            [&](const ProxyRule& a, const ProxyRule& b) { return key(a) < key(b); });
  // One rule per (proxy, host, port): the plan may list an endpoint once per protocol.
  std::vector<ProxyRule> unique;
  unique.reserve(set.rules.size());
  for (ProxyRule& rule : set.rules) {
    if (!unique.empty() && unique.back().proxy == rule.proxy &&
        unique.back().public_host == rule.public_host &&
        unique.back().listen_port == rule.listen_port) {
      if (unique.back().backend_host != rule.backend_host ||
          unique.back().backend_port != rule.backend_port) {
        diagnostics.Error(
            "LT7006", file, {},
            fmt::format(
                "reverse proxy '{}' publishes '{}' port {} to two backends: {}:{} and {}:{}",
                rule.proxy, rule.public_host.str(), rule.listen_port, unique.back().backend_host,
                unique.back().backend_port, rule.backend_host, rule.backend_port));
      }
      continue;
    }
    unique.push_back(std::move(rule));
  }
  set.rules = std::move(unique);

  // Every public host the plan gives a proxy must have come out as a rule.
  for (const PlannedProxy& proxy : plan.proxies) {
    std::span<const ProxyRule> rules = set.RulesOf(proxy.name);
    for (const Fqdn& host : proxy.public_hosts) {
      auto it =
          std::lower_bound(rules.begin(), rules.end(), host,
                           [](const ProxyRule& r, const Fqdn& h) { return r.public_host < h; });
      if (it == rules.end() || it->public_host != host) {
        diagnostics.Warning("LT7007", file, {},
                            fmt::format("reverse proxy '{}' publishes '{}' but the plan has no "
                                        "published endpoint for it; no rule generated",
                                        proxy.name, host.str()));
      }
    }
  }
  return set;
}

}  // namespace lynctopo
