#include "model/load.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/import_lync.hpp"

namespace lynctopo {

const char* ToString(InputKind kind) {
  switch (kind) {
    case InputKind::kUnknown: return "unknown";
    case InputKind::kJson: return "json";
    case InputKind::kXml: return "xml";
    case InputKind::kTopologyBuilder: return "topology-builder";
    case InputKind::kPublishedTopology: return "published-topology";
  }
  return "unknown";
}

// Placeholder: the formats work replaces this with full detection and error handling.
std::optional<std::string> ReadInputFile(const std::string& path, Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.Error("LT0002", path, {}, "cannot open file");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<Topology> LoadTopologyFile(const std::string& path, Diagnostics& diagnostics,
                                         const LoadOptions&) {
  std::optional<std::string> text = ReadInputFile(path, diagnostics);
  if (!text) return std::nullopt;
  size_t first = text->find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (*text)[first] == '{') {
    return LoadJsonTopology(*text, path, diagnostics);
  }
  return LoadXmlTopology(*text, path, diagnostics);
}

}  // namespace lynctopo
