#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"

namespace lynctopo {

class OutputSpill;  // generators/output_spill.hpp

struct Artifact {
  std::string content;    // empty when spilled
  std::string generator;  // who produced it
  // When the set spills to disk: the file holding the bytes, their size and SHA-256 (for the
  // manifest, taken while the bytes were at hand).
  std::filesystem::path spilled;
  uint64_t size = 0;
  std::string sha256;

  // The bytes, wherever they are (a spilled file read back; nullopt when it cannot be read).
  std::optional<std::string> Read() const;
};

// Why `path` cannot name an output file: absolute, an empty / "." / ".." component, a
// backslash or control character, or the reserved "manifest.json". The output writer applies
// the same rule to the paths a previous manifest lists before deleting anything.
struct OutputPathProblem {
  const char* code;
  std::string message;
};
std::optional<OutputPathProblem> CheckOutputPath(std::string_view path);

// The path-ordered set of artifacts of one run. Nothing touches `--out` until the whole run
// succeeded (see output_writer.hpp). The bytes are held in memory, or, once SpillTo is called,
// in files of a private spill folder beside `--out` (output_spill.hpp).
class OutputSet {
 public:
  // Artifacts added from now on go to `spill` (shared by the per-generator sets of one run).
  void SpillTo(std::shared_ptr<OutputSpill> spill) { spill_ = std::move(spill); }
  const std::shared_ptr<OutputSpill>& spill() const { return spill_; }

  // Adds `content` at the relative `path` ("dns/records.json"). Rejects (with a diagnostic,
  // returning false) absolute paths, "." or ".." components, backslashes, empty components,
  // and a path another generator already claimed.
  bool Add(std::string path, std::string content, std::string_view generator,
           Diagnostics& diagnostics);

  // Where AddRendered's `render` sends the text, a piece at a time; false when it cannot.
  using TextSink = std::function<bool(std::string_view piece)>;
  // Adds the artifact whose text `render` sends to the sink it is given, refused as Add refuses.
  // When the set spills, the pieces go straight to the artifact's file, so no artifact is ever
  // held whole. False, and nothing added, when refused or when `render` returns false (it
  // reports why).
  bool AddRendered(std::string path, std::string_view generator, Diagnostics& diagnostics,
                   const std::function<bool(const TextSink& sink)>& render);

  // Moves every artifact of `other` (a set one generator filled on its own) into this one; a
  // path already here is LT4004, as Add reports it.
  void Absorb(OutputSet&& other, Diagnostics& diagnostics);

  const std::map<std::string, Artifact>& artifacts() const { return artifacts_; }
  size_t size() const { return artifacts_.size(); }

 private:
  // False (reported) when `path` cannot name an artifact or is already taken.
  bool Claimable(const std::string& path, std::string_view generator,
                 Diagnostics& diagnostics) const;

  std::map<std::string, Artifact> artifacts_;
  std::shared_ptr<OutputSpill> spill_;
};

}  // namespace lynctopo
