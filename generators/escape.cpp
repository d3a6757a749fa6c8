#include "generators/escape.hpp"

#include <algorithm>

namespace lynctopo {

std::string PowerShellQuote(std::string_view text) {
  std::string out;
  AppendPowerShellQuoted(out, text);
  return out;
}

void AppendPowerShellQuoted(std::string& out, std::string_view text) {
  // PowerShell ends a single-quoted string at any single quote, including the typographic
  // ones U+2018..U+201B (UTF-8 E2 80 98..9B); doubling one makes it a literal.
  out += '\'';
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    out += c;
    if (c == '\'') {
      out += '\'';
    } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               static_cast<unsigned char>(text[i + 2]) >= 0x98 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x9B) {
      out.append(text.substr(i + 1, 2));
      out.append(text.substr(i, 3));
      i += 2;
    }
  }
  out += '\'';
}

std::string CommentText(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

std::string XmlCommentText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : CommentText(text)) {
    if (c == '-' && !out.empty() && out.back() == '-') out += ' ';
    out += c;
  }
  if (!out.empty() && out.back() == '-') out += ' ';
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string CsvField(std::string_view text) {
  // A plain loop: find_first_of calls memchr over the set once per character, and every cell
  // of the large CSV tables comes through here.
  bool plain = std::none_of(text.begin(), text.end(),
                            [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (plain) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

bool IsLdifSafe(std::string_view text) {
  if (text.empty()) return true;
  unsigned char first = static_cast<unsigned char>(text.front());
  if (first == ' ' || first == ':' || first == '<') return false;
  if (text.back() == ' ') return false;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0 || u == '\n' || u == '\r' || u > 127) return false;
  }
  return true;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  while (i + 2 < bytes.size()) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
    i += 3;
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace lynctopo
