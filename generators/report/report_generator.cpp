#include "generators/report/report_generator.hpp"

#include <set>

#include "generators/check/check.hpp"
#include "generators/firewall/firewall_model.hpp"
#include "generators/loadbalancer/loadbalancer_model.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "generators/report/diagrams.hpp"
#include "generators/report/graphviz_render.hpp"
#include "generators/report/report_view.hpp"

namespace lynctopo {

namespace {

constexpr std::string_view kName = "report";

class ReportGeneratorImpl final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "the architect's report: one self-contained HTML page with diagrams and every "
           "artifact as a sortable table";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

void ReportGeneratorImpl::Generate(const Plan& plan, const GeneratorOptions&,
                                   GeneratorContext& context) const {
  // Without findings_before, `diagnostics` holds the findings so far; taken before the
  // diagrams add their notes.
  const Diagnostics unshared = context.findings_before ? Diagnostics{} : context.diagnostics;
  Diagnostics own;
  LoadBalancerPlan lb = BuildLoadBalancerPlan(plan, {}, own);
  // The diagrams first: their layouts are the long part and need no findings, so they run
  // while the generators before this one finish.
  ProxyRuleSet no_rules;
  const ProxyRuleSet& rules = context.artifacts.proxy ? *context.artifacts.proxy : no_rules;
  std::vector<Diagram> diagrams = BuildDiagrams(plan, rules, lb);
  std::vector<RenderedDiagram> rendered;
  for (const Diagram& diagram : diagrams) {
    context.outputs.Add("report/" + diagram.file, diagram.dot, kName, context.diagnostics);
    RenderedDiagram r;
    r.diagram = &diagram;
    std::string error;
    if (auto svg = RenderDotToSvg(diagram.dot, &error)) {
      r.svg = std::move(*svg);
    } else {
      r.note = error + "; the diagram is in " + diagram.file +
               " next to this page (render it with: dot -Tsvg " + diagram.file + ")";
      context.diagnostics.Note("LT9104", "", {},
                               "diagram " + diagram.file + " not rendered: " + error);
    }
    rendered.push_back(std::move(r));
  }

  // The findings so far (validation, plan, artifact models), then what the models built here
  // and the consistency check add; each once, whichever generators ran before.
  std::vector<Diagnostic> findings;
  std::set<std::string> seen;
  const Diagnostics before = context.findings_before ? context.findings_before() : unshared;
  for (const Diagnostic& d : before.Sorted()) {
    if (d.severity == Severity::kError) continue;
    if (seen.insert(FormatDiagnostic(d)).second) findings.push_back(d);
  }
  FirewallPlan firewall = BuildFirewallPlan(plan, own);
  Diagnostics checked_here;
  if (!context.artifacts.consistency) RunConsistencyCheck(context.artifacts, checked_here);
  const Diagnostics& consistency =
      context.artifacts.consistency ? *context.artifacts.consistency : checked_here;
  for (const Diagnostics* more : {static_cast<const Diagnostics*>(&own), &consistency}) {
    for (const Diagnostic& d : more->Sorted()) {
      if (seen.insert(FormatDiagnostic(d)).second) findings.push_back(d);
    }
  }

  ReportInputs inputs{plan, context.artifacts,   firewall,
                      lb,   std::move(findings), !consistency.HasErrors()};
  TemplateView view = BuildReportView(inputs, rendered);
  RenderArtifact(context, kName, "report/report.html.mustache", view, std::string(kReportPagePath));
}

}  // namespace

const Generator& ReportGenerator() {
  static const ReportGeneratorImpl instance;
  return instance;
}

}  // namespace lynctopo
