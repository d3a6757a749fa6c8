#include "generators/output_writer.hpp"

#include "generators/output_fs.hpp"
#include "generators/output_stage.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace lynctopo {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManifestName = "manifest.json";

// What the previous run's manifest says it generated, by path. A manifest we cannot read means
// we know of no file of ours: nothing is deleted. Entries without every field can still be
// deleted by path, but not carried over.
struct PreviousEntry {
  ManifestEntry entry;
  bool complete = false;
};

std::map<std::string, PreviousEntry> PreviousArtifacts(const fs::path& dir,
                                                       Diagnostics& diagnostics) {
  std::map<std::string, PreviousEntry> previous;
  const fs::path manifest_path = dir / kManifestName;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(manifest_path, ec))) return previous;
  const std::string shown = manifest_path.generic_string();
  std::optional<std::string> text = ReadBelow(dir, kManifestName);
  nlohmann::json manifest;
  if (text) manifest = nlohmann::json::parse(*text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("artifacts") ||
      !manifest["artifacts"].is_array()) {
    diagnostics.Warning("LT4022", shown, {},
                        "previous manifest is unreadable; no previously generated file is "
                        "removed");
    return previous;
  }
  for (const auto& item : manifest["artifacts"]) {
    if (!item.is_object() || !item.contains("path") || !item["path"].is_string()) continue;
    PreviousEntry found;
    found.entry.path = item["path"].get<std::string>();
    // Never let a manifest steer a deletion outside DIR.
    if (auto problem = CheckOutputPath(found.entry.path)) {
      diagnostics.Warning("LT4022", shown, {},
                          fmt::format("previous manifest lists '{}' ({}); it is left alone",
                                      found.entry.path, problem->message));
      continue;
    }
    auto generator = item.find("generator");
    auto size = item.find("size");
    auto sha256 = item.find("sha256");
    if (generator != item.end() && generator->is_string() && size != item.end() &&
        size->is_number_unsigned() && sha256 != item.end() && sha256->is_string()) {
      found.entry.generator = generator->get<std::string>();
      found.entry.size = size->get<uint64_t>();
      found.entry.sha256 = sha256->get<std::string>();
      found.complete = true;
    }
    std::string path = found.entry.path;
    previous.emplace(std::move(path), std::move(found));
  }
  return previous;
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

// Only links inside the folder are never followed: `--out` itself the user named.
std::optional<fs::path> ResolveOutputDir(const fs::path& dir) {
  std::error_code ec;
  fs::path resolved = fs::absolute(dir, ec).lexically_normal();
  if (ec) return std::nullopt;
  if (!resolved.has_filename()) resolved = resolved.parent_path();
  if (fs::is_symlink(fs::symlink_status(resolved, ec))) {
    resolved = fs::canonical(resolved, ec);
    if (ec) return std::nullopt;
  }
  if (!resolved.has_filename() || resolved == resolved.root_path()) return std::nullopt;
  return resolved;
}

WriteResult WriteOutputSet(const OutputSet& outputs, const fs::path& user_dir,
                           const WriteRequest& request, Diagnostics& diagnostics) {
  WriteResult result;
  if (diagnostics.HasErrors()) return result;
  std::error_code ec;
  std::optional<fs::path> resolved = ResolveOutputDir(user_dir);
  if (!resolved) {
    diagnostics.Error("LT4023", user_dir.generic_string(), {},
                      "output folder cannot be used (a dangling link, or the root folder)");
    return result;
  }
  const fs::path& dir = *resolved;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    diagnostics.Error("LT4023", user_dir.generic_string(), {}, "output folder is not a folder");
    return result;
  }

  // Files of generators that did not run this time stay ours: keep them in the manifest.
  OutputTree tree;
  tree.dir = dir;
  tree.shown = user_dir.generic_string();
  std::map<std::string, ChangeKind> kinds;
  std::vector<ManifestEntry> entries = ManifestEntries(outputs);
  std::vector<ManifestEntry> carried;
  for (auto& [path, previous] : PreviousArtifacts(dir, diagnostics)) {
    if (outputs.artifacts().count(path)) continue;
    const bool generator_ran =
        !request.generators_run || request.generators_run->count(previous.entry.generator);
    if (!generator_ran && previous.complete) {
      carried.push_back(std::move(previous.entry));
      continue;
    }
    tree.dropped.insert(path);
    fs::file_status status = fs::symlink_status(dir / path, ec);
    if (fs::is_regular_file(status) || fs::is_symlink(status)) kinds[path] = ChangeKind::kDelete;
  }
  if (!carried.empty()) {
    entries.insert(entries.end(), carried.begin(), carried.end());
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
  }
  const std::string manifest = ManifestJson(entries, request.generator_version);

  // What DIR should hold: every artifact, and the manifest.
  for (const auto& [path, artifact] : outputs.artifacts())
    tree.wanted[path] = {&artifact.content, artifact.spilled};
  tree.wanted[std::string(kManifestName)] = {&manifest, {}};
  for (const auto& [path, file] : tree.wanted) {
    std::optional<std::string> existing = ReadBelow(dir, path);
    bool same = false;
    if (existing && file.spilled.empty()) {
      same = *existing == *file.content;
    } else if (existing) {
      // A spilled artifact is read back only when the old file has its size.
      const Artifact& artifact = outputs.artifacts().at(path);
      std::optional<std::string> content;
      if (existing->size() == artifact.size) content = artifact.Read();
      same = content && *existing == *content;
    }
    if (!existing) {
      kinds[path] = ChangeKind::kCreate;
    } else if (same) {
      kinds[path] = ChangeKind::kUnchanged;
      tree.unchanged.insert(path);
    } else {
      kinds[path] = ChangeKind::kUpdate;
    }
  }
  for (const auto& [path, kind] : kinds) result.changes.push_back({path, kind});

  if (request.mode != WriteMode::kWrite) {
    result.ok = true;
    return result;
  }

  OutputFileSystem& file_system =
      request.file_system ? *request.file_system : RealOutputFileSystem();
  const int lock = LockParentAndClean(dir, file_system);
  if (lock < 0) {
    diagnostics.Error("LT4020", tree.shown, {}, "cannot open the output folder's parent");
    return result;
  }
  // Nothing differs: the tree is already exactly what this run makes.
  result.ok = !result.Differs() || SwitchOutputTree(tree, file_system, diagnostics);
  ::close(lock);  // releases the lock
  return result;
}

}  // namespace lynctopo
