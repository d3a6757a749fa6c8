#pragma once

// The consistency check: cross-artifact rules over the artifact models (never over rendered
// text), run by `lynctopo check` and at the end of every `generate`. Each rule has its own
// diagnostic code; a violation is an error.

#include <span>

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

struct ConsistencyRule {
  const char* code;     // the code the rule reports ("LT4101")
  const char* summary;  // one line, shown by docs and --help
  // Must tolerate absent models (a nullptr in the ArtifactSet): skip what is not there.
  void (*run)(const ArtifactSet& artifacts, Diagnostics& diagnostics);
};

// The static table (generators/check/rules.cpp), in run order.
std::span<const ConsistencyRule> AllConsistencyRules();

// Runs every rule of `rules` (the table by default); a rule that throws is reported as LT4100
// and the others still run. Nothing runs without a plan. `jobs` rules at a time (0: one per
// core); the findings, and their order (the table's), are the same whatever `jobs` is.
void RunConsistencyCheck(const ArtifactSet& artifacts, Diagnostics& diagnostics, unsigned jobs = 1);
void RunConsistencyCheck(const ArtifactSet& artifacts, std::span<const ConsistencyRule> rules,
                         Diagnostics& diagnostics, unsigned jobs = 1);

}  // namespace lynctopo
