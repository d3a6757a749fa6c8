#pragma once

// Consistency rules of the reverse proxy (issue 6, item 4), to be listed in the check table
// (generators/check/rules.cpp) once it exists. They reason about the plan and the rule model:
//   LT7020 a public host has no external DNS record pointing at its publishing proxy (read from
//          the DNS model: an address of the proxy's listener or a CNAME to its FQDN);
//   LT7021 an SE / FE / Director pool's external web FQDN is not published;
//   LT7022 the Admin simple URL host is published (call 3);
//   LT7023 a TLS-published host has no listener certificate.

#include "generators/artifact_set.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Reports every violation of LT7021-LT7023 (of rule `only_code`, or all when null); returns
// the count. LT7020 needs the DNS model: CheckProxyHostsResolveToProxy.
size_t CheckProxyConsistency(const Plan& plan, const ProxyRuleSet& rules, Diagnostics& diagnostics,
                             const char* only_code = nullptr);

// The entries of the consistency table (generators/check/rules.cpp), one per code.
void CheckProxyHostsResolveToProxy(const ArtifactSet& artifacts, Diagnostics& diagnostics);
void CheckExternalWebPublished(const ArtifactSet& artifacts, Diagnostics& diagnostics);
void CheckAdminNeverPublished(const ArtifactSet& artifacts, Diagnostics& diagnostics);
void CheckProxyListenerCertificates(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
