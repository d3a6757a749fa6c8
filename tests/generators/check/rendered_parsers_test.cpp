#include <catch2/catch.hpp>

#include "generators/check/rendered_parsers.hpp"
#include "generators/escape.hpp"

using lynctopo::PowerShellQuote;
using lynctopo::rendered::QuotedLine;
using lynctopo::rendered::SingleQuotedLines;

TEST_CASE("PowerShell lines: a line break inside a literal does not end the line",
          "[check][rendered]") {
  std::string script = "Set-X -Site " + PowerShellQuote("Head\nOffice") + " -Account " +
                       PowerShellQuote("CONTOSO\\kerb") + "\n# 'not a literal'\nNext 'b'\n";
  std::vector<QuotedLine> lines = SingleQuotedLines(script);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].line == 1);
  CHECK(lines[0].literals == std::vector<std::string>{"Head\nOffice", "CONTOSO\\kerb"});
  CHECK(lines[1].line == 4);
  CHECK(lines[1].literals == std::vector<std::string>{"b"});
}

TEST_CASE("PowerShell lines: doubled and typographic quotes read back as they were quoted",
          "[check][rendered]") {
  const std::string hostile[] = {"O'Brien", "it\xE2\x80\x98s", "\xE2\x80\x99;$(rm)\xE2\x80\x9B",
                                 "''", "a\"b\"c"};
  for (const std::string& text : hostile) {
    std::vector<QuotedLine> lines = SingleQuotedLines("X " + PowerShellQuote(text) + " 'tail'");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].literals == std::vector<std::string>{text, "tail"});
  }
}

TEST_CASE("PowerShell lines: double-quoted strings and comments hold no literals",
          "[check][rendered]") {
  std::vector<QuotedLine> lines = SingleQuotedLines("Write-Host \"it's\nfine\"\n'x' # 'y'\n");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].line == 3);
  CHECK(lines[0].literals == std::vector<std::string>{"x"});
}
