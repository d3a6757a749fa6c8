#pragma once

#include "model/diagnostics.hpp"
#include "model/topology.hpp"

namespace lynctopo {

// Checks every rule of spec §E and §F the model can express, referential integrity and
// quoting safety, reporting all problems (never stopping at the first). Codes: docs/diagnostics.md.
void ValidateTopology(const Topology& topology, Diagnostics& diagnostics);

}  // namespace lynctopo
