#include "model/load.hpp"

namespace lynctopo {

// Placeholder until the formats work lands.
std::optional<Topology> LoadJsonTopology(std::string_view, const std::string& path,
                                         Diagnostics& diagnostics) {
  diagnostics.Error("LT0001", path, {}, "JSON topology reading is not implemented yet");
  return std::nullopt;
}

std::string WriteJsonTopology(const Topology&) { return "{}\n"; }

}  // namespace lynctopo
