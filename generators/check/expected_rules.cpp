#include "generators/check/expected_rules.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {

namespace {

bool HasRecord(const DnsRecordSet& dns, View view, const std::string& name, DnsType type,
               const std::string& value) {
  for (size_t i : dns.At(view, name)) {
    const DnsRecord& record = dns.records[i];
    if (record.type == type && record.value == value) return true;
  }
  return false;
}

// A host's names over every certificate (and part) that shares its key: (pool, server, role) for
// server certificates, (pool, role) for Edge ones. A split certificate carries a name on one
// part only, so the rules look at the union.
using CertificateGroup = std::tuple<std::string, std::string, CertificateRole>;
using GroupIndex = std::map<CertificateGroup, SanIndex>;
GroupIndex BuildNamesByGroup(const CertificateSet& certificates) {
  // Views into `certificates`, which outlives the rule run that holds the index.
  std::map<CertificateGroup, std::vector<std::string_view>> names;
  for (const PlannedCertificate& cert : certificates.certificates) {
    std::vector<std::string_view>& group = names[{cert.pool, cert.server, cert.role}];
    group.insert(group.end(), cert.sans.begin(), cert.sans.end());
    if (!cert.subject.empty()) group.push_back(cert.subject);
  }
  GroupIndex indexed;
  for (auto& [key, list] : names) indexed.emplace(key, SanIndex(std::move(list)));
  return indexed;
}

}  // namespace

// The index of the run in progress (see RuleRunScope), by the set it was built from. Typed
// void: the index's type is private to this file.
struct RunIndexes {
  std::mutex lock;  // the rules of a run may run on several threads (JoinedRuleRun)
  const CertificateSet* set = nullptr;
  std::shared_ptr<const void> groups;
};

namespace {

thread_local RunIndexes* current_run = nullptr;

// Three rules need the index of the same set; building it was 6% of a large run, three times
// per check. Within one run the models cannot change, so the first rule's index serves all.
// Built under the run's lock: a rule on another thread that needs it waits for it.
std::shared_ptr<const GroupIndex> NamesByGroup(const CertificateSet& certificates) {
  if (!current_run) return std::make_shared<const GroupIndex>(BuildNamesByGroup(certificates));
  std::lock_guard<std::mutex> held(current_run->lock);
  if (current_run->set == &certificates)
    return std::static_pointer_cast<const GroupIndex>(current_run->groups);
  auto groups = std::make_shared<const GroupIndex>(BuildNamesByGroup(certificates));
  current_run->set = &certificates;
  current_run->groups = groups;
  return groups;
}

}  // namespace

RuleRunScope::RuleRunScope() : outer_(current_run), indexes_(std::make_unique<RunIndexes>()) {
  current_run = indexes_.get();
}

RuleRunScope::~RuleRunScope() {
  current_run = outer_;
}

JoinedRuleRun::JoinedRuleRun(const RuleRunScope& run) : outer_(current_run) {
  current_run = run.indexes_.get();
}

JoinedRuleRun::~JoinedRuleRun() {
  current_run = outer_;
}

namespace {

bool IsWebServerRole(CertificateRole role) {
  return role == CertificateRole::kStandardEdition || role == CertificateRole::kFrontEnd ||
         role == CertificateRole::kDirector;
}

}  // namespace

// What must exist: for every plan name (view, fqdn), an A record per IPv4 address and an AAAA
// per IPv6 address it plans, or a CNAME to `alias_of` for an alias.
void CheckPlannedNamesHaveRecords(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.dns) return;
  for (const PlannedName& name : artifacts.plan->names) {
    std::vector<std::pair<DnsType, std::string>> expected;
    if (name.target == TargetKind::kAlias) {
      if (!name.alias_of.empty()) expected.emplace_back(DnsType::kCname, name.alias_of);
    } else {
      for (const std::string& address : name.addresses) {
        if (IsIpv4(address)) expected.emplace_back(DnsType::kA, address);
        if (IsIpv6(address)) expected.emplace_back(DnsType::kAAAA, address);
      }
    }
    for (const auto& [type, value] : expected) {
      if (HasRecord(*artifacts.dns, name.view, name.fqdn.str(), type, value)) continue;
      diagnostics.Error("LT4201", "", {},
                        fmt::format("{} name '{}' ({}) plans {} {}, which {} DNS does not have",
                                    ToString(name.view), name.fqdn.str(), ToString(name.role),
                                    ToString(type), value, ToString(name.view)));
    }
  }
}

