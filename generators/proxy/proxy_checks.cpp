#include "generators/proxy/proxy_checks.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"

namespace lynctopo {

size_t CheckProxyConsistency(const Plan& plan, const ProxyRuleSet& rules, Diagnostics& diagnostics,
                             const char* only_code) {
  auto wants = [only_code](std::string_view code) { return !only_code || code == only_code; };
  const std::string file = plan.topology ? plan.topology->source_file : std::string();
  size_t found = 0;

  std::unordered_set<std::string_view> admin_hosts;
  for (const PlannedName& name : plan.names) {
    if (name.role == NameRole::kAdmin) admin_hosts.insert(name.fqdn.str());
  }
  std::unordered_set<std::string_view> published;
  for (const ProxyRule& rule : rules.rules) {
    const std::string& host = rule.public_host.str();
    published.insert(host);
    if (wants("LT7022") && admin_hosts.contains(host)) {
      ++found;
      diagnostics.Error("LT7022", file, {},
                        fmt::format("the Admin simple URL host '{}' is published by '{}'; it is "
                                    "internal only",
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
    // Without any reverse proxy nothing is published and no proxy artifact is produced; the
    // plan says so once (LT2001).
    if (!wants("LT7021") || plan.proxies.empty()) break;
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

// The listener certificate a TLS rule names is in the certificate plan and covers its host.
void CheckListenerCertificatesPlanned(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.proxy || !artifacts.certificates) return;
  // Indexed once: thousands of rules share a few certificates of thousands of names each.
  std::map<std::string_view, const PlannedCertificate*> by_id;
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    by_id.emplace(cert.id, &cert);  // the first of an id wins, as in CertificateSet::Find
  }
  std::map<const PlannedCertificate*, SanIndex> sans_of;
  for (const ProxyRule& rule : artifacts.proxy->rules) {
    if (!rule.listen_tls || rule.certificate.empty()) continue;
    auto found = by_id.find(rule.certificate);
    const PlannedCertificate* cert = found == by_id.end() ? nullptr : found->second;
    if (!cert) {
      diagnostics.Error("LT7023", "", {},
                        fmt::format("'{}' is published by '{}' with listener certificate '{}', "
                                    "which the certificate plan does not have",
                                    rule.public_host.str(), rule.proxy, rule.certificate));
      continue;
    }
    if (cert->role == CertificateRole::kReverseProxy &&
        std::find(cert->install_on.begin(), cert->install_on.end(), rule.proxy) ==
            cert->install_on.end()) {
      diagnostics.Error("LT7023", "", {},
                        fmt::format("'{}' is published by '{}' with listener certificate '{}', "
                                    "which is installed on another reverse proxy",
                                    rule.public_host.str(), rule.proxy, rule.certificate));
      continue;
    }
    auto sans = sans_of.find(cert);
    if (sans == sans_of.end()) sans = sans_of.emplace(cert, SanIndex(cert->sans)).first;
    if (!sans->second.Covers(rule.public_host.str())) {
      diagnostics.Error("LT7023", "", {},
                        fmt::format("'{}' is published by '{}' but its listener certificate '{}' "
                                    "does not carry the name",
                                    rule.public_host.str(), rule.proxy, rule.certificate));
    }
  }
}

}  // namespace

void CheckProxyHostsResolveToProxy(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.proxy || !artifacts.dns) return;
  const DnsRecordSet& dns = *artifacts.dns;
  std::map<std::string_view, const ProxyListener*> listeners;
  for (const ProxyListener& listener : artifacts.proxy->proxies) {
    listeners.emplace(listener.name, &listener);
  }
  // What external DNS publishes for a host: an address of the proxy's listener, or a CNAME to
  // the proxy's own FQDN.
  // A CNAME chain is followed a few hops (a loop or a long chain is no answer).
  std::function<bool(const std::string&, const ProxyListener&, int)> points_at =
      [&](const std::string& host, const ProxyListener& proxy, int hops) {
        for (size_t i : dns.At(View::kExternal, host)) {
          const DnsRecord& record = dns.records[i];
          if (record.type == DnsType::kCname) {
            if (record.value == proxy.fqdn ||
                (hops > 0 && points_at(record.value, proxy, hops - 1)))
              return true;
          } else if (std::find(proxy.external_addresses.begin(), proxy.external_addresses.end(),
                               record.value) != proxy.external_addresses.end()) {
            return true;
          }
        }
        return false;
      };
  std::set<std::pair<std::string_view, std::string_view>> reported;
  for (const ProxyRule& rule : artifacts.proxy->rules) {
    const std::string& host = rule.public_host.str();
    if (!reported.emplace(rule.proxy, host).second) continue;  // once per host, not per port
    auto listener = listeners.find(rule.proxy);
    if (listener != listeners.end() && points_at(host, *listener->second, 4)) continue;
    diagnostics.Error("LT7020", "", {},
                      fmt::format("'{}' is published by reverse proxy '{}' but no external DNS "
                                  "record points it at that proxy",
                                  host, rule.proxy));
  }
}
void CheckExternalWebPublished(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7021");
}
void CheckAdminNeverPublished(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7022");
}
void CheckProxyListenerCertificates(const ArtifactSet& a, Diagnostics& d) {
  RunOne(a, d, "LT7023");
  CheckListenerCertificatesPlanned(a, d);
}

}  // namespace lynctopo
