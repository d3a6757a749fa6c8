#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"

namespace lynctopo {

struct Artifact {
  std::string content;
  std::string generator;  // who produced it
};

// Why `path` cannot name an output file: absolute, an empty / "." / ".." component, a
// backslash or control character, or the reserved "manifest.json". The output writer applies
// the same rule to the paths a previous manifest lists before deleting anything.
struct OutputPathProblem {
  const char* code;
  std::string message;
};
std::optional<OutputPathProblem> CheckOutputPath(std::string_view path);

// The in-memory, path-ordered set of artifacts of one run. Nothing touches the disk until the
// whole run succeeded (see output_writer.hpp).
class OutputSet {
 public:
  // Adds `content` at the relative `path` ("dns/records.json"). Rejects (with a diagnostic,
  // returning false) absolute paths, "." or ".." components, backslashes, empty components,
  // and a path another generator already claimed.
  bool Add(std::string path, std::string content, std::string_view generator,
           Diagnostics& diagnostics);

  // Moves every artifact of `other` (a set one generator filled on its own) into this one; a
  // path already here is LT4004, as Add reports it.
  void Absorb(OutputSet&& other, Diagnostics& diagnostics);

  const std::map<std::string, Artifact>& artifacts() const { return artifacts_; }
  size_t size() const { return artifacts_.size(); }

 private:
  std::map<std::string, Artifact> artifacts_;
};

}  // namespace lynctopo
