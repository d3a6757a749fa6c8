#pragma once

// Between the syntax-neutral tree (tree.hpp) and the model, for both our formats.

#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/formats/tree.hpp"
#include "model/topology.hpp"

namespace lynctopo {

struct TreeReadOptions {
  bool xml = false;      // the tree came from XML: scalars are untyped attribute text
  bool partial = false;  // an overlay: required fields may be left out
};

// Binds `root` to a Topology, reporting unknown fields (with a "did you mean"), wrong types,
// bad enum values and missing required fields at their positions. Every object's Origin gets
// its own position and one entry per field present in the file (list items as "field/N",
// sub-objects without their own Origin as "field/sub"). Returns nullopt only when the document
// cannot be understood at all (not an object, unsupported format_version).
std::optional<Topology> ReadTopologyTree(const FormatNode& root, const std::string& path,
                                         Diagnostics& diagnostics, const TreeReadOptions& options);

// The tree for `topology` with every field, in the fixed order of fields.hpp.
FormatNode WriteTopologyTree(const Topology& topology);

}  // namespace lynctopo
