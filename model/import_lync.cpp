#include "model/import_lync.hpp"

namespace lynctopo {

// Placeholder until the import work lands.
std::optional<Topology> ImportLyncTopology(std::string_view, const std::string& path,
                                           const LoadOptions&, Diagnostics& diagnostics) {
  diagnostics.Error("LT0001", path, {}, "Lync topology import is not implemented yet");
  return std::nullopt;
}

void ApplyOverlay(Topology&, const Topology&, Diagnostics&) {}

}  // namespace lynctopo
