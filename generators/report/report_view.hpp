#pragma once

// The architect's report as a template view: overview, diagrams and one sortable, filterable
// table per artifact (certificates, DNS per view, proxy rules, load balancers, firewall, SPNs,
// IIS). Every cell is HTML-escaped here; templates/report/report.html.mustache only lays out.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "generators/artifact_set.hpp"
#include "generators/firewall/firewall_model.hpp"
#include "generators/json_template.hpp"
#include "generators/loadbalancer/loadbalancer_model.hpp"
#include "generators/report/diagrams.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

struct ReportInputs {
  const Plan& plan;
  const ArtifactSet& artifacts;
  const FirewallPlan& firewall;
  const LoadBalancerPlan& loadbalancer;
  // Validation, plan and consistency findings to show (errors never reach a report).
  std::vector<Diagnostic> findings;
  bool consistent = true;  // the consistency check passed
};

struct RenderedDiagram {
  const Diagram* diagram = nullptr;
  std::string svg;   // empty when Graphviz is unavailable or failed
  std::string note;  // why there is no SVG
};

// The page's view: its diagrams, sections, tables and rows are lazy lists (json_template.hpp);
// the diagrams list refers to `diagrams`, which must outlive the view.
TemplateView BuildReportView(const ReportInputs& inputs,
                             const std::vector<RenderedDiagram>& diagrams);

// HTML text and attribute escaping (& < > " ').
std::string Html(std::string_view text);

}  // namespace lynctopo
