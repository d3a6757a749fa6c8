#include "generators/artifact_set.hpp"

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/proxy/proxy_certificates.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {

ArtifactSet BuildArtifacts(const Plan& plan, Diagnostics& diagnostics, const ModelChoice& choice) {
  ArtifactSet set;
  set.plan = &plan;
  // ---- Artifact model builders, in dependency order (certificates before the proxy rules that
  // name them). Generator engineers: add one call each, and fill `set.counts` for the
  // `generate` summary table, e.g.
  //   set.certificates = BuildCertificateSet(plan, diagnostics);
  //   set.counts["certificates"] = set.certificates->certificates.size();
  if (choice.certificates || choice.proxy) {
    set.certificates = std::make_shared<const CertificateSet>(BuildCertificates(plan, diagnostics));
    set.counts["certificates"] = set.certificates->certificates.size();
  }
  if (choice.dns) {
    set.dns = std::make_shared<const DnsRecordSet>(BuildDnsRecords(plan, diagnostics));
    set.counts["dns records"] = set.dns->records.size();
  }
  if (choice.proxy) {
    auto proxy = std::make_shared<ProxyRuleSet>(BuildProxyRules(plan, diagnostics));
    AssignListenerCertificates(*proxy, *set.certificates);
    set.proxy = std::move(proxy);
    set.counts["proxy rules"] = set.proxy->rules.size();
  }
  if (choice.kerberos) {
    set.kerberos = std::make_shared<const KerberosPlan>(BuildKerberosPlan(plan, diagnostics));
    set.counts["spns"] = set.kerberos->spns.size();
  }
  if (choice.iis) {
    set.iis = std::make_shared<const IisPlan>(BuildIisPlan(plan, diagnostics));
    set.counts["iis servers"] = set.iis->servers.size();
  }
  // ---- end of builders
  return set;
}

}  // namespace lynctopo
