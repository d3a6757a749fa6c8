#include "model/load.hpp"

namespace lynctopo {

// Placeholder until the formats work lands.
std::optional<Topology> LoadXmlTopology(std::string_view, const std::string& path,
                                        Diagnostics& diagnostics) {
  diagnostics.Error("LT0001", path, {}, "XML topology reading is not implemented yet");
  return std::nullopt;
}

std::string WriteXmlTopology(const Topology&) { return "<topology/>\n"; }

}  // namespace lynctopo
