#include "generators/dns/dns_checks.hpp"

#include <set>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"

namespace lynctopo {

void CheckDnsSrvTargets(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.dns) return;
  const DnsRecordSet& set = *artifacts.dns;
  for (const DnsRecord& srv : set.records) {
    if (srv.type != DnsType::kSrv) continue;
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
  std::set<std::string> domains;
  if (artifacts.plan) {
    for (const Fqdn& d : artifacts.plan->sip_domains) domains.insert(d.str());
  }
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    if (cert.role == CertificateRole::kOAuth) continue;  // a signing certificate, not a host
    bool external_only =
        cert.role == CertificateRole::kEdgeExternal || cert.role == CertificateRole::kReverseProxy;
    std::set<std::string> names(cert.sans.begin(), cert.sans.end());
    if (!cert.subject.empty()) names.insert(cert.subject);
    for (const std::string& name : names) {
      if (IsWildcard(name) || domains.count(name)) continue;
      // Internal certificates are served to internal clients, so their names must resolve
      // inside; lyncdiscover.* is the exception: it exists only in external DNS (LT6011) and is
      // on the web certificate for the requests the reverse proxy forwards.
      bool lyncdiscover = name.starts_with("lyncdiscover.");
      View needed = external_only || lyncdiscover ? View::kExternal : View::kInternal;
      if (!set.At(needed, name).empty()) continue;
      diagnostics.Error("LT6012", "", {},
                        "certificate " + cert.id + " carries " + name + ", which has no " +
                            ToString(needed) + " DNS record" +
                            (needed == View::kInternal ? " (internal clients resolve it)" : ""));
    }
  }
}

}  // namespace lynctopo
