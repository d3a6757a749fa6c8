#pragma once

// Reading topology files of every supported kind, chosen by content: our JSON, our XML, a
// Topology Builder file (root TopologyBuilder) or a published topology (root Topology).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/topology.hpp"

namespace lynctopo {

enum class InputKind { kUnknown, kJson, kXml, kTopologyBuilder, kPublishedTopology };

const char* ToString(InputKind kind);

struct LoadOptions {
  std::vector<std::string> overlays;  // overlay files applied in order (import issue)
  // For a .tbxml: read OriginalTopology (the published one) instead of NewTopology.
  bool original_topology = false;
};

// Reads `path` (any supported kind), applies overlays, and reports every problem found while
// reading. Returns nullopt when the file could not be read into a model at all (missing file,
// a folder, empty, binary, malformed JSON/XML): exactly one clear diagnostic explains why.
// Does not run validation.
std::optional<Topology> LoadTopologyFile(const std::string& path, Diagnostics& diagnostics,
                                         const LoadOptions& options = {});

// Reads a file into memory, or reports why not (missing, folder, unreadable).
std::optional<std::string> ReadInputFile(const std::string& path, Diagnostics& diagnostics);

// Our formats, from text already in memory. `path` is used for diagnostics. `partial` (for
// overlays) lets required fields be left out. Every object's Origin lists exactly the fields
// present in the file (see model/formats/binding.hpp), so an overlay can tell "set" from "default".
std::optional<Topology> LoadJsonTopology(std::string_view text, const std::string& path,
                                         Diagnostics& diagnostics, bool partial = false);
std::optional<Topology> LoadXmlTopology(std::string_view text, const std::string& path,
                                        Diagnostics& diagnostics, bool partial = false);

// Reads an overlay file: our JSON or XML, required fields optional. nullopt (with one
// diagnostic) when it cannot be read or is not in our format.
std::optional<Topology> LoadOverlayFile(const std::string& path, Diagnostics& diagnostics);

// What kind of topology document `text` is, by content (BOMs and UTF-16 understood).
InputKind DetectInputKind(std::string_view text);

// Writers: lossless (convert round-trips XML -> JSON -> XML -> JSON to identical models).
std::string WriteJsonTopology(const Topology& topology);
std::string WriteXmlTopology(const Topology& topology);

}  // namespace lynctopo
