#include <catch2/catch.hpp>

#include "generators/escape.hpp"

using namespace lynctopo;

TEST_CASE("PowerShellQuote doubles single quotes and never expands", "[escape]") {
  CHECK(PowerShellQuote("site:Redmond") == "'site:Redmond'");
  CHECK(PowerShellQuote("O'Hare $x `y") == "'O''Hare $x `y'");
  // Typographic single quotes end a PowerShell string too: they are doubled as well.
  CHECK(PowerShellQuote("a\xe2\x80\x98"
                        "b\xe2\x80\x99"
                        "c") ==
        "'a\xe2\x80\x98\xe2\x80\x98"
        "b\xe2\x80\x99\xe2\x80\x99"
        "c'");
  CHECK(PowerShellQuote("\xe2\x80\x9c") == "'\xe2\x80\x9c'");  // a double quote stays single
}

TEST_CASE("XmlEscape, CsvField and MarkdownCell escape their metacharacters", "[escape]") {
  CHECK(XmlEscape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&apos;");
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(MarkdownCell("a|b\\c\nd") == "a\\|b\\\\c d");
}

TEST_CASE("LDIF safety and base64", "[escape]") {
  CHECK(IsLdifSafe("HTTP/pool01.contoso.com"));
  CHECK_FALSE(IsLdifSafe(" leading"));
  CHECK_FALSE(IsLdifSafe(":colon"));
  CHECK_FALSE(IsLdifSafe("caf\xc3\xa9"));
  CHECK(Base64("") == "");
  CHECK(Base64("f") == "Zg==");
  CHECK(Base64("fo") == "Zm8=");
  CHECK(Base64("foo") == "Zm9v");
  CHECK(Base64("foobar") == "Zm9vYmFy");
}

TEST_CASE("CommentText folds line breaks so free text cannot leave a comment", "[escape]") {
  CHECK(CommentText("Site\nRemove-Item x\r\t") == "Site Remove-Item x  ");
}

TEST_CASE("XmlCommentText never yields '--' nor a trailing '-'", "[escape]") {
  // "RP (DMZ)" becomes the certificate id "proxy-rp--dmz-" (issue: ARR XML comment).
  CHECK(XmlCommentText("proxy-rp--dmz-") == "proxy-rp- -dmz- ");
  CHECK(XmlCommentText("a---b") == "a- - -b");
  CHECK(XmlCommentText("-") == "- ");
  CHECK(XmlCommentText("rp-redmond") == "rp-redmond");
  CHECK(XmlCommentText("x\n--y") == "x - -y");
  for (std::string text : {"--", "---", "a--", "--a--", "-\n-", "- -"}) {
    std::string safe = XmlCommentText(text);
    INFO(text);
    CHECK(safe.find("--") == std::string::npos);
    CHECK(safe.back() != '-');
  }
}
