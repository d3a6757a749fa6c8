#include "generators/artifact_set.hpp"

#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {

ArtifactSet BuildArtifacts(const Plan& plan, Diagnostics& diagnostics) {
  ArtifactSet set;
  set.plan = &plan;
  (void)diagnostics;
  // ---- Artifact model builders, in dependency order (certificates before the proxy rules that
  // name them). Generator engineers: add one call each, and fill `set.counts` for the
  // `generate` summary table, e.g.
  //   set.certificates = BuildCertificateSet(plan, diagnostics);
  //   set.counts["certificates"] = set.certificates->certificates.size();
  set.proxy = std::make_shared<ProxyRuleSet>(BuildProxyRules(plan, diagnostics));
  set.counts["proxy rules"] = set.proxy->rules.size();
  // ---- end of builders
  return set;
}

}  // namespace lynctopo
