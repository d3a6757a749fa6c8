#include <catch2/catch.hpp>

#include <string>

#include "model/line_index.hpp"
#include "model/text_safety.hpp"

using namespace lynctopo;

namespace {

std::string Codes(std::string_view text, TextSyntax syntax) {
  Diagnostics diagnostics;
  CheckTextSafety(text, syntax, "f", diagnostics);
  std::string codes;
  for (const Diagnostic& d : diagnostics.items()) {
    codes += d.code + "@" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " ";
  }
  return codes;
}

}  // namespace

TEST_CASE("Text safety refuses control characters however written", "[model][text_safety]") {
  CHECK(Codes("{\"a\": \"b\\tc\\n\"}", TextSyntax::kJson).empty());
  CHECK(Codes("{\"a\": \"\\u00e9\\ud83d\\ude00\"}", TextSyntax::kJson).empty());
  CHECK(Codes("{\"a\": \"x\\u0000\"}", TextSyntax::kJson) == "LT0042@1:9 ");
  CHECK(Codes("{\"a\": \"x\\\\u0000\"}", TextSyntax::kJson).empty());  // an escaped backslash
  CHECK(Codes("{\"a\":\n \"\\u001B\"}", TextSyntax::kJson) == "LT0042@2:3 ");
  CHECK(Codes("{\"a\": \"\\ud800\"}", TextSyntax::kJson) == "LT0044@1:8 ");
  CHECK(Codes("{\"a\": \"\xc2\x85\"}", TextSyntax::kJson) == "LT0042@1:8 ");
  CHECK(Codes("<a b=\"&#0;\"/>", TextSyntax::kXml) == "LT0043@1:7 ");
  CHECK(Codes("<a b=\"&#x9;&#10;&#xe9;\"/>", TextSyntax::kXml).empty());
  CHECK(Codes("<a>&#xDFFF;</a>", TextSyntax::kXml) == "LT0044@1:4 ");
  CHECK(Codes("<!DOCTYPE a><a/>", TextSyntax::kXml) == "LT0046@1:1 ");
  CHECK(Codes("<a>\x7f</a>", TextSyntax::kXml) == "LT0042@1:4 ");
}

TEST_CASE("Terminal text shows control characters escaped", "[model][text_safety]") {
  CHECK(EscapeControlCharacters("a\x1b[31mb\tc") == "a\\x1b[31mb\tc");
  CHECK(EscapeControlCharacters("line\nnext\x7f") == "line\\x0anext\\x7f");
  CHECK(EscapeControlCharacters("\xc2\x85 \xc3\xa9") == "\\u0085 \xc3\xa9");
}

TEST_CASE("Columns count characters on long non-ASCII lines", "[model][line_index]") {
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "\xc3\xa9";  // 1000 characters, 2000 bytes
  line += "x\nab\xc3\xa9z";
  LineIndex lines(line);
  CHECK(lines.At(0).column == 1);
  CHECK(lines.At(2000).column == 1001);  // the 'x'
  CHECK(lines.At(513).column == 258);    // inside the 257th character: one past its start
  CHECK(lines.At(2002 + 4).line == 2);
  CHECK(lines.At(2002 + 4).column == 4);  // the 'z' after a two-byte character
}
