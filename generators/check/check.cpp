#include "generators/check/check.hpp"

#include <exception>

#include <fmt/format.h>

#include "generators/check/expected_rules.hpp"

namespace lynctopo {

void RunConsistencyCheck(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  RunConsistencyCheck(artifacts, AllConsistencyRules(), diagnostics);
}

void RunConsistencyCheck(const ArtifactSet& artifacts, std::span<const ConsistencyRule> rules,
                         Diagnostics& diagnostics) {
  if (artifacts.plan == nullptr) return;
  const RuleRunScope scope;  // the rules share their indexes of these models
  for (const ConsistencyRule& rule : rules) {
    try {
      rule.run(artifacts, diagnostics);
    } catch (const std::exception& e) {
      // A bug in a rule must not hide the other rules' findings.
      diagnostics.Error("LT4100", "", {},
                        fmt::format("consistency rule {} failed: {}", rule.code, e.what()));
    }
  }
}

}  // namespace lynctopo
