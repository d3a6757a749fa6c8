#pragma once

// The report's diagrams as DOT: the global topology (sites and their pools), one per site
// with Internet / perimeter / internal zones, and the Edge network. Built from the plan, the
// proxy rules and the load-balancer plan only.

#include <string>
#include <vector>

#include "generators/loadbalancer/loadbalancer_model.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

struct Diagram {
  std::string id;     // "global", "site-1", "edge-network": HTML anchor and node id prefix
  std::string title;  // "Global topology", "Site Redmond", ...
  std::string file;   // "global.dot" (under report/)
  std::string dot;
};

// Node ids in the SVG: "<diagram id>-pool-<n>" for pools (n: index in plan.pools), so a test
// or a script can find every pool of a diagram.
std::vector<Diagram> BuildDiagrams(const Plan& plan, const ProxyRuleSet& proxy,
                                   const LoadBalancerPlan& lb);

// A DOT double-quoted string's content: backslash and quote escaped, control characters
// folded to spaces (a label line break is written as "\n" by the caller).
std::string DotEscape(std::string_view text);

}  // namespace lynctopo