// What must exist: for every planned service, SRV <service>.<domain> -> target:port with its
// priority and weight, in the service's view.
void CheckPlannedServicesHaveSrv(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.dns) return;
  const DnsRecordSet& dns = *artifacts.dns;
  for (const PlannedService& service : artifacts.plan->services) {
    std::string owner = service.service + "." + service.domain;
    bool found = false;
    for (size_t i : dns.At(service.view, owner)) {
      const DnsRecord& r = dns.records[i];
      found = found || (r.type == DnsType::kSrv && r.value == service.target.str() &&
                        r.port == service.port && r.priority == service.priority &&
                        r.weight == service.weight);
    }
    if (found) continue;
    diagnostics.Error("LT4202", "", {},
                      fmt::format("{} DNS has no SRV {} -> {}:{} (priority {}, weight {}) for {}",
                                  ToString(service.view), owner, service.target.str(), service.port,
                                  service.priority, service.weight, service.purpose));
  }
}

// What must exist: for every endpoint the plan publishes, a rule on `published_by` with the
// endpoint's host and port, forwarding to its backend host and port.
void CheckPublishedEndpointsHaveRules(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.proxy) return;
  std::set<std::tuple<std::string, std::string, int, std::string, int>> rules;
  for (const ProxyRule& rule : artifacts.proxy->rules) {
    rules.emplace(rule.proxy, rule.public_host.str(), rule.listen_port, rule.backend_host,
                  rule.backend_port);
  }
  for (const PlannedEndpoint& endpoint : artifacts.plan->endpoints) {
    if (endpoint.published_by.empty()) continue;
    if (rules.count({endpoint.published_by, endpoint.host, endpoint.port, endpoint.backend_host,
                     endpoint.backend_port}))
      continue;
    diagnostics.Error("LT4203", "", {},
                      fmt::format("reverse proxy '{}' has no rule publishing {}:{} to {}:{}",
                                  endpoint.published_by, endpoint.host, endpoint.port,
                                  endpoint.backend_host, endpoint.backend_port));
  }
}

// What must exist: a rule on proxy P for every external name whose A/AAAA record is one of P's
// listener addresses or whose CNAME is P's FQDN.
void CheckProxyAddressedNamesHaveRules(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.proxy || !artifacts.dns) return;
  std::map<std::string, std::string> proxy_of_target;  // listener address or FQDN -> proxy
  for (const ProxyListener& listener : artifacts.proxy->proxies) {
    for (const std::string& address : listener.external_addresses) {
      proxy_of_target.emplace(address, listener.name);
    }
    if (!listener.fqdn.empty()) proxy_of_target.emplace(listener.fqdn, listener.name);
  }
  std::set<std::pair<std::string, std::string>> ruled;  // (proxy, host)
  for (const ProxyRule& rule : artifacts.proxy->rules)
    ruled.emplace(rule.proxy, rule.public_host.str());
  std::set<std::pair<std::string, std::string>> reported;
  for (const DnsRecord& record : artifacts.dns->records) {
    if (record.view != View::kExternal || record.type == DnsType::kSrv) continue;
    auto proxy = proxy_of_target.find(record.value);
    if (proxy == proxy_of_target.end() || record.name == record.value) continue;
    if (ruled.count({proxy->second, record.name})) continue;
    // The proxy's own name resolves to its address but publishes nothing.
    bool own_name = false;
    for (const ProxyListener& listener : artifacts.proxy->proxies) {
      own_name = own_name || listener.fqdn == record.name;
    }
    if (own_name || !reported.emplace(proxy->second, record.name).second) continue;
    diagnostics.Error("LT4204", "", {},
                      fmt::format("external DNS points {} at reverse proxy '{}' ({}), which has "
                                  "no rule for it",
                                  record.name, proxy->second, record.value));
  }
}

// What must exist: on the Edge external certificate of Edge pool E, every external Access Edge
// name of E (its own and the sip.<SIP domain> names that lead to it) and its Web Conferencing
// Edge name (A/V authentication needs no name, so none is required).
void CheckEdgeNamesOnEdgeCertificate(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.certificates) return;
  std::shared_ptr<const GroupIndex> index = NamesByGroup(*artifacts.certificates);
  const GroupIndex& groups = *index;
  for (const PlannedName& name : artifacts.plan->names) {
    if (name.view != View::kExternal) continue;
    bool access = name.role == NameRole::kAccessEdge ||
                  (name.role == NameRole::kSipDomain && name.target == TargetKind::kEdgePublic);
    if (!access && name.role != NameRole::kWebConferencingEdge) continue;
    auto group = groups.find({name.pool, "", CertificateRole::kEdgeExternal});
    if (group != groups.end() && group->second.Covers(name.fqdn.str())) continue;
    diagnostics.Error("LT4205", "", {},
                      fmt::format("{} name '{}' of Edge pool {} is not on its Edge external "
                                  "certificate",
                                  ToString(name.role), name.fqdn.str(), name.pool));
  }
}

