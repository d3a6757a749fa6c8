#include "generators/check/check.hpp"

#include <exception>
#include <vector>

#include <fmt/format.h>

#include "generators/check/expected_rules.hpp"
#include "generators/side_by_side.hpp"

namespace lynctopo {

void RunConsistencyCheck(const ArtifactSet& artifacts, Diagnostics& diagnostics, unsigned jobs) {
  RunConsistencyCheck(artifacts, AllConsistencyRules(), diagnostics, jobs);
}

void RunConsistencyCheck(const ArtifactSet& artifacts, std::span<const ConsistencyRule> rules,
                         Diagnostics& diagnostics, unsigned jobs) {
  if (artifacts.plan == nullptr) return;
  const RuleRunScope scope;  // the rules share their indexes of these models
  // The rules only read the models: side by side, each into its own findings, appended in the
  // table's order.
  std::vector<Diagnostics> found(rules.size());
  RunSideBySide(rules.size(), jobs, [&](size_t i) {
    const JoinedRuleRun joined(scope);
    try {
      rules[i].run(artifacts, found[i]);
    } catch (const std::exception& e) {
      // A bug in a rule must not hide the other rules' findings.
      found[i].Error("LT4100", "", {},
                     fmt::format("consistency rule {} failed: {}", rules[i].code, e.what()));
    }
  });
  for (const Diagnostics& one : found) diagnostics.Append(one);
}

}  // namespace lynctopo
