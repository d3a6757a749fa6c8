#include "generators/certificates/certificate_checks.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "generators/certificates/certificate_model.hpp"

namespace lynctopo {

namespace {

bool MustBePublic(const PlannedCertificate& cert) {
  return cert.role == CertificateRole::kEdgeExternal || cert.role == CertificateRole::kReverseProxy;
}

// Plan names per view, and the parent domains that have a name one label below them (for
// wildcards: "*.contoso.com" covers something when some "x.contoso.com" exists).
struct ViewNames {
  std::unordered_set<std::string> names;
  std::unordered_set<std::string> parents;
  void Add(const std::string& fqdn) {
    names.insert(fqdn);
    size_t dot = fqdn.find('.');
    if (dot != std::string::npos) parents.insert(fqdn.substr(dot + 1));
  }
  bool Resolves(const std::string& name) const {
    if (IsWildcard(name)) return parents.contains(name.substr(2));
    return names.contains(name);
  }
};

std::vector<std::string> NamesOf(const PlannedCertificate& cert) {
  std::vector<std::string> names = Strings(cert.sans);
  if (!cert.subject.empty() && std::find(names.begin(), names.end(), cert.subject) == names.end())
    names.push_back(cert.subject);
  return names;
}

}  // namespace

void CheckNoInternalNamesOnPublicCertificates(const ArtifactSet& artifacts,
                                              Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.certificates) return;
  std::unordered_set<std::string> external;
  for (const PlannedName& name : artifacts.plan->names) {
    if (name.view == View::kExternal) external.insert(name.fqdn.str());
  }
  std::set<std::string> domains;
  for (const Fqdn& domain : artifacts.plan->sip_domains) domains.insert(domain.str());
  if (const Topology* topology = artifacts.plan->topology) {
    for (const std::string& domain : topology->federation.xmpp_domains)
      domains.insert(ToLower(domain));
  }
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    if (!MustBePublic(cert)) continue;
    for (const std::string& name : NamesOf(cert)) {
      if (IsWildcard(name) || external.contains(name) || domains.contains(name)) continue;
      diagnostics.Error("LT5101", "", {},
                        fmt::format("public certificate {} carries '{}', which the plan has only "
                                    "inside (internal-only names never go on a public "
                                    "certificate)",
                                    cert.id, name));
    }
  }
}

void CheckProxyCertificatesCoverPublicHosts(const ArtifactSet& artifacts,
                                            Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.certificates) return;
  const Plan& plan = *artifacts.plan;
  bool lyncdiscover_on_80 = plan.topology && plan.topology->mobility.lyncdiscover_over_http;
  std::unordered_set<std::string> lyncdiscover;
  for (const PlannedName& name : plan.names) {
    if (name.role == NameRole::kLyncDiscover) lyncdiscover.insert(name.fqdn.str());
  }
  for (const PlannedProxy& proxy : plan.proxies) {
    std::vector<SanIndex> certs;
    for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
      if (cert.role == CertificateRole::kReverseProxy &&
          std::find(cert.install_on.begin(), cert.install_on.end(), proxy.name) !=
              cert.install_on.end())
        certs.emplace_back(cert.sans);
    }
    for (const Fqdn& host : proxy.public_hosts) {
      if (lyncdiscover_on_80 && lyncdiscover.contains(host.str())) continue;
      bool covered = std::any_of(certs.begin(), certs.end(),
                                 [&](const SanIndex& sans) { return sans.Covers(host.str()); });
      if (!covered) {
        diagnostics.Error("LT5102", "", {},
                          fmt::format("reverse proxy '{}' publishes '{}', but no certificate of "
                                      "that proxy covers it",
                                      proxy.name, host.str()));
      }
    }
  }
}

void CheckCertificateNamesResolve(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.certificates) return;
  const Plan& plan = *artifacts.plan;
  ViewNames internal, external;
  for (const PlannedName& name : plan.names) {
    (name.view == View::kInternal ? internal : external).Add(name.fqdn.str());
  }
  std::set<std::string> domains;
  for (const Fqdn& domain : plan.sip_domains) domains.insert(domain.str());
  if (plan.topology) {
    for (const std::string& domain : plan.topology->federation.xmpp_domains)
      domains.insert(ToLower(domain));
  }
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    bool public_only = MustBePublic(cert);
    for (const std::string& name : NamesOf(cert)) {
      if (domains.contains(name)) continue;
      bool resolves = external.Resolves(name) || (!public_only && internal.Resolves(name));
      if (resolves) continue;
      diagnostics.Error(
          "LT5103", "", {},
          fmt::format("certificate {} carries '{}', which no {} DNS name of the plan "
                      "matches",
                      cert.id, name, public_only ? "external" : "internal or external"));
    }
  }
}

}  // namespace lynctopo
