#pragma once

// Quoting for the languages generated scripts and configs are written in. Validation already
// rejects names that could break out of quoting; these still quote everything embedded, so a
// free-text field (a site name, a description) can never change a script's meaning.

#include <string>
#include <string_view>

namespace lynctopo {

// 'text' with every ' doubled (PowerShell single-quoted string: no expansion at all).
std::string PowerShellQuote(std::string_view text);
// The same, appended to `out` (for writers that build a whole line at a time).
void AppendPowerShellQuoted(std::string& out, std::string_view text);
// Free text made safe for a one-line comment in any generated file: control characters
// (line breaks above all, which would end the comment) become spaces.
std::string CommentText(std::string_view text);
// CommentText for the inside of an XML comment, which may hold neither "--" nor end in "-"
// (XML 1.0, production [15]): each "--" gets a space inside it and a trailing "-" a space after.
std::string XmlCommentText(std::string_view text);
// XML attribute or text content: & < > " ' escaped.
std::string XmlEscape(std::string_view text);
// A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string CsvField(std::string_view text);
// A Markdown table cell: | and backslash escaped, line breaks folded to spaces.
std::string MarkdownCell(std::string_view text);
// LDIF value: plain when SAFE-STRING (RFC 2849), else the caller must base64 it; returns false
// in `safe` when base64 is needed.
bool IsLdifSafe(std::string_view text);
std::string Base64(std::string_view bytes);

}  // namespace lynctopo
