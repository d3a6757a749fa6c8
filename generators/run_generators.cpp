#include "generators/run_generators.hpp"

#include <exception>

#include <fmt/format.h>

namespace lynctopo {

std::optional<GeneratorSetting> ParseGeneratorSetting(std::string_view text) {
  size_t dot = text.find('.');
  size_t equals = text.find('=');
  if (dot == std::string_view::npos || equals == std::string_view::npos || dot == 0 ||
      dot > equals || equals == dot + 1) {
    return std::nullopt;
  }
  return GeneratorSetting{std::string(text.substr(0, dot)),
                          std::string(text.substr(dot + 1, equals - dot - 1)),
                          std::string(text.substr(equals + 1))};
}

void RunGenerators(std::span<const Generator* const> generators, const Plan& plan,
                   const std::map<std::string, GeneratorOptions>& options,
                   const TemplateStore& templates, const ArtifactSet& artifacts, OutputSet& outputs,
                   Diagnostics& diagnostics) {
  static const GeneratorOptions kNoOptions;
  for (const Generator* generator : generators) {
    auto found = options.find(std::string(generator->name()));
    const GeneratorOptions& own = found == options.end() ? kNoOptions : found->second;
    GeneratorContext context{outputs, templates, artifacts, diagnostics};
    try {
      generator->Generate(plan, own, context);
    } catch (const std::exception& e) {
      diagnostics.Error("LT4006", "", {},
                        fmt::format("generator '{}' failed: {}", generator->name(), e.what()));
    }
  }
}

}  // namespace lynctopo
