#pragma once

// Turns the neutral RawTopology into our model: resolves references, infers pool kinds,
// reads web and Edge settings, and reports names that are still template placeholders.

#include <string>

#include "model/diagnostics.hpp"
#include "model/lync/raw.hpp"
#include "model/topology.hpp"

namespace lynctopo {

Topology BuildImportedTopology(const RawTopology& raw, const std::string& path,
                               Diagnostics& diagnostics);

}  // namespace lynctopo
