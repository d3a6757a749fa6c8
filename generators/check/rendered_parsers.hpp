#pragma once

// Small, tolerant readers of the artifact formats the proof reads back (rendered_artifacts.cpp).
// Each returns what the file says, with the line it says it on; none knows how a generator
// computed it.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"

namespace lynctopo::rendered {

// One line's worth of tokens of a shell-like file: PowerShell single-quoted literals ('' is a
// quote), in order.
std::vector<std::string> SingleQuotedLiterals(std::string_view line);

// A PowerShell script split into logical lines: a line break inside a single-quoted literal
// (a site name may hold one) does not end the line. Each carries its literals, with the
// typographic quotes U+2018..U+201B read as PowerShell reads them (as ').
struct QuotedLine {
  std::vector<std::string> literals;
  std::string code;   // the line with each literal as '' and comments removed
  unsigned line = 0;  // where it starts, 1-based
  size_t end = 0;     // byte offset in the script just past it (ForEachSingleQuotedLine)
};
std::vector<QuotedLine> SingleQuotedLines(std::string_view script);
// The same lines one at a time, none kept: `each` may take from the line it is given.
void ForEachSingleQuotedLine(std::string_view script, const std::function<void(QuotedLine&)>& each);

// An nginx configuration as a tree of directives ("listen 443 ssl;", "server { ... }").
struct NginxDirective {
  std::vector<std::string> words;  // name first; quotes removed
  unsigned line = 0;
  std::vector<NginxDirective> block;  // children of a `{ }` block
};
// False (with `error` and its line) on unbalanced braces or an unterminated quote.
bool ParseNginx(std::string_view text, std::vector<NginxDirective>& out, std::string& error,
                unsigned& error_line);

// An INI file as OpenSSL reads it: [section] then key = value, # comments.
struct IniEntry {
  std::string section;
  std::string key;
  std::string value;
  unsigned line = 0;
};
std::vector<IniEntry> ParseIni(std::string_view text);

// RFC 4180 CSV: quoted fields with "" escapes; returns rows with their first line number.
struct CsvRow {
  std::vector<std::string> fields;
  unsigned line = 0;
};
std::vector<CsvRow> ParseCsv(std::string_view text);
// The same rows one at a time, none kept (`each` may take from the row it is given): a table of
// 10,000 certificates or 5,000 domains' records held as rows of strings was several times the
// file. `passed`, when set, is told after each row how far into `text` the reading is.
void ForEachCsvRow(std::string_view text, const std::function<void(CsvRow&)>& each,
                   const std::function<void(size_t offset)>& passed = {});

// LDIF change records: attribute/value pairs per `dn:`, with continuation lines joined.
struct LdifRecord {
  std::string dn;
  unsigned line = 0;
  std::vector<std::pair<std::string, std::pair<std::string, unsigned>>>
      values;  // attr, value, line
};
std::vector<LdifRecord> ParseLdif(std::string_view text);

}  // namespace lynctopo::rendered
