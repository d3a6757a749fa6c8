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

// Line numbers below are those of this text (line 1 is the opening brace).
const char* kTopology = R"({
  "format_version": 1,
  "sip_domains": ["contoso.com", "Fabrikam.COM."],
  "sites": [
    {
      "name": "Redmond",
      "pools": [
        {"kind": "front-end", "fqdn": "Pool01.Contoso.Local."},
        {
          "kind": "director",
          "fqdn": "dir.contoso.local",
          "external_web_fqdn": "DirExt.contoso.com"
        }
      ]
    }
  ]
})";

}  // namespace

TEST_CASE("JSON loader records the position and pointer of every object and field",
          "[format][json]") {
  Diagnostics diagnostics;
  auto topology = LoadJsonTopology(kTopology, "t.json", diagnostics);
  REQUIRE(topology);
  CHECK(diagnostics.empty());
  const Pool& director = topology->sites.at(0).pools.at(1);
  CHECK(director.origin.loc.line == 9);
  CHECK(director.origin.loc.column == 9);
  CHECK(director.origin.loc.pointer == "/sites/0/pools/1");
  const SourceLoc& field = director.origin.Field("external_web_fqdn");
  CHECK(field.line == 12);
  CHECK(field.column == 11);
  CHECK(field.pointer == "/sites/0/pools/1/external_web_fqdn");
  const SourceLoc& domain = topology->origin.Field("sip_domains/1");
  CHECK(domain.line == 3);
  CHECK(domain.column == 34);
  CHECK(domain.pointer == "/sip_domains/1");
  const Site& site = topology->sites.at(0);
  CHECK(site.origin.Field("name").line == 6);
  // A field that is absent falls back to its object's position.
  CHECK(site.origin.Field("location").line == 5);
}

TEST_CASE("JSON loader lower-cases host names and drops the trailing dot", "[format][json]") {
  Diagnostics diagnostics;
  auto topology = LoadJsonTopology(kTopology, "t.json", diagnostics);
  REQUIRE(topology);
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com", "fabrikam.com"});
  CHECK(topology->sites[0].pools[0].fqdn == "pool01.contoso.local");
  CHECK(topology->sites[0].pools[1].external_web_fqdn == "dirext.contoso.com");
  CHECK(topology->sites[0].name == "Redmond");  // free text keeps its case
}

TEST_CASE("JSON loader warns about unknown fields with a suggestion", "[format][json]") {
  Diagnostics diagnostics;
  auto topology = LoadJsonTopology(R"({"format_version": 1,
  "sites": [{"name": "A", "pools": [{"kind": "edge", "fqdn": "e.contoso.local",
    "extrnal_web_fqdn": "x.contoso.com"}]}]})",
                                   "t.json", diagnostics);
  REQUIRE(topology);
  REQUIRE(diagnostics.items().size() == 1);
  const Diagnostic& d = diagnostics.items()[0];
  CHECK(d.code == "LT0103");
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.message ==
        "unknown field 'extrnal_web_fqdn' in this pool (did you mean 'external_web_fqdn'?); it "
        "is ignored");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.column == 5);
  CHECK(d.loc.pointer == "/sites/0/pools/0/extrnal_web_fqdn");
}

TEST_CASE("JSON loader reports wrong types, bad names and missing fields at their positions",
          "[format][json]") {
  Diagnostics diagnostics;
  auto topology = LoadJsonTopology(R"({"format_version": 1,
"certificates": {"key_bits": "2048", "split_over_max_sans": 1},
"sites": [{"kind": "centrl", "pools": [{"kind": "front-end"}], "simple_urls": {}}]})",
                                   "t.json", diagnostics);
  REQUIRE(topology);
  CHECK(diagnostics.error_count() == 6);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.Sorted()) lines.push_back(FormatDiagnostic(d));
  CHECK(lines == std::vector<std::string>{
                     "t.json:2:30: error: 'key_bits' must be an integer, not a string [LT0105]",
                     "t.json:2:61: error: 'split_over_max_sans' must be true or false, not a "
                     "number [LT0105]",
                     "t.json:3:11: error: this site has no 'name' (required) [LT0107]",
                     "t.json:3:20: error: 'centrl' is not a valid kind for this site (did you "
                     "mean 'central'?); expected one of: central, branch [LT0106]",
                     "t.json:3:40: error: this pool has no 'fqdn' (required) [LT0107]",
                     "t.json:3:79: error: 'simple_urls' must be an array, not an object "
                     "[LT0105]",
                 });
}

