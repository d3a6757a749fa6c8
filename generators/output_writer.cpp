#include "generators/output_writer.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace lynctopo {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManifestName = "manifest.json";

std::optional<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return content.str();
}

// The artifact paths the previous run's manifest claims as ours. A manifest we cannot read
// means we know of no file of ours: nothing is deleted.
std::set<std::string> PreviousArtifacts(const fs::path& dir, Diagnostics& diagnostics) {
  std::set<std::string> paths;
  const fs::path manifest_path = dir / kManifestName;
  std::error_code ec;
  if (!fs::exists(manifest_path, ec)) return paths;
  const std::string shown = manifest_path.generic_string();
  std::optional<std::string> text = ReadFile(manifest_path);
  nlohmann::json manifest;
  if (text) manifest = nlohmann::json::parse(*text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("artifacts") ||
      !manifest["artifacts"].is_array()) {
    diagnostics.Warning("LT4022", shown, {},
                        "previous manifest is unreadable; no previously generated file is "
                        "removed");
    return paths;
  }
  for (const auto& entry : manifest["artifacts"]) {
    if (!entry.is_object() || !entry.contains("path") || !entry["path"].is_string()) continue;
    std::string path = entry["path"].get<std::string>();
    // Never let a manifest steer a deletion outside DIR.
    if (auto problem = CheckOutputPath(path)) {
      diagnostics.Warning("LT4022", shown, {},
                          fmt::format("previous manifest lists '{}' ({}); it is left alone", path,
                                      problem->message));
      continue;
    }
    paths.insert(std::move(path));
  }
  return paths;
}

// Temp file next to the target, then rename: readers see the old or the new file, never half.
bool WriteAtomically(const fs::path& target, const std::string& content, Diagnostics& diagnostics) {
  const std::string shown = target.generic_string();
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    diagnostics.Error("LT4020", shown, {}, "cannot create output folder: " + ec.message());
    return false;
  }
  fs::path temp =
      target.parent_path() / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      diagnostics.Error("LT4020", shown, {}, "cannot write output file");
      return false;
    }
  }
  // Keep the permissions a user gave the previous version (e.g. an executable script).
  fs::file_status old_status = fs::status(target, ec);
  if (!ec && fs::is_regular_file(old_status)) {
    fs::permissions(temp, old_status.permissions(), ec);
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    diagnostics.Error("LT4020", shown, {}, "cannot write output file: " + ec.message());
    return false;
  }
  return true;
}

// Removes folders left empty by a deletion, up to (not including) `dir`. Artifact paths are
// checked relative paths, so `folder` always lies below `dir`.
void PruneEmptyFolders(const fs::path& dir, fs::path folder) {
  std::error_code ec;
  while (folder.native().size() > dir.native().size()) {
    if (!fs::is_directory(folder, ec) || !fs::is_empty(folder, ec) || ec) return;
    if (!fs::remove(folder, ec) || ec) return;
    folder = folder.parent_path();
  }
}

}  // namespace

const char* ToString(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kCreate:
      return "create";
    case ChangeKind::kUpdate:
      return "update";
    case ChangeKind::kDelete:
      return "delete";
    case ChangeKind::kUnchanged:
      return "unchanged";
  }
  return "unchanged";
}

bool WriteResult::Differs() const {
  for (const OutputChange& change : changes) {
    if (change.kind != ChangeKind::kUnchanged) return true;
  }
  return false;
}

WriteResult WriteOutputSet(const OutputSet& outputs, const fs::path& dir, WriteMode mode,
                           std::string_view generator_version, Diagnostics& diagnostics) {
  WriteResult result;
  if (diagnostics.HasErrors()) return result;
  const std::string shown_dir = dir.generic_string();
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    diagnostics.Error("LT4023", shown_dir, {}, "output folder is not a folder");
    return result;
  }

  // What DIR should hold: every artifact, then the manifest (written last).
  std::map<std::string, const std::string*> wanted;
  for (const auto& [path, artifact] : outputs.artifacts()) wanted[path] = &artifact.content;
  const std::string manifest = ManifestJson(outputs, generator_version);
  wanted[std::string(kManifestName)] = &manifest;

  std::map<std::string, ChangeKind> kinds;
  for (const auto& [path, content] : wanted) {
    std::optional<std::string> existing = ReadFile(dir / path);
    if (!existing) {
      kinds[path] = ChangeKind::kCreate;
    } else {
      kinds[path] = *existing == *content ? ChangeKind::kUnchanged : ChangeKind::kUpdate;
    }
  }
  for (const std::string& path : PreviousArtifacts(dir, diagnostics)) {
    if (wanted.count(path)) continue;
    fs::file_status status = fs::symlink_status(dir / path, ec);
    if (fs::is_regular_file(status) || fs::is_symlink(status)) kinds[path] = ChangeKind::kDelete;
  }
  for (const auto& [path, kind] : kinds) result.changes.push_back({path, kind});

  if (mode != WriteMode::kWrite) {
    result.ok = true;
    return result;
  }

  bool ok = true;
  for (const auto& [path, kind] : kinds) {
    if (path == kManifestName) continue;
    if (kind == ChangeKind::kCreate || kind == ChangeKind::kUpdate) {
      ok &= WriteAtomically(dir / path, *wanted[path], diagnostics);
    }
  }
  for (const auto& [path, kind] : kinds) {
    if (kind != ChangeKind::kDelete) continue;
    fs::remove(dir / path, ec);
    if (ec) {
      diagnostics.Error("LT4021", (dir / path).generic_string(), {},
                        "cannot remove a file the previous run generated: " + ec.message());
      ok = false;
      continue;
    }
    PruneEmptyFolders(dir, (dir / path).parent_path());
  }
  // The manifest last: while it still lists the old set, an interrupted run is repaired by
  // the next one.
  if (ok && kinds[std::string(kManifestName)] != ChangeKind::kUnchanged) {
    ok &= WriteAtomically(dir / kManifestName, manifest, diagnostics);
  }
  result.ok = ok;
  return result;
}

}  // namespace lynctopo
