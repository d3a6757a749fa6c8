#pragma once

#include "model/diagnostics.hpp"
#include "model/topology.hpp"

namespace lynctopo {

struct ValidationOptions {
  // Design rules (model/validate/rule_kinds.hpp) are errors instead of warnings. A topology can
  // ask for this itself with `"strict": true`.
  bool strict = false;
  // False leaves design rules out entirely: the actual side of a diff is what is deployed, and
  // only what makes it unreadable or its artifacts impossible matters there.
  bool design_rules = true;
};

// Checks every rule of spec §E and §F the model can express, referential integrity and
// quoting safety, reporting all problems (never stopping at the first). Codes: docs/diagnostics.md.
// Severities come from each rule's kind (product: error; design: warning, or error when strict).
void ValidateTopology(const Topology& topology, Diagnostics& diagnostics,
                      const ValidationOptions& options = {});

}  // namespace lynctopo
