#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/source_location.hpp"

namespace lynctopo {

// Turns byte offsets into 1-based line:column positions. Columns count characters (UTF-8 code
// points), as editors do, not bytes. Built once per file; each lookup is a binary search, so
// large files with many diagnostics stay cheap.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  SourceLoc At(size_t offset) const;

 private:
  static constexpr size_t kStride = 256;
  size_t CharactersBefore(size_t offset) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
  std::vector<uint32_t> characters_before_;  // empty for ASCII text
};

}  // namespace lynctopo
