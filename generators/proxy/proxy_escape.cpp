#include "generators/proxy/proxy_escape.hpp"

#include <fmt/format.h>

namespace lynctopo::proxy {

bool IsSafeForNginx(std::string_view text) {
  for (unsigned char c : text) {
    if (c == '$' || c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::string NginxQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

bool IsSafeForHaproxy(std::string_view text) {
  for (unsigned char c : text) {
    if (c == '\'' || c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::string HaproxyQuote(std::string_view text) {
  return fmt::format("'{}'", text);
}

std::string RegexEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view(".^$|?*+()[]{}\\/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += keep ? c : '_';
    }
  }
  return out;
}

}  // namespace lynctopo::proxy
