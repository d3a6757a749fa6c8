#pragma once

// What a previous `generate --out DIR` wrote, for the few artifacts whose content depends on
// history: a DNS zone's SOA serial must grow exactly when the zone changes. Only a file the
// previous manifest lists counts (a foreign file in DIR does not); one edited by hand since
// simply differs from what is generated now, so its serial still only grows.

#include <filesystem>
#include <optional>
#include <set>
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
  std::set<std::string, std::less<>> listed_;
};

}  // namespace lynctopo
