#pragma once

// Importer for real Lync / Skype for Business topology documents (spec:
// ../shared/spec/lync-topology-format.md): Topology Builder files and published topologies.

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/load.hpp"
#include "model/topology.hpp"

namespace lynctopo {

// `text` is the raw file content in any encoding Windows tools write (UTF-8 with or without
// BOM, UTF-16LE/BE with BOM). Returns nullopt when the document is not a topology at all.
std::optional<Topology> ImportLyncTopology(std::string_view text, const std::string& path,
                                           const LoadOptions& options, Diagnostics& diagnostics);

// Applies an overlay (our format, possibly partial) on top of `base`: fills what Lync files do
// not hold (reverse proxies, Kerberos accounts, load balancing and VIPs, certificate policy,
// simple URLs). Reports overlay pools or sites the base lacks.
void ApplyOverlay(Topology& base, const Topology& overlay, Diagnostics& diagnostics);

}  // namespace lynctopo