// What must exist: on the certificate(s) of every server of an SE / FE / Director pool, the
// server FQDN, the pool FQDN, the internal web FQDN and the external web FQDN (when set).
void CheckWebServerCertificateNames(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.certificates) return;
  std::shared_ptr<const GroupIndex> index = NamesByGroup(*artifacts.certificates);
  const GroupIndex& groups = *index;
  std::map<std::pair<std::string, std::string>, CertificateRole> role_of;  // (pool, server)
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    if (IsWebServerRole(cert.role)) role_of.emplace(std::pair{cert.pool, cert.server}, cert.role);
  }
  for (const PlannedPool& pool : artifacts.plan->pools) {
    if (!RunsIis(pool.kind)) continue;
    for (const PlannedServer& server : pool.servers) {
      auto role = role_of.find({pool.fqdn.str(), server.fqdn.str()});
      if (role == role_of.end()) {
        diagnostics.Error("LT4206", "", {},
                          fmt::format("server {} of pool {} has no certificate", server.fqdn.str(),
                                      pool.fqdn.str()));
        continue;
      }
      const SanIndex& names = groups.at({pool.fqdn.str(), server.fqdn.str(), role->second});
      std::vector<std::pair<const char*, const Fqdn*>> required = {
          {"server FQDN", &server.fqdn},
          {"pool FQDN", &pool.fqdn},
          {"internal web FQDN", &pool.internal_web_fqdn},
          {"external web FQDN", &pool.external_web_fqdn}};
      for (const auto& [what, fqdn] : required) {
        if (fqdn->empty() || names.Covers(fqdn->str())) continue;
        diagnostics.Error("LT4206", "", {},
                          fmt::format("the certificate of server {} (pool {}) lacks its {} {}",
                                      server.fqdn.str(), pool.fqdn.str(), what, fqdn->str()));
      }
    }
  }
}

// What must exist for every Meet / Dialin simple URL host: a record in internal and external
// DNS, a rule on some reverse proxy when the plan has any, and the name on every web
// certificate of its target pool.
void CheckSimpleUrlsServed(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan) return;
  const Plan& plan = *artifacts.plan;
  std::set<std::string> published;
  if (artifacts.proxy) {
    for (const ProxyRule& rule : artifacts.proxy->rules) published.insert(rule.public_host.str());
  }
  static const GroupIndex kNoGroups;
  std::shared_ptr<const GroupIndex> index;
  if (artifacts.certificates) index = NamesByGroup(*artifacts.certificates);
  const GroupIndex& groups = index ? *index : kNoGroups;
  std::set<std::pair<View, std::string>> unknown;
  if (artifacts.dns) {
    for (const DnsUnknownAddress& u : artifacts.dns->unknown_addresses)
      unknown.insert({u.view, u.name});
  }
  std::set<std::string> seen;
  for (const PlannedSimpleUrl& url : plan.simple_urls) {
    if (url.kind == SimpleUrlKind::kAdmin) continue;  // internal only, never published
    const std::string& host = url.host.str();
    if (!seen.insert(host + " " + url.target_pool).second) continue;
    auto report = [&](const std::string& what) {
      diagnostics.Error("LT4207", "", {},
                        fmt::format("simple URL {} (host {}): {}", url.url, host, what));
    };
    if (artifacts.dns) {
      for (View view : {View::kInternal, View::kExternal}) {
        // Without a reverse proxy nothing is published, so there is no external name to ask
        // for; a name listed as "address unknown" is accounted for (the input lacks it).
        if (view == View::kExternal && plan.proxies.empty()) continue;
        if (!artifacts.dns->At(view, host).empty() || unknown.contains({view, host})) continue;
        report(fmt::format("no {} DNS record", ToString(view)));
      }
    }
    if (artifacts.proxy && !plan.proxies.empty() && !published.count(host))
      report("no reverse proxy publishes it");
    for (const auto& [key, names] : groups) {
      const auto& [pool, server, role] = key;
      if (pool != url.target_pool || !IsWebServerRole(role) || names.Covers(host)) continue;
      report(fmt::format("not on the certificate of server {}", server));
    }
  }
}

}  // namespace lynctopo
