#include "generators/template_scan.hpp"

namespace lynctopo {

namespace {

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

// "=<% %>=" -> begin "<%", end "%>". False when malformed (the parser reports it).
bool ParseSetDelimiter(std::string_view contents, std::string& begin, std::string& end) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  std::string_view inner = Trim(contents.substr(1, contents.size() - 2));
  size_t space = inner.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view new_begin = inner.substr(0, space);
  std::string_view new_end = Trim(inner.substr(space + 1));
  if (new_begin.empty() || new_end.empty()) return false;
  begin = new_begin;
  end = new_end;
  return true;
}

}  // namespace

std::vector<PartialTag> ScanPartialTags(std::string_view source) {
  std::vector<PartialTag> tags;
  std::string begin = "{{";
  std::string end = "}}";
  size_t position = 0;
  while (position < source.size()) {
    size_t start = source.find(begin, position);
    if (start == std::string_view::npos) break;
    size_t contents_at = start + begin.size();
    bool braces = begin == "{{" && end == "}}";
    std::string_view closing = end;
    if (braces && contents_at < source.size() && source[contents_at] == '{') {
      closing = "}}}";
      ++contents_at;
    }
    size_t close = source.find(closing, contents_at);
    if (close == std::string_view::npos) break;
    std::string_view contents = Trim(source.substr(contents_at, close - contents_at));
    if (!contents.empty() && contents.front() == '=') {
      if (!ParseSetDelimiter(contents, begin, end)) break;
    } else if (!contents.empty() && contents.front() == '>') {
      tags.push_back({std::string(Trim(contents.substr(1))), start});
    }
    position = close + closing.size();
  }
  return tags;
}

SourceLoc LocationOfOffset(std::string_view source, size_t offset) {
  SourceLoc loc;
  loc.line = 1;
  loc.column = 1;
  if (offset > source.size()) offset = source.size();
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

}  // namespace lynctopo
