// Golden files: every example, every product (proxy.all_products=true); the default
// (one product per proxy) output is covered by tests/generators/golden_test.cpp. Regenerate with
// LYNCTOPO_UPDATE_GOLDEN=1 and review the diff by eye.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "generators/artifact_set.hpp"
#include "generators/proxy/proxy_generator.hpp"
#include "model/load.hpp"
#include "model/validate/validate.hpp"

using namespace lynctopo;
namespace fs = std::filesystem;

namespace {

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("Proxy artifacts match the golden files for every example", "[proxy][golden]") {
  const fs::path source = LYNCTOPO_SOURCE_DIR;
  const bool update = std::getenv("LYNCTOPO_UPDATE_GOLDEN") != nullptr;
  for (const char* example : {"small-business", "enterprise", "hosting"}) {
    INFO(example);
    Diagnostics diagnostics;
    std::optional<Topology> topology = LoadTopologyFile(
        (source / "examples" / (std::string(example) + ".json")).string(), diagnostics);
    REQUIRE(topology);
    ValidateTopology(*topology, diagnostics);
    REQUIRE_FALSE(diagnostics.HasErrors());
    Plan plan = DerivePlan(*topology, diagnostics);
    ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
    REQUIRE(artifacts.proxy);
    GeneratorOptions options;
    options.values["all_products"] = "true";
    OutputSet outputs;
    Diagnostics render;
    proxy::RenderProxyArtifacts(*artifacts.proxy, proxy::ParseRenderOptions(options, render),
                                TemplateStore(), outputs, render);
    REQUIRE_FALSE(render.HasErrors());
    const fs::path golden = source / "tests/golden/proxy-all-products" / example;
    for (const auto& [path, artifact] : outputs.artifacts()) {
      INFO(path);
      const fs::path file = golden / path;
      if (update) {
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << artifact.content;
      }
      REQUIRE(fs::exists(file));
      CHECK(ReadAll(file) == artifact.content);
    }
  }
}
