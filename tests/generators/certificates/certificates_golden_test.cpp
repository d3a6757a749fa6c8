// Golden files: every shipped example through load → validate → plan → certificates generator,
// compared byte for byte with tests/golden/certificates/<example>/. Regenerate (and review by
// eye) with LYNCTOPO_UPDATE_GOLDEN=1.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "generators/artifact_set.hpp"
#include "generators/certificates/certificates_generator.hpp"
#include "generators/check.hpp"
#include "generators/generator.hpp"
#include "model/load.hpp"
#include "model/plan.hpp"
#include "model/validate.hpp"

namespace lynctopo {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, std::string> Generate(const std::string& example, Diagnostics& diagnostics) {
  fs::path path = fs::path(LYNCTOPO_SOURCE_DIR) / "examples" / (example + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  if (!topology) return {};
  ValidateTopology(*topology, diagnostics);
  Plan plan = DerivePlan(*topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  TemplateStore templates;
  OutputSet outputs;
  GeneratorContext context{outputs, templates, artifacts, diagnostics};
  CertificatesGeneratorInstance().Generate(plan, {}, context);
  RunConsistencyCheck(artifacts, diagnostics);  // LT5101–LT5103 hold on every example
  std::map<std::string, std::string> files;
  for (const auto& [name, artifact] : outputs.artifacts()) {
    files[name.substr(std::string("certificates/").size())] = artifact.content;
  }
  return files;
}

std::string AllDiagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.Sorted()) out += FormatDiagnostic(d) + "\n";
  return out;
}

TEST_CASE("certificates generator output matches the golden files", "[certificates][golden]") {
  bool update = std::getenv("LYNCTOPO_UPDATE_GOLDEN") != nullptr;
  for (const char* example : {"small-business", "enterprise", "hosting"}) {
    DYNAMIC_SECTION(example) {
      Diagnostics diagnostics;
      std::map<std::string, std::string> files = Generate(example, diagnostics);
      INFO(AllDiagnostics(diagnostics));
      REQUIRE_FALSE(diagnostics.HasErrors());
      REQUIRE(files.count("certificates.json") == 1);
      REQUIRE(files.count("request-certificates.ps1") == 1);

      // Same input, same bytes.
      Diagnostics again;
      CHECK(Generate(example, again) == files);

      fs::path golden =
          fs::path(LYNCTOPO_SOURCE_DIR) / "tests" / "golden" / "certificates" / example;
      if (update) {
        fs::remove_all(golden);
        for (const auto& [name, content] : files) {
          fs::create_directories((golden / name).parent_path());
          std::ofstream(golden / name, std::ios::binary) << content;
        }
        WARN("golden files rewritten under " << golden);
        continue;
      }
      std::set<std::string> on_disk;
      if (fs::exists(golden)) {
        for (const auto& entry : fs::recursive_directory_iterator(golden)) {
          if (entry.is_regular_file()) on_disk.insert(fs::relative(entry.path(), golden).string());
        }
      }
      std::set<std::string> generated;
      for (const auto& [name, content] : files) generated.insert(name);
      CHECK(on_disk == generated);
      for (const auto& [name, content] : files) {
        INFO(name);
        CHECK(ReadFile(golden / name) == content);
      }
    }
  }
}

}  // namespace
}  // namespace lynctopo
