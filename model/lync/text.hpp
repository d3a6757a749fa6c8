#pragma once

// Text handling for Lync topology documents: Windows tools write UTF-8 with or without a BOM
// and UTF-16 (LE or BE) with a BOM. We convert everything to UTF-8 ourselves before parsing so
// that positions (line:column) are computed on one known buffer, whatever the file encoding.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_location.hpp"

namespace lynctopo {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

const char* ToString(TextEncoding encoding);

// Converts `raw` to UTF-8 without BOM into *utf8. Returns false with a human reason in *error
// when the bytes cannot be decoded (odd UTF-16 length, unpaired surrogate). UTF-16 without a
// BOM is recognised by its first character ("<" is 3C 00 / 00 3C).
bool DecodeToUtf8(std::string_view raw, std::string* utf8, TextEncoding* encoding,
                  std::string* error);

// Maps byte offsets of a UTF-8 buffer to 1-based line and column (columns count characters,
// so a position is the same whether the file was UTF-8 or UTF-16). CRLF counts as one break.
class TextPositions {
 public:
  explicit TextPositions(std::string_view utf8);
  SourceLoc At(size_t offset) const;

 private:
  size_t size_ = 0;
  std::vector<size_t> line_starts_;
  // Characters before each byte offset; only built when the text is not pure ASCII (then a
  // column is a byte difference). Keeps every lookup O(log lines), even on one-line files.
  std::vector<uint32_t> chars_before_;
};

}  // namespace lynctopo
