#include "model/lync/text.hpp"

#include <algorithm>
#include <cstdint>

namespace lynctopo {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool DecodeUtf16(std::string_view bytes, bool big_endian, std::string* out, std::string* error) {
  if (bytes.size() % 2 != 0) {
    *error = "UTF-16 text has an odd number of bytes (truncated file?)";
    return false;
  }
  auto unit = [&](size_t i) -> uint32_t {
    auto hi = static_cast<uint8_t>(bytes[big_endian ? i : i + 1]);
    auto lo = static_cast<uint8_t>(bytes[big_endian ? i + 1 : i]);
    return (static_cast<uint32_t>(hi) << 8) | lo;
  };
  out->clear();
  out->reserve(bytes.size() / 2 + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 2 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF) {
        *error = "UTF-16 text has an unpaired surrogate at byte " + std::to_string(i);
        return false;
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      *error = "UTF-16 text has an unpaired surrogate at byte " + std::to_string(i);
      return false;
    }
    AppendUtf8(cp, out);
  }
  return true;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

const char* ToString(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
  }
  return "UTF-8";
}

bool DecodeToUtf8(std::string_view raw, std::string* utf8, TextEncoding* encoding,
                  std::string* error) {
  using namespace std::string_view_literals;
  if (StartsWith(raw, "\xEF\xBB\xBF"sv)) {
    *encoding = TextEncoding::kUtf8Bom;
    utf8->assign(raw.substr(3));
    return true;
  }
  if (StartsWith(raw, "\xFF\xFE"sv) || StartsWith(raw, "<\0"sv)) {
    *encoding = TextEncoding::kUtf16Le;
    return DecodeUtf16(StartsWith(raw, "\xFF\xFE"sv) ? raw.substr(2) : raw, false, utf8, error);
  }
  if (StartsWith(raw, "\xFE\xFF"sv) || StartsWith(raw, "\0<"sv)) {
    *encoding = TextEncoding::kUtf16Be;
    return DecodeUtf16(StartsWith(raw, "\xFE\xFF"sv) ? raw.substr(2) : raw, true, utf8, error);
  }
  *encoding = TextEncoding::kUtf8;
  utf8->assign(raw);
  return true;
}

TextPositions::TextPositions(std::string_view utf8) : size_(utf8.size()) {
  line_starts_.push_back(0);
  bool ascii = true;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\n') line_starts_.push_back(i + 1);
    if (static_cast<uint8_t>(utf8[i]) >= 0x80) ascii = false;
  }
  if (ascii) return;
  chars_before_.resize(utf8.size() + 1);
  uint32_t chars = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    chars_before_[i] = chars;
    // UTF-8 continuation bytes do not start a character.
    if ((static_cast<uint8_t>(utf8[i]) & 0xC0) != 0x80) ++chars;
  }
  chars_before_[utf8.size()] = chars;
}

SourceLoc TextPositions::At(size_t offset) const {
  offset = std::min(offset, size_);
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_index = static_cast<size_t>(next - line_starts_.begin()) - 1;
  size_t start = line_starts_[line_index];
  size_t column =
      chars_before_.empty() ? offset - start : chars_before_[offset] - chars_before_[start];
  SourceLoc loc;
  loc.line = static_cast<uint32_t>(line_index + 1);
  loc.column = static_cast<uint32_t>(column + 1);
  return loc;
}

}  // namespace lynctopo
