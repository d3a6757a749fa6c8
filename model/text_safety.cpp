#include "model/text_safety.hpp"

#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "model/line_index.hpp"

namespace lynctopo {

namespace {

// More findings than this in one file add nothing but noise.
constexpr int kMaxFindings = 20;

bool IsRefusedCodePoint(uint32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool IsSurrogate(uint32_t cp) {
  return cp >= 0xD800 && cp <= 0xDFFF;
}

std::string CodePointName(uint32_t cp) {
  return fmt::format("U+{:04X}", cp);
}

class Scanner {
 public:
  Scanner(std::string_view text, const std::string& path, Diagnostics& diagnostics)
      : text_(text), path_(path), diagnostics_(diagnostics) {}

  bool ok() const { return findings_ == 0; }

  void Report(const char* code, size_t offset, const std::string& message) {
    if (findings_++ >= kMaxFindings) return;
    if (!lines_) lines_.emplace(text_);
    diagnostics_.Error(code, path_, lines_->At(offset), message);
  }

  // Raw bytes: control characters and UTF-8-encoded surrogates.
  void RawBytes() {
    for (size_t i = 0; i < text_.size(); ++i) {
      auto c = static_cast<unsigned char>(text_[i]);
      auto next = i + 1 < text_.size() ? static_cast<unsigned char>(text_[i + 1]) : 0;
      if (c < 0x80 && IsRefusedCodePoint(c)) {
        Report("LT0042", i,
               fmt::format("control character {} is not allowed in a topology file",
                           CodePointName(c)));
      } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
        Report("LT0042", i,
               fmt::format("control character {} is not allowed in a topology file",
                           CodePointName(next)));
      } else if (c == 0xED && next >= 0xA0) {
        Report("LT0044", i, "a UTF-16 surrogate encoded as UTF-8 is not a character");
      }
    }
  }

  // \uXXXX escapes inside strings, surrogate pairs included.
  void JsonEscapes() {
    bool in_string = false;
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == '"') {
        in_string = !in_string;
        continue;
      }
      if (!in_string || c != '\\' || i + 1 >= text_.size()) continue;
      if (text_[i + 1] != 'u') {
        ++i;  // \" \\ \n ...: skip the escaped character
        continue;
      }
      std::optional<uint32_t> cp = Hex4(i + 2);
      if (!cp) continue;  // malformed: the JSON parser reports it
      if (*cp >= 0xD800 && *cp <= 0xDBFF) {
        std::optional<uint32_t> low =
            text_.substr(i + 6, 2) == "\\u" ? Hex4(i + 8) : std::optional<uint32_t>();
        if (!low || *low < 0xDC00 || *low > 0xDFFF) {
          Report("LT0044", i, fmt::format("\\u{:04x} is a lone surrogate, not a character", *cp));
        }
        i += low ? 11 : 5;
        continue;
      }
      if (IsSurrogate(*cp)) {
        Report("LT0044", i, fmt::format("\\u{:04x} is a lone surrogate, not a character", *cp));
      } else if (IsRefusedCodePoint(*cp)) {
        Report("LT0042", i,
               fmt::format("\\u{:04x} is control character {}, not allowed in a topology file", *cp,
                           CodePointName(*cp)));
      }
      i += 5;
    }
  }

  // &#N; and &#xH; references, and a DOCTYPE.
  void XmlReferences() {
    for (size_t i = text_.find_first_of("&<"); i != std::string_view::npos;
         i = text_.find_first_of("&<", i + 1)) {
      if (text_[i] == '<') {
        if (text_.substr(i, 9) == "<!DOCTYPE") {
          Report("LT0046", i,
                 "a DOCTYPE is not allowed: topology files use no document type definitions or "
                 "entities");
        }
        continue;
      }
      if (text_.substr(i, 2) != "&#") continue;
      const bool hex = text_.substr(i + 2, 1) == "x";
      size_t start = i + (hex ? 3 : 2);
      size_t end = text_.find(';', start);
      if (end == std::string_view::npos || end == start || end - start > 8) continue;
      uint64_t cp = 0;
      bool digits = true;
      for (size_t k = start; k < end && digits; ++k) {
        char d = text_[k];
        int value = d >= '0' && d <= '9'          ? d - '0'
                    : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                    : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                  : -1;
        if (value < 0) digits = false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint64_t>(value < 0 ? 0 : value);
      }
      if (!digits) continue;  // malformed: the XML parser reports it
      std::string reference(text_.substr(i, end + 1 - i));
      if (cp > 0x10FFFF || cp == 0xFFFE || cp == 0xFFFF) {
        Report("LT0043", i, "character reference " + reference + " is not a character");
      } else if (IsSurrogate(static_cast<uint32_t>(cp))) {
        Report("LT0044", i, "character reference " + reference + " is a lone surrogate");
      } else if (IsRefusedCodePoint(static_cast<uint32_t>(cp))) {
        Report("LT0043", i,
               "character reference " + reference + " is control character " +
                   CodePointName(static_cast<uint32_t>(cp)) + ", not allowed in a topology file");
      }
    }
  }

 private:
  std::optional<uint32_t> Hex4(size_t at) const {
    if (at + 4 > text_.size()) return std::nullopt;
    uint32_t value = 0;
    for (size_t k = at; k < at + 4; ++k) {
      char d = text_[k];
      int v = d >= '0' && d <= '9'   ? d - '0'
              : d >= 'a' && d <= 'f' ? d - 'a' + 10
              : d >= 'A' && d <= 'F' ? d - 'A' + 10
                                     : -1;
      if (v < 0) return std::nullopt;
      value = value * 16 + static_cast<uint32_t>(v);
    }
    return value;
  }

  std::string_view text_;
  const std::string& path_;
  Diagnostics& diagnostics_;
  std::optional<LineIndex> lines_;
  int findings_ = 0;
};

}  // namespace

bool CheckTextSafety(std::string_view text, TextSyntax syntax, const std::string& path,
                     Diagnostics& diagnostics) {
  Scanner scanner(text, path, diagnostics);
  scanner.RawBytes();
  if (syntax == TextSyntax::kJson) {
    scanner.JsonEscapes();
  } else {
    scanner.XmlReferences();
  }
  return scanner.ok();
}

std::string EscapeControlCharacters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += fmt::format("\\u{:04x}", next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace lynctopo
