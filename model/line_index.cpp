#include "model/line_index.hpp"

#include <algorithm>

namespace lynctopo {

namespace {

bool StartsCharacter(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  bool ascii = true;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
    if (static_cast<unsigned char>(text[i]) >= 0x80) ascii = false;
  }
  if (ascii) return;
  // Characters before every kStride-th byte: a column then costs at most kStride steps, not
  // the length of its line (a minified JSON file is one line).
  characters_before_.reserve(text.size() / kStride + 1);
  uint32_t characters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) characters_before_.push_back(characters);
    if (StartsCharacter(text[i])) ++characters;
  }
}

size_t LineIndex::CharactersBefore(size_t offset) const {
  if (characters_before_.empty()) return offset;
  size_t block = offset / kStride;
  if (block >= characters_before_.size()) block = characters_before_.size() - 1;
  size_t characters = characters_before_[block];
  for (size_t i = block * kStride; i < offset; ++i) {
    if (StartsCharacter(text_[i])) ++characters;
  }
  return characters;
}

SourceLoc LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(next - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  SourceLoc loc;
  loc.line = static_cast<uint32_t>(line);
  loc.column = static_cast<uint32_t>(CharactersBefore(offset) - CharactersBefore(start) + 1);
  return loc;
}

}  // namespace lynctopo
