// lynctopo report: the architect's report, one self-contained HTML page (the page `generate`
// writes as report/report.html).

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/report/report_generator.hpp"
#include "generators/run_generators.hpp"

namespace lynctopo::cli {

namespace {

struct ReportArgs {
  std::string file;
  std::vector<std::string> overlays;
  std::string output = "report.html";
  std::string templates;
};

int RunReport(const ReportArgs& args) {
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.file, args.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  Plan plan = DerivePlan(*topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  std::unique_ptr<TemplateStore> templates =
      args.templates.empty() ? std::make_unique<TemplateStore>()
                             : std::make_unique<TemplateStore>(args.templates, diagnostics);
  // Every generator runs (their files are dropped), so the page's warnings are exactly those
  // of report/report.html from `generate`.
  OutputSet outputs;
  RunGenerators(AllGenerators(), plan, {}, *templates, artifacts, outputs, diagnostics);
  auto page = outputs.artifacts().find(kReportPagePath);
  if (diagnostics.HasErrors() || page == outputs.artifacts().end()) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  bool written = WriteTextOutput(args.output, page->second.content, diagnostics);
  PrintDiagnostics(diagnostics);
  return written && !diagnostics.HasErrors() ? kExitOk : kExitFailure;
}

}  // namespace

void SetupReport(CLI::App& app, CliState& state) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write the architect's report: one self-contained HTML page with diagrams");
  cmd->add_option("FILE", args->file, "Topology file (our JSON/XML, .tbxml, published topology)")
      ->required();
  cmd->add_option("--overlay", args->overlays,
                  "Planning overlay applied after loading (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("-o,--output", args->output, "Where to write the page ('-' = stdout)");
  cmd->add_option("--templates", args->templates,
                  "Folder whose templates override the built-in ones");
  cmd->footer(
      "Example: lynctopo report examples/enterprise.json -o report.html\n"
      "The page holds the overview, the diagrams (inline SVG), certificates, DNS, proxy rules,\n"
      "load balancers, firewall flows, SPNs and IIS preparation; docs/report.md describes it.\n"
      "Exit codes: 0 written, 1 invalid input or a failed write.");
  cmd->callback([args, &state] { state.exit_code = RunReport(*args); });
}

}  // namespace lynctopo::cli
