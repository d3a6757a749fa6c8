#include "generators/check/plan_rules.hpp"

#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace lynctopo {

namespace {

std::set<std::string> ProxyNames(const Plan& plan) {
  std::set<std::string> names;
  for (const PlannedProxy& proxy : plan.proxies) names.insert(proxy.name);
  return names;
}

// Published through a proxy: its DNS record is the proxy's address, or a CNAME to another
// name the same proxy answers for (lyncdiscover_records = cname).
bool IsPublishedExternalName(const PlannedName& name) {
  return name.view == View::kExternal &&
         (name.target == TargetKind::kReverseProxy || name.target == TargetKind::kAlias) &&
         !name.proxy.empty();
}

}  // namespace

void CheckPublishingProxiesExist(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan) return;
  const Plan& plan = *artifacts.plan;
  const std::set<std::string> proxies = ProxyNames(plan);
  for (const PlannedName& name : plan.names) {
    if (name.proxy.empty() || proxies.count(name.proxy)) continue;
    diagnostics.Error(
        "LT4101", "", {},
        fmt::format("{} name '{}' ({}) is published by reverse proxy '{}', which "
                    "the plan does not have",
                    ToString(name.view), name.fqdn.str(), ToString(name.role), name.proxy));
  }
  for (const PlannedEndpoint& endpoint : plan.endpoints) {
    if (endpoint.published_by.empty() || proxies.count(endpoint.published_by)) continue;
    diagnostics.Error(
        "LT4101", "", {},
        fmt::format("endpoint {}:{}/{} is published by reverse proxy '{}', which "
                    "the plan does not have",
                    endpoint.host, endpoint.port, endpoint.protocol, endpoint.published_by));
  }
}

void CheckProxyPublicHosts(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan) return;
  const Plan& plan = *artifacts.plan;
  std::set<std::pair<std::string, std::string>> listed;  // (proxy, host)
  for (const PlannedProxy& proxy : plan.proxies) {
    for (const Fqdn& host : proxy.public_hosts) listed.emplace(proxy.name, host.str());
  }
  std::set<std::pair<std::string, std::string>> published;
  const std::set<std::string> proxies = ProxyNames(plan);
  for (const PlannedName& name : plan.names) {
    if (!IsPublishedExternalName(name)) continue;
    published.emplace(name.proxy, name.fqdn.str());
    if (!proxies.count(name.proxy)) continue;  // LT4101 reports it
    if (!listed.count({name.proxy, name.fqdn.str()})) {
      diagnostics.Error("LT4102", "", {},
                        fmt::format("external name '{}' ({}) is published by reverse proxy '{}' "
                                    "but is not among its public hosts",
                                    name.fqdn.str(), ToString(name.role), name.proxy));
    }
  }
  for (const auto& [proxy, host] : listed) {
    if (published.count({proxy, host})) continue;
    diagnostics.Error("LT4102", "", {},
                      fmt::format("reverse proxy '{}' lists public host '{}', but no external "
                                  "name is published through it",
                                  proxy, host));
  }
}

void CheckAliasTargets(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan) return;
  const Plan& plan = *artifacts.plan;
  std::set<std::pair<View, std::string>> names;
  for (const PlannedName& name : plan.names) names.emplace(name.view, name.fqdn.str());
  for (const PlannedName& name : plan.names) {
    if (name.target != TargetKind::kAlias) continue;
    if (name.alias_of.empty()) {
      diagnostics.Error("LT4103", "", {},
                        fmt::format("{} name '{}' ({}) is an alias of nothing", ToString(name.view),
                                    name.fqdn.str(), ToString(name.role)));
    } else if (name.alias_of == name.fqdn.str()) {
      diagnostics.Error("LT4103", "", {},
                        fmt::format("{} name '{}' ({}) is an alias of itself", ToString(name.view),
                                    name.fqdn.str(), ToString(name.role)));
    } else if (!names.count({name.view, name.alias_of})) {
      diagnostics.Error("LT4103", "", {},
                        fmt::format("{} name '{}' ({}) is an alias of '{}', which is not a {} "
                                    "name of the plan",
                                    ToString(name.view), name.fqdn.str(), ToString(name.role),
                                    name.alias_of, ToString(name.view)));
    }
  }
}

void CheckNamesResolve(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan) return;
  for (const PlannedName& name : artifacts.plan->names) {
    bool resolves = name.target == TargetKind::kAlias || !name.addresses.empty();
    // A name whose address the input lacks is listed as such, never silently dropped.
    if (resolves == name.address_unknown) {
      diagnostics.Error(
          "LT4104", "", {},
          resolves ? fmt::format("{} name '{}' ({}) is marked address unknown but resolves",
                                 ToString(name.view), name.fqdn.str(), ToString(name.role))
                   : fmt::format("{} name '{}' ({}) has no addresses, is no alias and is not "
                                 "marked address unknown",
                                 ToString(name.view), name.fqdn.str(), ToString(name.role)));
    }
  }
}

}  // namespace lynctopo
