#pragma once

// What a previous `generate --out DIR` wrote, for the few artifacts whose content depends on
// history: a DNS zone's SOA serial must grow exactly when the zone changes. Only a file the
// previous manifest lists with the same SHA-256 counts as history; a hand-edited or foreign
// file does not.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lynctopo {

class PreviousOutput {
 public:
  // Reads DIR/manifest.json; a missing or unreadable manifest means no history (the writer
  // reports an unreadable one).
  explicit PreviousOutput(std::filesystem::path dir);
  // The previous content of `path` ("dns/internal/contoso.com.zone"), when it is ours.
  std::optional<std::string> Read(std::string_view path) const;

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::string, std::less<>> sha256_;
};

}  // namespace lynctopo
