#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/load.hpp"

using namespace lynctopo;
namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* kExamples[] = {"small-business", "enterprise", "hosting"};

}  // namespace

TEST_CASE("every example round-trips XML -> JSON -> XML -> JSON unchanged", "[format][examples]") {
  for (const char* name : kExamples) {
    INFO(name);
    fs::path base = fs::path(LYNCTOPO_SOURCE_DIR) / "examples" / name;
    std::string xml = ReadFile(base.string() + ".xml");
    std::string json = ReadFile(base.string() + ".json");
    Diagnostics diagnostics;
    auto from_xml = LoadXmlTopology(xml, name, diagnostics);
    REQUIRE(from_xml);
    std::string json1 = WriteJsonTopology(*from_xml);
    auto from_json = LoadJsonTopology(json1, name, diagnostics);
    REQUIRE(from_json);
    std::string xml2 = WriteXmlTopology(*from_json);
    auto from_xml2 = LoadXmlTopology(xml2, name, diagnostics);
    REQUIRE(from_xml2);
    std::string json2 = WriteJsonTopology(*from_xml2);
    CHECK(diagnostics.empty());
    CHECK(json1 == json2);
    // The shipped twins are in canonical form: they are exactly what the writers produce.
    CHECK(json1 == json);
    CHECK(xml2 == xml);
  }
}

// Every member the writer emits is declared in the JSON Schema, and every property the schema
// declares is emitted by some example: the schema says exactly what the code reads and writes.
TEST_CASE("JSON Schema and the format agree field by field", "[format][schema]") {
  nlohmann::json schema = nlohmann::json::parse(
      ReadFile(fs::path(LYNCTOPO_SOURCE_DIR) / "schemas" / "lynctopo.schema.json"));
  std::map<std::string, std::set<std::string>> seen;  // schema object path -> members written
  std::function<void(const nlohmann::json&, const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json& value, nlohmann::json rule, std::string where) {
        while (rule.contains("$ref")) {
          std::string ref = rule["$ref"];
          where = ref;
          rule = schema.at(nlohmann::json::json_pointer(ref.substr(1)));
        }
        if (value.is_object()) {
          REQUIRE(rule.contains("properties"));
          for (const auto& [key, member] : value.items()) {
            INFO(where << " / " << key);
            REQUIRE(rule["properties"].contains(key));
            seen[where].insert(key);
            walk(member, rule["properties"][key], where + "/" + key);
          }
        } else if (value.is_array()) {
          for (const auto& item : value) walk(item, rule["items"], where);
        }
      };
  for (const char* name : kExamples) {
    fs::path path = fs::path(LYNCTOPO_SOURCE_DIR) / "examples" / (std::string(name) + ".json");
    walk(nlohmann::json::parse(ReadFile(path)), schema, "#");
  }
  std::function<void(const nlohmann::json&, const std::string&)> declared =
      [&](const nlohmann::json& rule, const std::string& where) {
        if (!rule.is_object() || !rule.contains("properties")) return;
        for (const auto& [key, sub] : rule["properties"].items()) {
          if (key == "$schema") continue;
          INFO(where << " declares " << key);
          CHECK(seen[where].count(key) == 1);
          if (!sub.contains("$ref")) declared(sub, where + "/" + key);
        }
      };
  declared(schema, "#");
  for (const auto& [def, rule] : schema["$defs"].items()) declared(rule, "#/$defs/" + def);
}

TEST_CASE("docs/format.md shows the small-business example as the writer produces it",
          "[format][docs]") {
  std::string doc = ReadFile(fs::path(LYNCTOPO_SOURCE_DIR) / "docs" / "format.md");
  std::string json = ReadFile(fs::path(LYNCTOPO_SOURCE_DIR) / "examples" / "small-business.json");
  CHECK(doc.find("```json\n" + json + "```") != std::string::npos);
}
