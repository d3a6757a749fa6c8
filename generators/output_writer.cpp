#include "generators/output_writer.hpp"

#include <algorithm>
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
  if (!fs::exists(manifest_path, ec)) return previous;
  const std::string shown = manifest_path.generic_string();
  std::optional<std::string> text = ReadFile(manifest_path);
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

WriteResult WriteOutputSet(const OutputSet& outputs, const fs::path& dir,
                           const WriteRequest& request, Diagnostics& diagnostics) {
  WriteResult result;
  if (diagnostics.HasErrors()) return result;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    diagnostics.Error("LT4023", dir.generic_string(), {}, "output folder is not a folder");
    return result;
  }

  // Files of generators that did not run this time stay ours: keep them in the manifest.
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
  std::map<std::string, const std::string*> wanted;
  for (const auto& [path, artifact] : outputs.artifacts()) wanted[path] = &artifact.content;
  wanted[std::string(kManifestName)] = &manifest;
  for (const auto& [path, content] : wanted) {
    std::optional<std::string> existing = ReadFile(dir / path);
    if (!existing) {
      kinds[path] = ChangeKind::kCreate;
    } else {
      kinds[path] = *existing == *content ? ChangeKind::kUnchanged : ChangeKind::kUpdate;
    }
  }
  for (const auto& [path, kind] : kinds) result.changes.push_back({path, kind});

  if (request.mode != WriteMode::kWrite) {
    result.ok = true;
    return result;
  }

  bool ok = true;
  // Deletions first, so a file that becomes a folder ("dns" -> "dns/zone") can be written.
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
  for (const auto& [path, kind] : kinds) {
    if (path == kManifestName) continue;
    if (kind == ChangeKind::kCreate || kind == ChangeKind::kUpdate) {
      ok &= WriteAtomically(dir / path, *wanted[path], diagnostics);
    }
  }
  // The manifest last, and only after a complete write, so it never lists a file that is not
  // there.
  if (ok && kinds[std::string(kManifestName)] != ChangeKind::kUnchanged) {
    ok &= WriteAtomically(dir / kManifestName, manifest, diagnostics);
  }
  result.ok = ok;
  return result;
}

}  // namespace lynctopo
