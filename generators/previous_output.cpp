#include "generators/previous_output.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace lynctopo {
namespace {

std::optional<std::string> Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

PreviousOutput::PreviousOutput(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::optional<std::string> text = Slurp(dir_ / "manifest.json");
  if (!text) return;
  nlohmann::json manifest = nlohmann::json::parse(*text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("artifacts") ||
      !manifest["artifacts"].is_array()) {
    return;
  }
  for (const nlohmann::json& item : manifest["artifacts"]) {
    if (!item.is_object() || !item.contains("path") || !item["path"].is_string()) continue;
    std::string path = item["path"];
    // Only plain relative paths below DIR: a manifest never steers a read elsewhere.
    if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos) continue;
    listed_.insert(std::move(path));
  }
}

std::optional<std::string> PreviousOutput::Read(std::string_view path) const {
  if (!listed_.contains(path)) return std::nullopt;
  return Slurp(dir_ / std::string(path));
}

}  // namespace lynctopo
