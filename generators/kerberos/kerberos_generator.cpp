#include "generators/kerberos/kerberos_generator.hpp"

#include <map>

#include "generators/escape.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/powershell_view.hpp"

namespace lynctopo {
namespace {

constexpr std::string_view kName = "kerberos";

// The view of templates/kerberos/runbook.ps1.mustache (documented in docs/templates.md).
nlohmann::json RunbookView(const KerberosPlan& kerberos) {
  nlohmann::json accounts = nlohmann::json::array();
  for (const KerberosAccountPlan& account : kerberos.accounts) {
    nlohmann::json sites = nlohmann::json::array();
    for (const std::string& site : account.sites) {
      sites.push_back(
          {{"site_comment", CommentText(site)}, {"identity_ps", PowerShellQuote("site:" + site)}});
    }
    accounts.push_back({{"account", account.account},
                        {"account_ps", PowerShellQuote(account.account)},
                        {"user_name_ps", PowerShellQuote(AccountUserName(account.account))},
                        {"sam_filter_ps", PowerShellQuote("(sAMAccountName=" +
                                                          AccountUserName(account.account) + "$)")},
                        {"has_container", !account.container_dn.empty()},
                        {"container_dn_ps", PowerShellQuote(account.container_dn)},
                        {"shared", account.sites.size() > 1},
                        {"sites", std::move(sites)}});
  }
  nlohmann::json manual = nlohmann::json::array();
  for (const SpnPlan& spn : kerberos.spns) {
    if (spn.registered_by != SpnRegistration::kSetspn) continue;
    manual.push_back({{"spn", spn.spn},
                      {"spn_ps", PowerShellQuote(spn.spn)},
                      {"account", spn.account},
                      {"account_ps", PowerShellQuote(spn.account)},
                      {"pool", spn.pool}});
  }
  nlohmann::json automatic = nlohmann::json::array();
  for (const SpnPlan& spn : kerberos.spns) {
    if (spn.registered_by == SpnRegistration::kEnableCsTopology) {
      automatic.push_back({{"spn", spn.spn}, {"account", spn.account}});
    }
  }
  nlohmann::json missing = nlohmann::json::array();
  for (const std::string& site : kerberos.sites_without_account) {
    missing.push_back(CommentText(site));
  }
  return {{"accounts", std::move(accounts)},
          {"has_accounts", !kerberos.accounts.empty()},
          {"manual_spns", manual},
          {"has_manual_spns", !manual.empty()},
          {"automatic_spns", std::move(automatic)},
          {"sites_without_account", missing},
          {"has_sites_without_account", !missing.empty()}};
}

// The view of templates/kerberos/spns.ldif.mustache: one modify entry per account.
nlohmann::json LdifView(const KerberosPlan& kerberos) {
  std::map<std::string, std::vector<const SpnPlan*>> by_account;
  for (const SpnPlan& spn : kerberos.spns) by_account[ToLower(spn.account)].push_back(&spn);
  nlohmann::json entries = nlohmann::json::array();
  for (const KerberosAccountPlan& account : kerberos.accounts) {
    nlohmann::json values = nlohmann::json::array();
    for (const SpnPlan* spn : by_account[ToLower(account.account)]) {
      values.push_back(
          {{"line", IsLdifSafe(spn->spn) ? "servicePrincipalName: " + spn->spn
                                         : "servicePrincipalName:: " + Base64(spn->spn)}});
    }
    if (values.empty()) continue;
    const std::string& dn = account.distinguished_name;
    entries.push_back({{"dn_line", IsLdifSafe(dn) ? "dn: " + dn : "dn:: " + Base64(dn)},
                       {"account", account.account},
                       {"values", std::move(values)}});
  }
  return {{"entries", std::move(entries)}};
}

}  // namespace

nlohmann::json KerberosPlanToJson(const KerberosPlan& kerberos) {
  nlohmann::json accounts = nlohmann::json::array();
  for (const KerberosAccountPlan& account : kerberos.accounts) {
    accounts.push_back({{"account", account.account},
                        {"container_dn", account.container_dn},
                        {"sites", account.sites}});
  }
  nlohmann::json spns = nlohmann::json::array();
  for (const SpnPlan& spn : kerberos.spns) {
    spns.push_back({{"spn", spn.spn},
                    {"site", spn.site},
                    {"pool", spn.pool},
                    {"account", spn.account},
                    {"registered_by", ToString(spn.registered_by)}});
  }
  return {{"format_version", 1}, {"accounts", std::move(accounts)}, {"spns", std::move(spns)}};
}

namespace {

class KerberosGeneratorImpl : public Generator {
 public:
  std::string_view name() const override { return kName; }
  void AddModels(ModelChoice& needed) const override { needed.kerberos = true; }
  std::string_view summary() const override {
    return "Kerberos web authentication accounts, assignments and SPNs";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

}  // namespace

void KerberosGeneratorImpl::Generate(const Plan&, const GeneratorOptions&,
                                     GeneratorContext& context) const {
  if (!context.artifacts.kerberos) return;
  const KerberosPlan& kerberos = *context.artifacts.kerberos;
  Diagnostics& diagnostics = context.diagnostics;
  context.outputs.Add("kerberos/plan.json", KerberosPlanToJson(kerberos).dump(2) + "\n", kName,
                      diagnostics);
  nlohmann::json runbook = RunbookView(kerberos);
  runbook["product"] = PowerShellProduct(context.artifacts.plan);
  RenderArtifact(context, kName, "kerberos/runbook.ps1.mustache", runbook, "kerberos/kerberos.ps1");
  RenderArtifact(context, kName, "kerberos/spns.ldif.mustache", LdifView(kerberos),
                 "kerberos/spns.ldif");
}

const Generator& KerberosGenerator() {
  static const KerberosGeneratorImpl instance;
  return instance;
}

}  // namespace lynctopo
