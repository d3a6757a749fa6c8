#include "model/validate/validate.hpp"

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"
#include "model/validate/rule_kinds.hpp"

namespace lynctopo {
namespace validation {

Context::Context(const Topology& t, Diagnostics& d, const ValidationOptions& options)
    : topology(t),
      diagnostics(d),
      strict(options.strict || t.strict),
      design_rules(options.design_rules) {
  for (const Site& site : t.sites) {
    sites_by_name.try_emplace(ToLower(site.name), &site);
    for (const Pool& pool : site.pools) {
      PoolRef ref{&site, &pool};
      pools.push_back(ref);
      if (!pool.fqdn.empty()) pools_by_fqdn[ToLower(pool.fqdn)].push_back(ref);
    }
  }
  for (const std::string& domain : t.sip_domains) sip_domains.insert(ToLower(domain));
}

const PoolRef* Context::FindPool(std::string_view fqdn) const {
  auto it = pools_by_fqdn.find(ToLower(fqdn));
  return it == pools_by_fqdn.end() ? nullptr : &it->second.front();
}

const Site* Context::FindSite(std::string_view name) const {
  auto it = sites_by_name.find(ToLower(name));
  return it == sites_by_name.end() ? nullptr : it->second;
}

bool Context::IsSipDomain(std::string_view domain) const {
  return sip_domains.count(ToLower(domain)) > 0;
}

void Context::Report(std::string code, const Origin& origin, std::string_view field,
                     std::string message) {
  const RuleKind* kind = FindRuleKind(code);
  // A code missing from the table is a bug (a unit test catches it); it counts as an error.
  RuleKind effective = kind ? *kind : RuleKind::kProduct;
  if (effective == RuleKind::kDesign && !design_rules) return;
  diagnostics.Report({std::move(code), SeverityOf(effective, strict), topology.source_file,
                      field.empty() ? origin.loc : origin.Field(field), std::move(message)});
}

}  // namespace validation

void ValidateTopology(const Topology& topology, Diagnostics& diagnostics,
                      const ValidationOptions& options) {
  validation::Context ctx(topology, diagnostics, options);
  validation::CheckDeployment(ctx);
  validation::CheckSites(ctx);
  validation::CheckReferences(ctx);
  validation::CheckPools(ctx);
  validation::CheckEdge(ctx);
  validation::CheckNameClashes(ctx);
  validation::CheckSimpleUrls(ctx);
  validation::CheckKerberos(ctx);
  validation::CheckCertificatePolicy(ctx);
  validation::CheckVoiceAndReleases(ctx);
}

}  // namespace lynctopo
