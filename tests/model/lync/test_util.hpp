#pragma once

// Helpers shared by the Lync importer tests.

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "model/diagnostics.hpp"
#include "model/lync/import.hpp"
#include "model/topology.hpp"

namespace lynctopo::testing {

inline std::optional<std::string> ReadLyncFixture(const std::string& name) {
  std::ifstream in(std::string(LYNCTOPO_SHARED_DIR "/fixtures/lync/") + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline const Pool* FindPool(const Topology& topology, const std::string& fqdn) {
  for (const Site& site : topology.sites) {
    for (const Pool& pool : site.pools) {
      if (pool.fqdn == fqdn) return &pool;
    }
  }
  return nullptr;
}

inline const Site* FindSite(const Topology& topology, const std::string& name) {
  for (const Site& site : topology.sites) {
    if (site.name == name) return &site;
  }
  return nullptr;
}

inline size_t PoolCount(const Topology& topology) {
  size_t count = 0;
  for (const Site& site : topology.sites) count += site.pools.size();
  return count;
}

inline const Diagnostic* FindDiagnostic(const Diagnostics& diagnostics, const std::string& code,
                                        const std::string& text = "") {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.code == code && d.message.find(text) != std::string::npos) return &d;
  }
  return nullptr;
}

inline size_t CountCode(const Diagnostics& diagnostics, const std::string& code) {
  size_t count = 0;
  for (const Diagnostic& d : diagnostics.items()) count += d.code == code ? 1 : 0;
  return count;
}

inline std::string AllDiagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.Sorted()) out += FormatDiagnostic(d) + "\n";
  return out;
}

inline std::optional<Topology> Import(const std::string& text, Diagnostics& diagnostics,
                                      const LoadOptions& options = {},
                                      const std::string& path = "test.tbxml") {
  return ImportLyncTopology(text, path, options, diagnostics);
}

}  // namespace lynctopo::testing
