#pragma once

// Writing an OutputSet to `--out DIR`, or comparing DIR against it (--check, --dry-run).
// Nothing is written when the run has errors; each file is replaced atomically (temp file in
// the same folder + rename); unchanged files are not touched (their mtime stays); files a
// previous run generated (listed in DIR/manifest.json) that are no longer produced are
// removed, and nothing else ever is.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "generators/output_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

enum class WriteMode {
  kWrite,
  kCheck,   // compare only: what differs from what would be generated
  kDryRun,  // compare only: what a write would create, update, delete
};

enum class ChangeKind {
  kCreate,  // --check: missing
  kUpdate,  // --check: different
  kDelete,  // --check: extra (generated before, no longer produced)
  kUnchanged,
};

const char* ToString(ChangeKind kind);  // "create", "update", "delete", "unchanged"

struct OutputChange {
  std::string path;  // relative to DIR, "/"-separated
  ChangeKind kind = ChangeKind::kUnchanged;
};

struct WriteResult {
  bool ok = false;                    // false: errors (in the run or while writing)
  std::vector<OutputChange> changes;  // every file considered, sorted by path; manifest.json too
  bool Differs() const;               // any change other than kUnchanged
};

// The manifest text: {"format_version":1,"generator_version":...,"artifacts":[{"path",
// "generator","size","sha256"}]} sorted by path, no timestamps, no absolute paths.
std::string ManifestJson(const OutputSet& outputs, std::string_view generator_version);

// Lower-case hex SHA-256 (OpenSSL EVP).
std::string Sha256Hex(std::string_view data);

// Does nothing but return ok=false when `diagnostics` already holds errors.
WriteResult WriteOutputSet(const OutputSet& outputs, const std::filesystem::path& dir,
                           WriteMode mode, std::string_view generator_version,
                           Diagnostics& diagnostics);

}  // namespace lynctopo
