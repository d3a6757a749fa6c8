#pragma once

// A test-only generator: exercises the framework end to end without depending on the real
// generators. Writes demo/names.txt (one line per plan name, via the template
// demo/names.mustache) and, with option extra=1, demo/extra/more.txt; with fail=1 it reports
// an error like a generator that found a problem.

#include "generators/generator.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::testing {

class DemoGenerator : public Generator {
 public:
  std::string_view name() const override { return "demo"; }
  std::string_view summary() const override { return "test-only generator"; }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override {
    nlohmann::json names = nlohmann::json::array();
    for (const PlannedName& name : plan.names) {
      names.push_back({{"fqdn", name.fqdn.str()}, {"view", ToString(name.view)}});
    }
    auto text = context.templates.Render("demo/names.mustache", nlohmann::json{{"names", names}},
                                         context.diagnostics);
    if (text) context.outputs.Add("demo/names.txt", *text, name(), context.diagnostics);
    if (options.Get("extra") == "1") {
      context.outputs.Add("demo/extra/more.txt", "more\n", name(), context.diagnostics);
    }
    if (options.Get("fail") == "1") {
      context.diagnostics.Error("LT4999", "", {}, "demo generator asked to fail");
    }
  }
};

inline Plan DemoPlan() {
  Plan plan;
  for (const char* fqdn : {"pool01.contoso.local", "fe01.contoso.local"}) {
    PlannedName name;
    name.fqdn = *Fqdn::Parse(fqdn);
    name.addresses = {"10.0.0.1"};
    plan.names.push_back(name);
  }
  return plan;
}

}  // namespace lynctopo::testing