TEST_CASE("JSON loader reports a key given twice", "[format][json]") {
  Diagnostics diagnostics;
  auto topology = LoadJsonTopology("{\"format_version\": 1, \"name\": \"a\",\n \"name\": \"b\"}",
                                   "t.json", diagnostics);
  REQUIRE(topology);
  const Diagnostic* d = Find(diagnostics, "LT0104");
  REQUIRE(d);
  CHECK(d->loc.line == 2);
  CHECK(d->loc.column == 2);
}

TEST_CASE("malformed JSON gives exactly one diagnostic with its position", "[format][json]") {
  for (const char* text :
       {"{\n  \"format_version\": 1,\n}", "{\"format_version\": 1,\n \"sites\": [",
        "{\"name\": \"unterminated}", "{\"a\": tru}", "[1, 2"}) {
    Diagnostics diagnostics;
    CHECK_FALSE(LoadJsonTopology(text, "bad.json", diagnostics));
    REQUIRE(diagnostics.items().size() == 1);
    const Diagnostic& d = diagnostics.items()[0];
    CHECK(d.code == "LT0101");
    CHECK(d.loc.line > 0);
    CHECK(d.message.rfind("malformed JSON: ", 0) == 0);
  }
  Diagnostics diagnostics;
  LoadJsonTopology("{\n  \"format_version\": 1,\n}", "bad.json", diagnostics);
  CHECK(diagnostics.items()[0].loc.line == 3);
  CHECK(diagnostics.items()[0].loc.column == 1);
}

TEST_CASE("JSON nested absurdly deep is refused, not a crash", "[format][json]") {
  Diagnostics diagnostics;
  std::string text = "{\"format_version\": 1, \"x\": " + std::string(100000, '[');
  CHECK_FALSE(LoadJsonTopology(text, "deep.json", diagnostics));
  CHECK(diagnostics.items().size() == 1);
}

TEST_CASE("JSON format_version is required and must be 1", "[format][json]") {
  Diagnostics missing;
  LoadJsonTopology("{\"name\": \"x\"}", "t.json", missing);
  REQUIRE(Find(missing, "LT0107"));
  Diagnostics future;
  CHECK_FALSE(LoadJsonTopology("{\"format_version\": 2}", "t.json", future));
  REQUIRE(Find(future, "LT0108"));
  CHECK(Find(future, "LT0108")->message ==
        "unsupported format_version 2 (this lynctopo reads format_version 1)");
  Diagnostics not_object;
  CHECK_FALSE(LoadJsonTopology("[]", "t.json", not_object));
  CHECK(Find(not_object, "LT0105"));
}

TEST_CASE("JSON partial documents (overlays) may leave out required fields", "[format][json]") {
  const char* text =
      R"({"format_version": 1, "sites": [{"pools": [{"load_balancing": "hardware"}]}]})";
  Diagnostics strict;
  LoadJsonTopology(text, "t.json", strict);
  CHECK(strict.error_count() == 3);
  Diagnostics partial;
  auto overlay = LoadJsonTopology(text, "t.json", partial, /*partial=*/true);
  REQUIRE(overlay);
  CHECK(partial.empty());
  const Pool& pool = overlay->sites.at(0).pools.at(0);
  CHECK(pool.load_balancing == LoadBalancing::kHardware);
  // The Origin says which fields the file set, so an overlay can tell them from defaults.
  CHECK(pool.origin.fields.size() == 1);
  CHECK(pool.origin.fields[0].first == "load_balancing");
}

TEST_CASE("JSON writer writes every field in a fixed order", "[format][json]") {
  Topology topology;
  topology.name = "T";
  topology.sip_domains = {"contoso.com"};
  Site site;
  site.name = "S";
  Pool pool;
  pool.kind = PoolKind::kEdge;
  pool.fqdn = "edge.contoso.local";
  pool.edge.nat = true;
  site.pools.push_back(pool);
  topology.sites.push_back(site);
  std::string text = WriteJsonTopology(topology);
  CHECK(text.rfind("{\n  \"format_version\": 1,\n  \"name\": \"T\",\n  \"version\": \"lync2013\",",
                   0) == 0);
  CHECK(text.find("\"nat\": true") != std::string::npos);
  CHECK(text.find("\"kerberos_account\"") == std::string::npos);  // absent stays absent
  CHECK(text.back() == '\n');
  Diagnostics diagnostics;
  auto again = LoadJsonTopology(text, "t.json", diagnostics);
  REQUIRE(again);
  CHECK(diagnostics.empty());
  CHECK(WriteJsonTopology(*again) == text);
}
