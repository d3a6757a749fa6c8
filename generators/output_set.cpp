#include "generators/output_set.hpp"

#include <fstream>

#include <fmt/format.h>

#include "generators/output_spill.hpp"
#include "generators/output_writer.hpp"

namespace lynctopo {

namespace {

// The writer's own file at the top of the output folder.
constexpr std::string_view kManifestPath = "manifest.json";

}  // namespace

std::optional<OutputPathProblem> CheckOutputPath(std::string_view path) {
  if (path.empty()) return OutputPathProblem{"LT4002", "output path is empty"};
  if (path.front() == '/') return OutputPathProblem{"LT4001", "output path is absolute"};
  for (char c : path) {
    if (c == '\\') return OutputPathProblem{"LT4003", "output path contains a backslash"};
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return OutputPathProblem{"LT4003", "output path contains a control character"};
    }
  }
  // A drive letter ("C:") would be absolute on Windows; refuse it everywhere.
  if (path.size() >= 2 && path[1] == ':') {
    return OutputPathProblem{"LT4001", "output path starts with a drive letter"};
  }
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty()) return OutputPathProblem{"LT4002", "output path has an empty component"};
    if (part == "." || part == "..") {
      return OutputPathProblem{"LT4002", fmt::format("output path has a '{}' component", part)};
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (path == kManifestPath) {
    return OutputPathProblem{"LT4005", "output path 'manifest.json' is reserved for the manifest"};
  }
  return std::nullopt;
}

bool OutputSet::Claimable(const std::string& path, std::string_view generator,
                          Diagnostics& diagnostics) const {
  if (auto problem = CheckOutputPath(path)) {
    diagnostics.Error(problem->code, "", {},
                      fmt::format("generator '{}': {}: '{}'", generator, problem->message, path));
    return false;
  }
  if (auto taken = artifacts_.find(path); taken != artifacts_.end()) {
    diagnostics.Error("LT4004", "", {},
                      fmt::format("generator '{}' writes '{}', already written by generator '{}'",
                                  generator, path, taken->second.generator));
    return false;
  }
  return true;
}

bool OutputSet::AddRendered(std::string path, std::string_view generator, Diagnostics& diagnostics,
                            const std::function<bool(const TextSink& sink)>& render) {
  if (spill_ && !Claimable(path, generator, diagnostics)) return false;
  std::optional<OutputSpill::Writer> writer = spill_ ? spill_->Open() : std::nullopt;
  if (!writer) {  // no spill, or no file to be had in it: collected in memory
    std::string text;
    if (!render([&text](std::string_view piece) {
          text += piece;
          return true;
        }))
      return false;
    return Add(std::move(path), std::move(text), generator, diagnostics);
  }
  Sha256Stream sha256;
  uint64_t size = 0;
  if (!render([&](std::string_view piece) {
        sha256.Add(piece);
        size += piece.size();
        return writer->Write(piece);
      }))
    return false;
  std::optional<std::filesystem::path> stored = writer->Finish();
  if (!stored) {
    diagnostics.Error("LT4020", spill_->folder().generic_string(), {},
                      fmt::format("generator '{}': cannot write '{}' there", generator, path));
    return false;
  }
  Artifact& artifact = artifacts_[std::move(path)];
  artifact.generator = std::string(generator);
  artifact.size = size;
  artifact.sha256 = sha256.Hex();
  artifact.spilled = std::move(*stored);
  return true;
}

bool OutputSet::Add(std::string path, std::string content, std::string_view generator,
                    Diagnostics& diagnostics) {
  if (!Claimable(path, generator, diagnostics)) return false;
  Artifact& artifact = artifacts_[path];
  artifact.generator = std::string(generator);
  artifact.size = content.size();
  if (spill_) {
    if (std::optional<std::filesystem::path> stored = spill_->Store(content)) {
      artifact.sha256 = Sha256Hex(content);
      artifact.spilled = std::move(*stored);
      return true;
    }
  }
  content.shrink_to_fit();                // held until the write: no growth slack
  artifact.content = std::move(content);  // no spill, or it failed: held in memory
  return true;
}

std::optional<std::string> Artifact::Read() const {
  if (spilled.empty()) return content;
  std::ifstream in(spilled, std::ios::binary);
  std::string text(size, '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size)) || in.peek() != EOF)
    return std::nullopt;
  return text;
}

void OutputSet::Absorb(OutputSet&& other, Diagnostics& diagnostics) {
  while (!other.artifacts_.empty()) {
    auto node = other.artifacts_.extract(other.artifacts_.begin());
    auto placed = artifacts_.insert(std::move(node));
    if (!placed.inserted) {
      diagnostics.Error("LT4004", "", {},
                        fmt::format("generator '{}' writes '{}', already written by generator '{}'",
                                    placed.node.mapped().generator, placed.node.key(),
                                    placed.position->second.generator));
    }
  }
}

}  // namespace lynctopo
