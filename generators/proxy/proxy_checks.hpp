#pragma once

// Consistency rules of the reverse proxy (issue 6, item 4), to be listed in the check table
// (generators/check_rules.cpp) once it exists. They reason about the plan and the rule model:
//   LT7020 a public host has no external DNS name pointing at its publishing proxy;
//   LT7021 an SE / FE / Director pool's external web FQDN is not published;
//   LT7022 the Admin simple URL host is published (call 3);
//   LT7023 a TLS-published host has no listener certificate.

#include "generators/proxy/proxy_model.hpp"
#include "model/diagnostics.hpp"
#include "model/plan.hpp"

namespace lynctopo {

// Reports every violation; returns the number found.
size_t CheckProxyConsistency(const Plan& plan, const ProxyRuleSet& rules, Diagnostics& diagnostics);

}  // namespace lynctopo
