#include "generators/dns/dns_checks.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"

namespace lynctopo {
namespace {

// Names the record set lists as "address unknown": they have no record by design, and the
// listing says so, so a record or certificate pointing at one is not an inconsistency.
std::set<std::pair<View, std::string>> UnknownAddresses(const DnsRecordSet& set) {
  std::set<std::pair<View, std::string>> unknown;
  for (const DnsUnknownAddress& u : set.unknown_addresses) unknown.insert({u.view, u.name});
  return unknown;
}

}  // namespace

void CheckDnsSrvTargets(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.dns) return;
  const DnsRecordSet& set = *artifacts.dns;
  const std::set<std::pair<View, std::string>> unknown = UnknownAddresses(set);
  for (const DnsRecord& srv : set.records) {
    if (srv.type != DnsType::kSrv) continue;
    if (unknown.contains({srv.view, srv.value})) continue;
    bool host = false;
    bool alias = false;
    for (size_t i : set.At(srv.view, srv.value)) {
      DnsType type = set.records[i].type;
      host = host || type == DnsType::kA || type == DnsType::kAAAA;
      alias = alias || type == DnsType::kCname;
    }
    if (host) continue;
    diagnostics.Error("LT6010", "", {},
                      std::string(ToString(srv.view)) + " SRV " + srv.name + " targets " +
                          srv.value +
                          (alias ? ", which is a CNAME; an SRV target must be a host (A/AAAA)"
                                 : ", which has no A/AAAA record in the same view"));
  }
}

void CheckDnsViewScopes(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.dns) return;
  const DnsRecordSet& set = *artifacts.dns;
  // Internal web services names of the plan: internal only (R10, F8).
  std::set<std::string> internal_web;
  if (artifacts.plan) {
    for (const PlannedName& n : artifacts.plan->names) {
      if (n.role == NameRole::kInternalWeb && n.view == View::kInternal) {
        internal_web.insert(n.fqdn.str());
      }
    }
  }
  std::set<std::pair<View, std::string>> reported;
  for (const DnsRecord& r : set.records) {
    std::string_view first = std::string_view(r.name).substr(0, r.name.find('.'));
    std::string why;
    if (r.view == View::kInternal && first == "lyncdiscover") {
      why = "lyncdiscover names belong to external DNS only";
    } else if (r.view == View::kExternal && first == "lyncdiscoverinternal") {
      why = "lyncdiscoverinternal names belong to internal DNS only";
    } else if (r.view == View::kExternal && internal_web.count(r.name)) {
      why = "internal web services names must resolve only inside";
    }
    if (why.empty() || !reported.insert({r.view, r.name}).second) continue;
    diagnostics.Error("LT6011", "", {},
                      std::string(ToString(r.view)) + " DNS has " + r.name + ": " + why);
  }
}

void CheckDnsCertificateNames(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.dns || !artifacts.certificates) return;
  const DnsRecordSet& set = *artifacts.dns;
  // Views into the plan and the certificates, hashed: every server certificate carries names
  // per SIP domain, so this rule asks about millions of names on a large plan.
  std::unordered_set<std::string_view> domains;
  if (artifacts.plan) {
    for (const Fqdn& d : artifacts.plan->sip_domains) domains.insert(d.str());
  }
  const std::set<std::pair<View, std::string>> unknown = UnknownAddresses(set);
  std::unordered_set<std::string_view> internally_named;
  if (artifacts.plan) {
    for (const PlannedName& n : artifacts.plan->names) {
      if (n.view == View::kInternal) internally_named.insert(n.fqdn.str());
    }
  }
  std::vector<std::string_view> names;
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    if (cert.role == CertificateRole::kOAuth) continue;  // a signing certificate, not a host
    bool external_only =
        cert.role == CertificateRole::kEdgeExternal || cert.role == CertificateRole::kReverseProxy;
    // Each name once, in order (as a std::set of them was).
    names.assign(cert.sans.begin(), cert.sans.end());
    if (!cert.subject.empty()) names.push_back(cert.subject);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (std::string_view name : names) {
      if (IsWildcard(name) || domains.count(name)) continue;
      // Internal certificates are served to internal clients, so their names must resolve
      // inside; names the plan keeps out of internal DNS (lyncdiscover.*, a pool's external web
      // FQDN, reached only through the reverse proxy) are checked in external DNS instead.
      bool outside_only = external_only || name.starts_with("lyncdiscover.") ||
                          (artifacts.plan && !internally_named.contains(name));
      View needed = outside_only ? View::kExternal : View::kInternal;
      if (!set.At(needed, name).empty() || unknown.contains({needed, std::string(name)})) continue;
      diagnostics.Error("LT6012", "", {},
                        "certificate " + cert.id + " carries " + std::string(name) +
                            ", which has no " + ToString(needed) + " DNS record" +
                            (needed == View::kInternal ? " (internal clients resolve it)" : ""));
    }
  }
}

}  // namespace lynctopo
