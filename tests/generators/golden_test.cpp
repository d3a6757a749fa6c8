// Golden files for every generator: each shipped example (JSON form) through load → validate →
// plan → artifact models → every registered generator, compared byte for byte with
// tests/golden/<generator>/<example>/<path inside the generator's folder>. A generator whose
// golden folder does not exist yet is reported, never silently skipped. Regenerate (then review
// the diff by eye) with LYNCTOPO_UPDATE_GOLDEN=1.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "generators/artifact_set.hpp"
#include "generators/generator.hpp"
#include "generators/run_generators.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// generator name -> (path inside its folder -> content)
using GeneratedFiles = std::map<std::string, std::map<std::string, std::string>>;

GeneratedFiles GenerateAll(const std::string& example, Diagnostics& diagnostics) {
  fs::path path = fs::path(LYNCTOPO_SOURCE_DIR) / "examples" / (example + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  if (!topology) return {};
  ValidateTopology(*topology, diagnostics);
  Plan plan = DerivePlan(*topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  TemplateStore templates;
  OutputSet outputs;
  RunGenerators(AllGenerators(), plan, {}, templates, artifacts, outputs, diagnostics);
  GeneratedFiles files;
  for (const auto& [name, artifact] : outputs.artifacts()) {
    size_t slash = name.find('/');
    REQUIRE(slash != std::string::npos);
    files[artifact.generator][name.substr(slash + 1)] = artifact.content;
  }
  return files;
}

std::set<std::string> FilesUnder(const fs::path& root) {
  std::set<std::string> names;
  if (!fs::exists(root)) return names;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) names.insert(fs::relative(entry.path(), root).string());
  }
  return names;
}

}  // namespace

TEST_CASE("every generator's output matches its golden files", "[golden]") {
  const bool update = std::getenv("LYNCTOPO_UPDATE_GOLDEN") != nullptr;
  const fs::path golden_root = fs::path(LYNCTOPO_SOURCE_DIR) / "tests" / "golden";
  for (const char* example : {"small-business", "enterprise", "hosting"}) {
    DYNAMIC_SECTION(example) {
      Diagnostics diagnostics;
      GeneratedFiles files = GenerateAll(example, diagnostics);
      std::string findings;
      for (const Diagnostic& d : diagnostics.Sorted()) findings += FormatDiagnostic(d) + "\n";
      INFO(findings);
      REQUIRE_FALSE(diagnostics.HasErrors());

      Diagnostics again;
      CHECK(GenerateAll(example, again) == files);  // same input, same bytes

      for (const Generator* generator : AllGenerators()) {
        const std::string name(generator->name());
        INFO("generator " << name);
        const fs::path golden = golden_root / name / example;
        const auto& produced = files[name];
        if (update) {
          fs::remove_all(golden);
          for (const auto& [path, content] : produced) {
            fs::create_directories((golden / path).parent_path());
            std::ofstream(golden / path, std::ios::binary) << content;
          }
          continue;
        }
        std::set<std::string> generated;
        for (const auto& [path, content] : produced) generated.insert(path);
        CHECK(FilesUnder(golden) == generated);
        for (const auto& [path, content] : produced) {
          INFO(path << " (LYNCTOPO_UPDATE_GOLDEN=1 regenerates; review the diff)");
          CHECK(ReadFile(golden / path) == content);
        }
      }
    }
  }
}

}  // namespace lynctopo
