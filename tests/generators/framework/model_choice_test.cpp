// `generate --only` builds only the models its generators declare (Generator::AddModels). A
// generator that reads a model it did not declare would render less, or nothing, on its own:
// each generator alone, with only its models, must write exactly what it writes in a full run.

#include <filesystem>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "generators/artifact_set.hpp"
#include "generators/generator.hpp"
#include "generators/run_generators.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

std::map<std::string, std::string> Render(const Plan& plan, const ArtifactSet& artifacts,
                                          std::span<const Generator* const> generators,
                                          const std::string& generator) {
  TemplateStore templates;
  OutputSet outputs;
  Diagnostics diagnostics;
  RunGenerators(generators, plan, {}, templates, artifacts, outputs, diagnostics, 1);
  std::map<std::string, std::string> files;
  for (const auto& [path, artifact] : outputs.artifacts()) {
    if (artifact.generator == generator) files.emplace(path, artifact.content);
  }
  return files;
}

TEST_CASE("each generator renders the same from only the models it declares",
          "[framework][models]") {
  for (const char* example : {"small-business", "enterprise", "hosting"}) {
    INFO(example);
    Diagnostics diagnostics;
    std::optional<Topology> topology = LoadTopologyFile(
        (std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (std::string(example) + ".json"))
            .string(),
        diagnostics);
    REQUIRE(topology);
    ValidateTopology(*topology, diagnostics);
    Plan plan = DerivePlan(*topology, diagnostics);
    ArtifactSet all = BuildArtifacts(plan, diagnostics);
    for (const Generator* generator : AllGenerators()) {
      const std::string name(generator->name());
      INFO(name);
      ModelChoice choice = ModelChoice::None();
      generator->AddModels(choice);
      Diagnostics own;
      ArtifactSet chosen = BuildArtifacts(plan, own, choice);
      const Generator* const alone[] = {generator};
      std::map<std::string, std::string> expected = Render(plan, all, AllGenerators(), name);
      REQUIRE(!expected.empty());
      CHECK(Render(plan, chosen, alone, name) == expected);
    }
  }
}

TEST_CASE("a model left out is not built, and only what needs it is", "[framework][models]") {
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadTopologyFile(
      (std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / "enterprise.json").string(),
      diagnostics);
  REQUIRE(topology);
  Plan plan = DerivePlan(*topology, diagnostics);
  ModelChoice dns_only = ModelChoice::None();
  dns_only.dns = true;
  ArtifactSet dns = BuildArtifacts(plan, diagnostics, dns_only);
  CHECK(dns.dns);
  CHECK_FALSE(dns.certificates);
  CHECK_FALSE(dns.proxy);
  CHECK_FALSE(dns.kerberos);
  CHECK_FALSE(dns.iis);
  ModelChoice proxy_only = ModelChoice::None();
  proxy_only.proxy = true;
  ArtifactSet proxy = BuildArtifacts(plan, diagnostics, proxy_only);
  REQUIRE(proxy.proxy);
  CHECK(proxy.certificates);  // the listener certificates come from it
  CHECK_FALSE(proxy.dns);
}

}  // namespace
}  // namespace lynctopo
