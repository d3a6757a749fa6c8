#include "generators/kerberos/kerberos_checks.hpp"

#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"

namespace lynctopo {

void CheckIisPoolsHaveSpns(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan || !artifacts.kerberos) return;
  const Plan& plan = *artifacts.plan;
  std::unordered_map<std::string, const KerberosAccount*> account_of_site;
  for (const PlannedSite& site : plan.sites) account_of_site[site.name] = site.kerberos_account;
  std::set<std::pair<std::string, std::string>> registered;  // (SPN, lower-case account)
  for (const SpnPlan& spn : artifacts.kerberos->spns) {
    registered.emplace(spn.spn, ToLower(spn.account));
  }
  auto require = [&](const PlannedPool& pool, const Fqdn& host, const KerberosAccount& account) {
    std::string spn = "HTTP/" + host.str();
    if (registered.count({spn, ToLower(account.account)})) return;
    diagnostics.Error("LT8101", "", {},
                      fmt::format("IIS pool '{}' in site '{}' has no SPN '{}' on account '{}'",
                                  pool.fqdn.str(), pool.site, spn, account.account));
  };
  for (const PlannedPool& pool : plan.pools) {
    if (!RunsIis(pool.kind)) continue;
    const KerberosAccount* account = account_of_site[pool.site];
    if (!account) continue;  // warned by LT8004 when the plan is built
    require(pool, pool.fqdn, *account);
    if (pool.internal_web_overridden) require(pool, pool.internal_web_fqdn, *account);
  }
}

void CheckSpnHostsResolveAndAreCertified(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.kerberos) return;
  // The certificates IIS serves internally for each pool: Default (combined) or
  // WebServicesInternal, one per server.
  std::unordered_map<std::string, std::vector<const PlannedCertificate*>> internal_web_certs;
  if (artifacts.certificates) {
    for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
      bool internal_web = false;
      for (const std::string& use : cert.uses) {
        internal_web = internal_web || use == "WebServicesInternal";
      }
      if (internal_web && !cert.pool.empty()) internal_web_certs[cert.pool].push_back(&cert);
    }
  }
  for (const SpnPlan& spn : artifacts.kerberos->spns) {
    // Resolves in the DNS model (what is published), not merely among the plan's names.
    if (artifacts.dns && artifacts.dns->At(View::kInternal, spn.host).empty()) {
      diagnostics.Error("LT8102", "", {},
                        fmt::format("SPN '{}' names '{}', which does not resolve in internal DNS",
                                    spn.spn, spn.host));
    }
    for (const PlannedCertificate* cert : internal_web_certs[spn.pool]) {
      bool covered = false;
      for (const std::string& san : cert->sans) covered = covered || SanCovers(san, spn.host);
      if (covered) continue;
      // A split certificate carries the name on another part.
      if (cert->parts > 1) continue;
      diagnostics.Error("LT8102", "", {},
                        fmt::format("SPN '{}' names '{}', which is not on certificate '{}' that "
                                    "IIS serves for pool '{}'",
                                    spn.spn, spn.host, cert->id, spn.pool));
    }
  }
}

}  // namespace lynctopo
