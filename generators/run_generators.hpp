#pragma once

// Running a chosen list of generators into one OutputSet: what `generate` does between
// building the artifact models and writing, shared with the tests.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "generators/generator.hpp"

namespace lynctopo {

// One `--set gen.key=value`.
struct GeneratorSetting {
  std::string generator;
  std::string key;
  std::string value;
};

// Splits "dns.ttl=300"; nullopt when there is no generator prefix, no key or no '='.
std::optional<GeneratorSetting> ParseGeneratorSetting(std::string_view text);

// Runs each generator with options[generator->name()], `jobs` at a time (0: one per core);
// outputs and diagnostics are the same whatever `jobs` is. A generator that throws is reported
// (LT4006) and the run continues, so one bug never hides the other findings.
void RunGenerators(std::span<const Generator* const> generators, const Plan& plan,
                   const std::map<std::string, GeneratorOptions>& options,
                   const TemplateStore& templates, const ArtifactSet& artifacts, OutputSet& outputs,
                   Diagnostics& diagnostics, unsigned jobs = 0);

}  // namespace lynctopo
