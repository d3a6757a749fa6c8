// `lynctopo plan FILE`: derive the plan (every name, service and endpoint) and print it.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "model/plan/output.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::cli {

namespace {

struct PlanOptions {
  std::string file;
  std::vector<std::string> overlays;
  std::string format = "text";
  std::string output = "-";
};

int RunPlan(const PlanOptions& options) {
  OutputFormat format = OutputFormat::kText;
  ParseOutputFormat(options.format, &format, /*allow_markdown=*/true);  // checked by CLI11
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(options.file, options.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  // The plan points into `topology`, which stays alive until the output is written.
  Plan plan = DerivePlan(*topology, diagnostics);
  PrintDiagnostics(diagnostics);
  if (diagnostics.HasErrors()) return kExitFailure;

  std::string content;
  switch (format) {
    case OutputFormat::kJson:
      content = PlanToJson(plan).dump(2) + "\n";
      break;
    case OutputFormat::kMarkdown:
      content = PlanToMarkdown(plan);
      break;
    case OutputFormat::kText:
      content = PlanToText(plan);
      break;
  }
  Diagnostics write_diagnostics;
  if (!WriteTextOutput(options.output, content, write_diagnostics)) {
    PrintDiagnostics(write_diagnostics);
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void SetupPlan(CLI::App& app, CliState& state) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plan", "Print the derived plan: every name, SRV service and endpoint, with its addresses");
  cmd->add_option("FILE", options->file, "Topology (our XML or JSON format, or a Lync export)")
      ->required();
  cmd->add_option("--overlay", options->overlays,
                  "Planning overlay applied on top of FILE (repeatable, in order)");
  cmd->add_option("--format", options->format, "Output format: text, json or md")
      ->check(CLI::IsMember({"text", "json", "md", "markdown"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output, "Write to this file instead of stdout ('-')");
  cmd->footer(
      "Examples:\n"
      "  lynctopo plan examples/enterprise.json\n"
      "  lynctopo plan topology.tbxml --overlay overlay.json --format json -o plan.json\n"
      "Diagnostics go to stderr; exit 1 when the topology is invalid or the plan has errors.");
  cmd->callback([options, &state] { state.exit_code = RunPlan(*options); });
}

}  // namespace lynctopo::cli
