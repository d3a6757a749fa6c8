#include "model/line_index.hpp"

#include <algorithm>

namespace lynctopo {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceLoc LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(next - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  uint32_t column = 1;
  for (size_t i = start; i < offset; ++i) {
    // UTF-8 continuation bytes do not start a new character.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  SourceLoc loc;
  loc.line = static_cast<uint32_t>(line);
  loc.column = column;
  return loc;
}

}  // namespace lynctopo
