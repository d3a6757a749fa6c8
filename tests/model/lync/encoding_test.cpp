// Every encoding Windows tools write: UTF-8 with and without BOM, UTF-16LE and UTF-16BE with
// BOM, CRLF or LF, with or without an XML declaration. Positions are in characters, so they
// are the same whatever the encoding.

#include <catch2/catch.hpp>

#include "model/lync/text.hpp"
#include "tests/model/lync/test_util.hpp"

namespace lynctopo {
namespace {

using testing::FindDiagnostic;
using testing::FindPool;
using testing::Import;

// Non-ASCII text: "Zürich", and a two-byte character before the placeholder on its line.
const char* const kDocument =
    "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n"
    "  <InternalDomains DefaultDomain=\"example.test\" />\n"
    "  <Sites><CentralSite SiteId=\"1\"><Name>Z\xC3\xBCrich</Name></CentralSite></Sites>\n"
    "  <Clusters>\n"
    "    <Cluster Fqdn=\"se.example.test\"><ClusterId SiteId=\"1\" Number=\"1\" />"
    "<Machine Fqdn=\"se.example.test\" /></Cluster>\n"
    "    <Cluster Note=\"\xC3\xBC\" Fqdn=\"$Sql\"><ClusterId SiteId=\"1\" Number=\"2\" "
    "/></Cluster>\n"
    "  </Clusters>\n"
    "  <Services><Service ServiceVersion=\"7\"><ServiceId SiteId=\"1\" RoleName=\"UserServices\" "
    "Instance=\"1\" /><InstalledOn><ClusterId SiteId=\"1\" Number=\"1\" /></InstalledOn>"
    "</Service></Services>\n"
    "</Topology>\n";

std::string WithCrlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// UTF-8 to UTF-16 (BMP only, enough here), with a BOM.
std::string ToUtf16(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (size_t i = 0; i < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = byte;
    size_t length = 1;
    if (byte >= 0xE0) {
      cp = ((byte & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
      length = 3;
    } else if (byte >= 0xC0) {
      cp = ((byte & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
      length = 2;
    }
    char hi = static_cast<char>(cp >> 8);
    char lo = static_cast<char>(cp & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
    i += length;
  }
  return out;
}

void CheckImported(const std::string& bytes, uint32_t placeholder_line) {
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(bytes, diagnostics, {}, "enc.xml");
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  REQUIRE(topology->sites.size() == 1);
  CHECK(topology->sites[0].name == "Z\xC3\xBCrich");
  CHECK(topology->sip_domains == std::vector<std::string>{"example.test"});
  const Pool* se = FindPool(*topology, "se.example.test");
  REQUIRE(se);
  CHECK(se->kind == PoolKind::kStandardEdition);
  CHECK(se->origin.loc.line == placeholder_line - 1);
  CHECK(se->origin.loc.column == 5);
  const Diagnostic* placeholder = FindDiagnostic(diagnostics, "LT3010", "$Sql");
  REQUIRE(placeholder);
  CHECK(placeholder->loc.line == placeholder_line);
  CHECK(placeholder->loc.column == 23);  // characters, not bytes: "ü" counts once
}

TEST_CASE("import reads every Windows encoding with the same result and positions") {
  const std::string lf = kDocument;
  const std::string declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  SECTION("UTF-8, LF, no declaration") {
    CheckImported(lf, 6);
  }
  SECTION("UTF-8 with BOM, CRLF, declaration") {
    CheckImported("\xEF\xBB\xBF" + WithCrlf(declaration + lf), 7);
  }
  SECTION("UTF-16LE with BOM (Get-CsTopology -AsXml > file), CRLF") {
    CheckImported(ToUtf16(WithCrlf(lf), false), 6);
  }
  SECTION("UTF-16BE with BOM, declaration saying utf-8 (the BOM wins)") {
    CheckImported(ToUtf16(declaration + lf, true), 7);
  }
}

TEST_CASE("undecodable UTF-16 is one clear error") {
  std::string truncated = ToUtf16(kDocument, false);
  truncated.pop_back();
  Diagnostics diagnostics;
  CHECK_FALSE(Import(truncated, diagnostics));
  CHECK(diagnostics.error_count() == 1);
  CHECK(FindDiagnostic(diagnostics, "LT3003", "UTF-16LE"));
}

TEST_CASE("DecodeToUtf8 handles surrogate pairs and reports unpaired ones") {
  std::string utf8;
  TextEncoding encoding;
  std::string error;
  // U+1F600 as UTF-16LE: D83D DE00.
  REQUIRE(DecodeToUtf8(std::string("\xFF\xFE<\0\x3D\xD8\x00\xDE", 8), &utf8, &encoding, &error));
  CHECK(encoding == TextEncoding::kUtf16Le);
  CHECK(utf8 == "<\xF0\x9F\x98\x80");
  CHECK_FALSE(DecodeToUtf8(std::string("\xFF\xFE\x3D\xD8<\0", 6), &utf8, &encoding, &error));
  CHECK(error.find("surrogate") != std::string::npos);
}

TEST_CASE("TextPositions counts characters and treats CRLF as one break") {
  TextPositions positions(
      "ab\r\n\xC3\xBC"
      "cd\nx");
  CHECK(positions.At(0).line == 1);
  CHECK(positions.At(1).column == 2);
  SourceLoc c = positions.At(6);  // 'c' after the two-byte character
  CHECK(c.line == 2);
  CHECK(c.column == 2);
  CHECK(positions.At(9).line == 3);
  CHECK(positions.At(9).column == 1);
}

}  // namespace
}  // namespace lynctopo
