// RunGenerators runs generators side by side: what comes out must not depend on how many run
// at once or which finished first, and a generator showing the findings so far (the report)
// must see those of every generator before it.

#include <chrono>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "generators/artifact_set.hpp"
#include "generators/generator.hpp"
#include "generators/run_generators.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

struct RunResult {
  std::vector<std::string> files;  // "path generator size" then the content, per artifact
  std::vector<std::string> diagnostics;
};

RunResult GenerateExample(const std::string& example, unsigned jobs) {
  Diagnostics diagnostics;
  std::filesystem::path path =
      std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (example + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  ValidateTopology(*topology, diagnostics);
  Plan plan = DerivePlan(*topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  TemplateStore templates;
  OutputSet outputs;
  RunGenerators(AllGenerators(), plan, {}, templates, artifacts, outputs, diagnostics, jobs);
  RunResult result;
  for (const auto& [file, artifact] : outputs.artifacts()) {
    result.files.push_back(file + " " + artifact.generator);
    result.files.push_back(artifact.content);
  }
  for (const Diagnostic& d : diagnostics.items()) result.diagnostics.push_back(FormatDiagnostic(d));
  return result;
}

TEST_CASE("every example renders the same with one generator at a time and with several",
          "[framework][parallel]") {
  for (const char* example : {"small-business", "enterprise", "hosting"}) {
    INFO(example);
    RunResult one = GenerateExample(example, 1);
    REQUIRE(one.files.size() > 10);
    for (unsigned jobs : {2u, 8u}) {
      INFO("jobs " << jobs);
      RunResult several = GenerateExample(example, jobs);
      CHECK(several.files == one.files);
      CHECK(several.diagnostics == one.diagnostics);
    }
  }
}

// Finds something only after a while, so a generator after it that did not wait would miss it.
class SlowFinder : public Generator {
 public:
  std::string_view name() const override { return "slow"; }
  std::string_view summary() const override { return "test-only"; }
  void Generate(const Plan&, const GeneratorOptions&, GeneratorContext& context) const override {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    context.diagnostics.Warning("LT9990", "", {}, "found late");
    context.outputs.Add("slow/shared.txt", "slow\n", name(), context.diagnostics);
  }
};

// Writes the findings it was shown before it, and claims the slow generator's file too.
class FindingsReader : public Generator {
 public:
  std::string_view name() const override { return "reader"; }
  std::string_view summary() const override { return "test-only"; }
  void Generate(const Plan&, const GeneratorOptions&, GeneratorContext& context) const override {
    // No Catch2 assertion here: it may run on a worker thread.
    std::string shown = context.findings_before ? "" : "no findings_before\n";
    if (context.findings_before) {
      const Diagnostics before = context.findings_before();
      for (const Diagnostic& d : before.items()) shown += d.code + "\n";
    }
    context.outputs.Add("reader/findings.txt", shown, name(), context.diagnostics);
    context.outputs.Add("slow/shared.txt", "reader\n", name(), context.diagnostics);
  }
};

// Runs `order` on an empty plan, `jobs` at a time, after the findings already in `diagnostics`.
OutputSet RunOnEmptyPlan(std::span<const Generator* const> order, unsigned jobs,
                         Diagnostics& diagnostics) {
  Plan plan;
  ArtifactSet artifacts;
  artifacts.plan = &plan;
  TemplateStore templates;
  OutputSet outputs;
  RunGenerators(order, plan, {}, templates, artifacts, outputs, diagnostics, jobs);
  return outputs;
}

TEST_CASE("a generator reading the findings so far waits for the generators before it",
          "[framework][parallel]") {
  const SlowFinder slow;
  const FindingsReader reader;
  const Generator* const order[] = {&slow, &reader};
  for (unsigned jobs : {1u, 2u}) {
    INFO("jobs " << jobs);
    Diagnostics diagnostics;
    diagnostics.Warning("LT9991", "", {}, "found before the generators");
    OutputSet outputs = RunOnEmptyPlan(order, jobs, diagnostics);
    REQUIRE(outputs.artifacts().count("reader/findings.txt"));
    CHECK(outputs.artifacts().at("reader/findings.txt").content == "LT9991\nLT9990\n");
    // Both claimed one path: the first in output order keeps it, the other is LT4004.
    CHECK(outputs.artifacts().at("slow/shared.txt").content == "slow\n");
    std::vector<std::string> codes;
    for (const Diagnostic& d : diagnostics.items()) codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"LT9991", "LT9990", "LT4004"});
  }
}

// A generator that throws, with an exception of the library's kind or anything else.
class Thrower : public Generator {
 public:
  explicit Thrower(bool standard) : standard_(standard) {}
  std::string_view name() const override { return standard_ ? "throws" : "throws-other"; }
  std::string_view summary() const override { return "test-only"; }
  void Generate(const Plan&, const GeneratorOptions&, GeneratorContext&) const override {
    if (standard_) throw std::runtime_error("broken");
    throw 42;
  }

 private:
  bool standard_;
};

TEST_CASE("a generator that throws is reported and the others still run and see it",
          "[framework][parallel]") {
  const Thrower standard(true), other(false);
  const FindingsReader reader;
  const Generator* const order[] = {&standard, &other, &reader};
  for (unsigned jobs : {1u, 3u}) {
    INFO("jobs " << jobs);
    Diagnostics diagnostics;
    OutputSet outputs = RunOnEmptyPlan(order, jobs, diagnostics);
    REQUIRE(outputs.artifacts().count("reader/findings.txt"));
    CHECK(outputs.artifacts().at("reader/findings.txt").content == "LT4006\nLT4006\n");
    REQUIRE(diagnostics.items().size() == 2);
    CHECK(diagnostics.items()[0].message == "generator 'throws' failed: broken");
    CHECK(diagnostics.items()[1].message == "generator 'throws-other' failed");
  }
}

}  // namespace
}  // namespace lynctopo
