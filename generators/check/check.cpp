#include "generators/check/check.hpp"

#include <exception>

#include <fmt/format.h>

namespace lynctopo {

void RunConsistencyCheck(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  RunConsistencyCheck(artifacts, AllConsistencyRules(), diagnostics);
}

void RunConsistencyCheck(const ArtifactSet& artifacts, std::span<const ConsistencyRule> rules,
                         Diagnostics& diagnostics) {
  if (artifacts.plan == nullptr) return;
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
