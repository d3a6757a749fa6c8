#pragma once

// The one table that says what kind of rule each validation code is, and so its severity.
//
// A *product* rule is what Topology Builder or Publish-CsTopology itself refuses, or what makes
// an artifact impossible to produce (a malformed name, a dangling reference, a name that would
// break out of its quoting): always an error. A *design* rule is a Microsoft recommendation or a
// feature prerequisite (distinct internal and external web FQDNs for Mobility, a load balancer
// for a multi-server pool, simple URLs present): a warning that names the feature it breaks,
// and an error only under --strict (or `"strict": true` in the topology). A topology that Lync
// accepted and published is valid: whatever it breaks is, by that test, a design rule.

#include <span>
#include <string_view>

#include "model/diagnostics.hpp"

namespace lynctopo {

enum class RuleKind { kProduct, kDesign };

struct RuleKindEntry {
  std::string_view code;
  RuleKind kind;
};

std::string_view ToString(RuleKind kind);  // "product", "design"

// Every validation code (LT1xxx), sorted by code.
std::span<const RuleKindEntry> ValidationRuleKinds();

// The kind of `code`; nullptr when it is not a validation code.
const RuleKind* FindRuleKind(std::string_view code);

// Product rules are errors; design rules are warnings, or errors when `strict`.
Severity SeverityOf(RuleKind kind, bool strict);

}  // namespace lynctopo
