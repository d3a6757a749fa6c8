#pragma once

// Writing an OutputSet to `--out DIR`, or comparing DIR against it (--check, --dry-run).
// Nothing is written when the run has errors. A write replaces the whole of DIR in one step
// (output_stage.hpp): a reader, a crash or a failed write sees the old tree or the new one,
// never a mix. Unchanged files keep their bytes and mtime; files a previous run generated
// (listed in DIR/manifest.json) that are no longer produced are dropped; every other file in
// DIR is kept. No link inside DIR is ever followed.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "generators/output_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

class OutputFileSystem;  // generators/output_fs.hpp

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

struct ManifestEntry {
  std::string path;
  std::string generator;
  uint64_t size = 0;
  std::string sha256;
};

// One entry per artifact, sorted by path.
std::vector<ManifestEntry> ManifestEntries(const OutputSet& outputs);

// The manifest text: {"format_version":1,"generator_version":...,"artifacts":[{"path",
// "generator","size","sha256"}]} in the order given (sorted by path), no timestamps, no
// absolute paths (schemas/manifest.schema.json).
std::string ManifestJson(const std::vector<ManifestEntry>& entries,
                         std::string_view generator_version);

// Lower-case hex SHA-256 (OpenSSL EVP).
std::string Sha256Hex(std::string_view data);

// The same over text that arrives in pieces.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void Add(std::string_view data);
  std::string Hex();  // once, at the end
 private:
  void* context_;  // EVP_MD_CTX
};

struct WriteRequest {
  WriteMode mode = WriteMode::kWrite;
  std::string generator_version;
  // The generators that ran (`--only`); nullopt means all of them. Files a previous run made
  // with a generator that did not run are kept and stay listed in the manifest, so
  // `generate --only dns` never deletes the certificates.
  std::optional<std::set<std::string>> generators_run;
  // The file-system seam (tests inject faults); nullptr is the real one.
  OutputFileSystem* file_system = nullptr;
};

// The folder the writer works on for `--out dir`: absolute, without a trailing "/", and the
// real folder when `dir` itself is a link; nullopt when it cannot be used (the root folder).
std::optional<std::filesystem::path> ResolveOutputDir(const std::filesystem::path& dir);

// Does nothing but return ok=false when `diagnostics` already holds errors.
WriteResult WriteOutputSet(const OutputSet& outputs, const std::filesystem::path& dir,
                           const WriteRequest& request, Diagnostics& diagnostics);

}  // namespace lynctopo
