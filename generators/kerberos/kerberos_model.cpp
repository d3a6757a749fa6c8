#include "generators/kerberos/kerberos_model.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace lynctopo {
namespace {

constexpr size_t kMaxNetbiosName = 15;

std::string SpnFor(const Fqdn& host) {
  return "HTTP/" + host.str();
}

const std::string& SourceFile(const Plan& plan) {
  static const std::string kNone;
  return plan.topology ? plan.topology->source_file : kNone;
}

}  // namespace

const char* ToString(SpnRegistration registration) {
  return registration == SpnRegistration::kEnableCsTopology ? "Enable-CsTopology" : "setspn";
}

std::string AccountUserName(const std::string& account) {
  size_t slash = account.find('\\');
  return slash == std::string::npos ? account : account.substr(slash + 1);
}

std::string DomainToDn(const std::string& dns_domain) {
  std::string dn;
  size_t start = 0;
  while (start < dns_domain.size()) {
    size_t dot = dns_domain.find('.', start);
    if (dot == std::string::npos) dot = dns_domain.size();
    if (!dn.empty()) dn += ',';
    dn += "DC=" + dns_domain.substr(start, dot - start);
    start = dot + 1;
  }
  return dn;
}

KerberosPlan BuildKerberosPlan(const Plan& plan, Diagnostics& diagnostics) {
  KerberosPlan result;
  // Accounts are matched case-insensitively, as Active Directory does.
  std::map<std::string, size_t> account_index;
  std::unordered_map<std::string, const PlannedSite*> site_by_name;
  for (const PlannedSite& site : plan.sites) site_by_name.emplace(site.name, &site);

  // Only IIS serves Kerberos-authenticated web requests: a site without an IIS pool (a branch
  // holding only a Survivable Branch Appliance) gets no assignment (docs/domain-calls.md).
  std::unordered_set<std::string> sites_with_iis;
  for (const PlannedPool& pool : plan.pools) {
    if (RunsIis(pool.kind)) sites_with_iis.insert(pool.site);
  }
  for (const PlannedSite& site : plan.sites) {
    if (!site.kerberos_account) continue;
    const KerberosAccount& account = *site.kerberos_account;
    if (!sites_with_iis.contains(site.name)) {
      if (AccountUserName(account.account).size() > kMaxNetbiosName) {
        diagnostics.Error("LT8001", SourceFile(plan), account.origin.Field("account"),
                          "Kerberos account '" + account.account +
                              "' has a name longer than 15 characters (NetBIOS limit)");
      }
      diagnostics.Warning("LT8005", SourceFile(plan), account.origin.loc,
                          "site '" + site.name + "' has Kerberos account '" + account.account +
                              "' but no pool that runs IIS (Standard Edition, Front End, "
                              "Director); no account assignment or test is planned for it");
      continue;
    }
    const std::string key = ToLower(account.account);
    auto [it, inserted] = account_index.emplace(key, result.accounts.size());
    if (inserted) {
      std::string container = account.container_dn;
      if (container.empty() && plan.topology && !plan.topology->ad_domain.empty()) {
        container = "CN=Computers," + DomainToDn(plan.topology->ad_domain);
      }
      std::string dn = "CN=" + AccountUserName(account.account);
      if (!container.empty()) dn += "," + container;
      result.accounts.push_back({account.account, account.container_dn, dn, {}});
      if (AccountUserName(account.account).size() > kMaxNetbiosName) {
        diagnostics.Error("LT8001", SourceFile(plan), account.origin.Field("account"),
                          "Kerberos account '" + account.account +
                              "' has a name longer than 15 characters (NetBIOS limit)");
      }
    } else if (ToLower(result.accounts[it->second].container_dn) != ToLower(account.container_dn)) {
      diagnostics.Warning("LT8002", SourceFile(plan), account.origin.Field("container_dn"),
                          "Kerberos account '" + account.account + "' is given container '" +
                              account.container_dn + "' in site '" + site.name + "' but '" +
                              result.accounts[it->second].container_dn +
                              "' elsewhere; the first is used");
    }
    result.accounts[it->second].sites.push_back(site.name);
  }

  // SPNs: HTTP/<pool FQDN> for every IIS pool of an assigned site, registered by
  // Enable-CsTopology; HTTP/<internal web FQDN> by hand where it is overridden.
  std::map<std::string, size_t> spn_index;  // lower-case SPN -> position in result.spns
  auto add_spn = [&](const Fqdn& host, const PlannedPool& pool, const std::string& account,
                     SpnRegistration how) {
    std::string spn = SpnFor(host);
    auto [it, inserted] = spn_index.emplace(spn, result.spns.size());
    if (inserted) {
      result.spns.push_back({spn, host.str(), pool.site, pool.fqdn.str(), account, how});
      return;
    }
    const SpnPlan& existing = result.spns[it->second];
    if (ToLower(existing.account) != ToLower(account)) {
      diagnostics.Error("LT8003", SourceFile(plan),
                        pool.source ? pool.source->origin.loc : SourceLoc{},
                        "SPN '" + spn + "' would be registered on both '" + existing.account +
                            "' and '" + account + "'; an SPN must belong to one account");
    }
  };

  std::unordered_map<std::string, bool> warned_sites;
  for (const PlannedPool& pool : plan.pools) {
    if (!RunsIis(pool.kind)) continue;
    auto site_it = site_by_name.find(pool.site);
    const KerberosAccount* account =
        site_it == site_by_name.end() ? nullptr : site_it->second->kerberos_account;
    if (!account) {
      if (!plan.sites.empty() && !warned_sites[pool.site]) {
        warned_sites[pool.site] = true;
        result.sites_without_account.push_back(pool.site);
      }
      continue;
    }
    add_spn(pool.fqdn, pool, account->account, SpnRegistration::kEnableCsTopology);
    if (pool.internal_web_overridden && !pool.internal_web_fqdn.empty()) {
      add_spn(pool.internal_web_fqdn, pool, account->account, SpnRegistration::kSetspn);
    }
  }

  std::unordered_map<std::string, SourceLoc> site_locations;
  if (plan.topology) {
    for (const Site& site : plan.topology->sites)
      site_locations.emplace(site.name, site.origin.loc);
  }
  for (const std::string& site : result.sites_without_account) {
    diagnostics.Warning(
        "LT8004", SourceFile(plan), site_locations[site],
        "site '" + site +
            "' has IIS pools but no Kerberos account: web services fall back to NTLM, or to a "
            "standard user account whose password can expire; add a kerberos_account");
  }

  std::sort(result.accounts.begin(), result.accounts.end(),
            [](const KerberosAccountPlan& a, const KerberosAccountPlan& b) {
              return ToLower(a.account) < ToLower(b.account);
            });
  std::sort(result.spns.begin(), result.spns.end(),
            [](const SpnPlan& a, const SpnPlan& b) { return a.spn < b.spn; });
  return result;
}

}  // namespace lynctopo
