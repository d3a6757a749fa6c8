#pragma once

// A light reading of Mustache source, enough to find partial tags before rendering so a
// missing or recursive partial is reported even when the section that includes it is not
// rendered. Follows the tag rules of kainjow's parser (set-delimiter tags, triple braces).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_location.hpp"

namespace lynctopo {

struct PartialTag {
  std::string name;   // as written: "common/notice" (no ".mustache" added)
  size_t offset = 0;  // byte offset of the tag's opening delimiter
};

// Every {{> name}} tag in `source`, in order. Stops quietly at a malformed tag: the parser
// reports that one.
std::vector<PartialTag> ScanPartialTags(std::string_view source);

// 1-based line and column of byte `offset` in `source`.
SourceLoc LocationOfOffset(std::string_view source, size_t offset);

}  // namespace lynctopo
