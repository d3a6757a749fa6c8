// Every shipped example plans without errors, and the XML and JSON twin of each plan identically.

#include <filesystem>
#include <optional>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "model/load.hpp"
#include "model/plan/output.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

std::string Messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.Sorted()) out += FormatDiagnostic(d) + "\n";
  return out;
}

// The plan JSON of `path`, or nullopt (with a failed check) when it does not load or validate.
std::optional<std::string> PlanJson(const std::filesystem::path& path) {
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  if (topology) ValidateTopology(*topology, diagnostics);
  if (!topology || diagnostics.HasErrors()) {
    INFO(Messages(diagnostics));
    FAIL_CHECK(path.string() << " does not load and validate");
    return std::nullopt;
  }
  Plan plan = DerivePlan(*topology, diagnostics);
  INFO(path.string() << "\n" << Messages(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK_FALSE(plan.names.empty());
  CHECK_FALSE(PlanToText(plan).empty());
  CHECK_FALSE(PlanToMarkdown(plan).empty());
  return PlanToJson(plan).dump(2);
}

TEST_CASE("Plan: every example plans identically from its XML and JSON twin", "[plan][examples]") {
  std::filesystem::path examples = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples";
  std::vector<std::filesystem::path> json_files;
  if (std::filesystem::is_directory(examples)) {
    for (const auto& entry : std::filesystem::directory_iterator(examples)) {
      if (entry.path().extension() == ".json") json_files.push_back(entry.path());
    }
  }
  REQUIRE_FALSE(json_files.empty());
  std::sort(json_files.begin(), json_files.end());
  for (const std::filesystem::path& json_file : json_files) {
    std::filesystem::path xml_file = json_file;
    xml_file.replace_extension(".xml");
    std::optional<std::string> from_json = PlanJson(json_file);
    if (!std::filesystem::exists(xml_file)) continue;
    std::optional<std::string> from_xml = PlanJson(xml_file);
    INFO(json_file.filename().string());
    REQUIRE(from_json);
    REQUIRE(from_xml);
    CHECK(*from_json == *from_xml);
  }
}

}  // namespace
}  // namespace lynctopo
