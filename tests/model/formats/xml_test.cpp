#include <catch2/catch.hpp>

#include "model/load.hpp"

using namespace lynctopo;

namespace {

const Diagnostic* Find(const Diagnostics& diagnostics, const std::string& code) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

const char* kTopology = R"(<?xml version="1.0" encoding="UTF-8"?>
<topology xmlns="urn:lynctopo:topology:1" format_version="1" name="Contoso">
  <sip_domains>
    <sip_domain>contoso.com</sip_domain>
    <sip_domain> Fabrikam.COM. </sip_domain>
  </sip_domains>
  <sites>
    <site name="Redmond">
      <pools>
        <pool kind="front-end" fqdn="Pool01.Contoso.Local."/>
        <pool kind="director"
              fqdn="dir.contoso.local" external_web_fqdn="DirExt.contoso.com">
          <servers>
            <server fqdn="dir01.contoso.local"><addresses><address>10.0.1.21</address></addresses></server>
          </servers>
        </pool>
      </pools>
    </site>
  </sites>
</topology>
)";

}  // namespace

TEST_CASE("XML loader records element and attribute positions", "[format][xml]") {
  Diagnostics diagnostics;
  auto topology = LoadXmlTopology(kTopology, "t.xml", diagnostics);
  REQUIRE(topology);
  CHECK(diagnostics.empty());
  const Pool& director = topology->sites.at(0).pools.at(1);
  CHECK(director.origin.loc.line == 11);
  CHECK(director.origin.loc.column == 9);
  CHECK(director.origin.loc.pointer.empty());
  CHECK(director.origin.Field("kind").line == 11);
  CHECK(director.origin.Field("kind").column == 15);
  CHECK(director.origin.Field("external_web_fqdn").line == 12);
  CHECK(director.origin.Field("external_web_fqdn").column == 40);
  CHECK(topology->origin.Field("sip_domains/1").line == 5);
  CHECK(topology->origin.Field("sip_domains/1").column == 17);
  CHECK(director.servers.at(0).origin.Field("addresses/0").line == 14);
}

TEST_CASE("XML loader normalises host names like the JSON loader", "[format][xml]") {
  Diagnostics diagnostics;
  auto topology = LoadXmlTopology(kTopology, "t.xml", diagnostics);
  REQUIRE(topology);
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com", "fabrikam.com"});
  CHECK(topology->sites[0].pools[0].fqdn == "pool01.contoso.local");
  CHECK(topology->sites[0].pools[1].external_web_fqdn == "dirext.contoso.com");
  CHECK(topology->sites[0].pools[1].servers[0].addresses == std::vector<std::string>{"10.0.1.21"});
}

TEST_CASE("XML loader reports structure problems at their positions", "[format][xml]") {
  Diagnostics diagnostics;
  auto topology = LoadXmlTopology(R"(<topology xmlns="urn:lynctopo:topology:1" format_version="1">
  <certificates key_bits="lots" split_over_max_sans="yes"/>
  <sites>
    <site name="A" kind="branch" colour="blue">
      <pools><pool kind="edge"><fqdn>x</fqdn></pool></pools>
      <pol/>
    </site>
  </sites>
</topology>)",
                                  "t.xml", diagnostics);
  REQUIRE(topology);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.Sorted()) lines.push_back(FormatDiagnostic(d));
  CHECK(lines ==
        std::vector<std::string>{
            "t.xml:2:17: error: 'key_bits' must be an integer, not 'lots' [LT0105]",
            "t.xml:2:33: error: 'split_over_max_sans' must be true or false, not 'yes' [LT0105]",
            "t.xml:4:34: warning: unknown attribute 'colour' on <site>; it is ignored [LT0103]",
            "t.xml:5:32: error: 'fqdn' must be an attribute of <pool>, not an element [LT0105]",
            "t.xml:6:7: warning: unknown element <pol> in <site> (did you mean 'pools'?); it is "
            "ignored [LT0103]",
        });
}

TEST_CASE("XML list wrappers accept only their item element", "[format][xml]") {
  Diagnostics diagnostics;
  auto topology = LoadXmlTopology(R"(<topology xmlns="urn:lynctopo:topology:1" format_version="1">
  <sip_domains><sip_domain>contoso.com</sip_domain><sipdomain>x.com</sipdomain></sip_domains>
</topology>)",
                                  "t.xml", diagnostics);
  REQUIRE(topology);
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com"});
  const Diagnostic* d = Find(diagnostics, "LT0103");
  REQUIRE(d);
  CHECK(d->message ==
        "unknown element <sipdomain> in <sip_domains> (did you mean 'sip_domain'?); it is "
        "ignored");
}

TEST_CASE("malformed XML gives exactly one diagnostic", "[format][xml]") {
  for (const char* text :
       {"<topology xmlns=\"urn:lynctopo:topology:1\" format_version=\"1\">\n  <sites>\n",
        "<topology format_version=\"1\"><sites></site></topology>", "<topology a=\"1></topology>",
        "<topology"}) {
    Diagnostics diagnostics;
    CHECK_FALSE(LoadXmlTopology(text, "bad.xml", diagnostics));
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].code == "LT0102");
    CHECK(diagnostics.items()[0].loc.line > 0);
  }
}

TEST_CASE("XML namespace is checked", "[format][xml]") {
  Diagnostics wrong;
  CHECK_FALSE(
      LoadXmlTopology("<topology xmlns=\"urn:other\" format_version=\"1\"/>", "t.xml", wrong));
  REQUIRE(wrong.items().size() == 1);
  CHECK(wrong.items()[0].code == "LT0110");
  Diagnostics missing;
  CHECK(LoadXmlTopology("<topology format_version=\"1\"/>", "t.xml", missing));
  REQUIRE(missing.items().size() == 1);
  CHECK(missing.items()[0].severity == Severity::kWarning);
  Diagnostics prefixed;
  CHECK(
      LoadXmlTopology("<lt:topology xmlns:lt=\"urn:lynctopo:topology:1\" format_version=\"1\">"
                      "<lt:sip_domains><lt:sip_domain>a.com</lt:sip_domain></lt:sip_domains>"
                      "</lt:topology>",
                      "t.xml", prefixed));
  CHECK(prefixed.empty());
}

TEST_CASE("XML writer escapes free text and reads it back unchanged", "[format][xml]") {
  Topology topology;
  topology.name = "Contoso \"HQ\" & <partners>";
  Site site;
  site.name = "Tab\there";
  site.description = "line 1\nline 2\r\n  indented 'quoted'";
  topology.sites.push_back(site);
  std::string xml = WriteXmlTopology(topology);
  Diagnostics diagnostics;
  auto again = LoadXmlTopology(xml, "t.xml", diagnostics);
  REQUIRE(again);
  CHECK(diagnostics.empty());
  CHECK(again->name == topology.name);
  CHECK(again->sites.at(0).name == site.name);
  CHECK(again->sites.at(0).description == site.description);
  CHECK(WriteXmlTopology(*again) == xml);
}
