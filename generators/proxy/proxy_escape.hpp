#pragma once

// Quoting for every target a proxy artifact embeds values into. Names are validated FQDNs, but
// paths and proxy names come from options and free text, so everything is quoted anyway.

#include <string>
#include <string_view>

#include "generators/escape.hpp"

namespace lynctopo::proxy {

// PowerShell single-quoted literal ('it''s') and XML attribute content: the shared helpers.
inline std::string PsQuote(std::string_view text) {
  return PowerShellQuote(text);
}
inline std::string XmlAttr(std::string_view text) {
  return XmlEscape(text);
}
using lynctopo::CommentText;
using lynctopo::XmlCommentText;
// nginx double-quoted string. nginx expands `$` in some directives and has no escape for it,
// so callers check values with IsSafeForNginx first.
std::string NginxQuote(std::string_view text);
bool IsSafeForNginx(std::string_view text);
// HAProxy single-quoted string (literal: no escapes, no environment expansion inside), so `'`
// itself cannot be embedded: callers check with IsSafeForHaproxy.
std::string HaproxyQuote(std::string_view text);
bool IsSafeForHaproxy(std::string_view text);
// A regular expression that matches exactly `text` (ECMAScript / .NET syntax).
std::string RegexEscape(std::string_view text);
// [a-z0-9_] identifier for config object names ("webext.contoso.com" -> "webext_contoso_com").
std::string Identifier(std::string_view text);

}  // namespace lynctopo::proxy
