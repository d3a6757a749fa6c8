#pragma once

// The generator framework: independent per-target generators chosen by name (like protoc's
// plugins), all reading the one derived Plan and the artifact models built from it.

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "generators/artifact_set.hpp"
#include "generators/output_set.hpp"
#include "generators/template_store.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Per-generator options from the command line (`--set dns.ttl=300`, keys without the prefix).
struct GeneratorOptions {
  std::map<std::string, std::string> values;
  std::string Get(const std::string& key, const std::string& fallback = "") const {
    auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
  }
};

struct GeneratorContext {
  OutputSet& outputs;
  const TemplateStore& templates;
  const ArtifactSet& artifacts;  // the models every generator renders from
  Diagnostics& diagnostics;      // what this generator finds
  // The run's findings before this generator: loading, validation, the plan, the models and
  // every generator before it in output order (waiting for those still running). Unset when
  // the caller runs generators into one shared `diagnostics`, which then holds them.
  std::function<Diagnostics()> findings_before = {};
};

// Renders template `template_name` with `view` into the artifact `path` of `generator`, the text
// streamed to wherever the run keeps its artifacts (output_set.hpp AddRendered).
template <typename View>
bool RenderArtifact(GeneratorContext& context, std::string_view generator,
                    std::string_view template_name, const View& view, std::string path) {
  return context.outputs.AddRendered(
      std::move(path), generator, context.diagnostics, [&](const OutputSet::TextSink& sink) {
        return context.templates.RenderTo(template_name, view, sink, context.diagnostics);
      });
}

class Generator {
 public:
  virtual ~Generator() = default;
  // Short lower-case name used by --only and as the output folder ("certificates", "dns").
  virtual std::string_view name() const = 0;
  virtual std::string_view summary() const = 0;
  virtual void Generate(const Plan& plan, const GeneratorOptions& options,
                        GeneratorContext& context) const = 0;
  // Adds the artifact models this generator renders from to `needed` (`generate --only`
  // builds no other). By default every model: always correct, never the fastest.
  virtual void AddModels(ModelChoice& needed) const { needed = ModelChoice{}; }
};

// The static registry (generators/registry.cpp), in output order.
std::span<const Generator* const> AllGenerators();
const Generator* FindGenerator(std::string_view name);

}  // namespace lynctopo
