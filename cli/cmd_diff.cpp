// lynctopo diff: what changes between the actual topology and the planned one, at the
// topology level and in every artifact, Terraform-style.

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/artifact_set.hpp"
#include "generators/diff/artifact_diff.hpp"
#include "generators/report/change_report.hpp"
#include "model/diff/change_output.hpp"
#include "model/diff/topology_diff.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo::cli {
namespace {

struct DiffOptions {
  std::string planned;
  std::string actual;
  std::string pending;
  std::vector<std::string> planned_overlays;
  std::vector<std::string> actual_overlays;
  std::string format = "text";
  bool topology_only = false;
  bool fail_on_delete = false;
  int max_dns_deletes = -1;
};

// One side of the comparison: the model and everything derived from it. Plans point into
// their topology, so a side is never copied.
struct Side {
  Topology topology;
  Plan plan;
  ArtifactSet artifacts;
};

// The actual side is what is deployed: it is never held to design rules (Lync accepted it),
// only to what makes its artifacts impossible to derive.
std::unique_ptr<Side> LoadSide(const std::string& path, const std::vector<std::string>& overlays,
                               bool original_topology, bool actual, Diagnostics& diagnostics) {
  LoadOptions options;
  options.overlays = overlays;
  options.original_topology = original_topology;
  std::optional<Topology> topology = LoadTopologyFile(path, diagnostics, options);
  if (!topology) return nullptr;
  ValidationOptions validation = RunValidationOptions();
  if (actual) validation = ValidationOptions{.strict = false, .design_rules = false};
  ValidateTopology(*topology, diagnostics, validation);
  if (diagnostics.HasErrors()) return nullptr;
  auto side = std::make_unique<Side>();
  side->topology = std::move(*topology);
  side->plan = DerivePlan(side->topology, diagnostics);
  side->artifacts = BuildArtifacts(side->plan, diagnostics);
  return side;
}

// DNS changes are per record set: count the individual records a change takes away.
size_t RemovedRecordValues(const Change& c) {
  static const nlohmann::json kNone = nlohmann::json::array();
  const nlohmann::json& before = c.before.is_object() ? c.before["values"] : kNone;
  const nlohmann::json& after = c.after.is_object() ? c.after["values"] : kNone;
  size_t removed = 0;
  for (const auto& value : before) {
    if (std::find(after.begin(), after.end(), value) == after.end()) ++removed;
  }
  return removed;
}

// Pipeline safety flags: a change that removes too much fails the run (exit 1) even though
// the diff itself succeeded.
std::vector<std::string> SafetyViolations(const DiffOptions& options,
                                          const std::vector<Change>& changes) {
  std::vector<std::string> problems;
  size_t dns_deletes = 0;
  for (const Change& c : changes) {
    if (c.kind == "dns-record") dns_deletes += RemovedRecordValues(c);
    if (!options.fail_on_delete) continue;
    bool removes = c.action == ChangeAction::kDelete || c.action == ChangeAction::kReplace;
    if (c.kind == "certificate" && c.action == ChangeAction::kUpdate) {
      for (const std::string& line : DescribeFieldChanges(c.before, c.after)) {
        if (line.rfind("- sans ", 0) == 0) removes = true;
      }
    }
    if (removes) {
      problems.push_back(std::string(ToString(c.action)) + " " + c.kind + " " + c.address);
    }
  }
  if (options.max_dns_deletes >= 0 && dns_deletes > static_cast<size_t>(options.max_dns_deletes)) {
    problems.push_back(std::to_string(dns_deletes) + " DNS records removed (more than " +
                       std::to_string(options.max_dns_deletes) + ")");
  }
  return problems;
}

int RunDiff(const DiffOptions& options) {
  // html: the report's page style for a change board (generators/report/change_report.hpp).
  const bool html = options.format == "html";
  OutputFormat format = OutputFormat::kText;
  if (!html && !ParseOutputFormat(options.format, &format, /*allow_markdown=*/true)) {
    std::cerr << "lynctopo diff: unknown --format '" << options.format << "'\n";
    return kExitUsage;
  }
  Diagnostics diagnostics;
  std::unique_ptr<Side> before;
  std::unique_ptr<Side> after;
  if (!options.pending.empty()) {
    // A Topology Builder file holds both: what is published and what is being edited.
    before = LoadSide(options.pending, options.actual_overlays, true, true, diagnostics);
    after = LoadSide(options.pending, options.planned_overlays, false, false, diagnostics);
  } else {
    before = LoadSide(options.actual, options.actual_overlays, false, true, diagnostics);
    after = LoadSide(options.planned, options.planned_overlays, false, false, diagnostics);
  }
  PrintDiagnostics(diagnostics);
  if (!before || !after || diagnostics.HasErrors()) return kExitFailure;

  std::vector<Change> changes = DiffTopologies(before->topology, after->topology);
  if (!options.topology_only) {
    for (Change& c : DiffArtifacts(before->artifacts, after->artifacts)) {
      changes.push_back(std::move(c));
    }
  }
  if (html) {
    std::optional<std::string> page =
        ChangesToHtml(changes, "lynctopo diff", TemplateStore(), diagnostics);
    if (!page) {
      PrintDiagnostics(diagnostics);
      return kExitFailure;
    }
    std::cout << *page;
  } else {
    switch (format) {
      case OutputFormat::kJson:
        std::cout << ChangesToJson(changes).dump(2) << '\n';
        break;
      case OutputFormat::kMarkdown:
        std::cout << ChangesToMarkdown(changes);
        break;
      case OutputFormat::kText:
        std::cout << ChangesToText(changes);
        break;
    }
  }
  std::vector<std::string> violations = SafetyViolations(options, changes);
  for (const std::string& v : violations) {
    std::cerr << "lynctopo diff: refused by safety flag: " << v << '\n';
  }
  if (!violations.empty()) return kExitFailure;
  return Summarize(changes).empty() ? kExitOk : kExitDifferent;
}

}  // namespace

void SetupDiff(CLI::App& app, CliState& state) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Show what changes from the ACTUAL topology to the PLANNED one, in every artifact");
  cmd->add_option("planned", options->planned, "The planned (desired) topology, any format");
  cmd->add_option("actual", options->actual, "The actual (current) topology, any format");
  cmd->add_option("--pending", options->pending,
                  "A .tbxml: compare its OriginalTopology (published) with its NewTopology");
  cmd->add_option("--overlay,--overlay-planned", options->planned_overlays,
                  "Overlay applied to the planned side (repeatable)");
  cmd->add_option("--overlay-actual", options->actual_overlays,
                  "Overlay applied to the actual side (repeatable)");
  cmd->add_option("--format", options->format, "text, md, json or html")->default_val("text");
  cmd->add_flag("--topology-only", options->topology_only, "Skip the artifact-level impact");
  cmd->add_flag(
      "--fail-on-delete", options->fail_on_delete,
      "Exit 1 when the change deletes or replaces anything or removes a certificate name");
  cmd->add_option("--max-dns-deletes", options->max_dns_deletes,
                  "Exit 1 when more than N DNS records would be removed");
  cmd->footer(
      "Examples:\n"
      "  lynctopo diff planned.json actual.tbxml --overlay-actual overlay.json\n"
      "  lynctopo diff --pending edited.tbxml --format md\n"
      "Exit codes: 0 identical, 2 different, 1 error or refused by a safety flag, 64 usage.");
  cmd->callback([options, &state, cmd] {
    bool two_files = !options->planned.empty() && !options->actual.empty();
    bool pending = !options->pending.empty();
    if (two_files == pending || (pending && !options->planned.empty())) {
      std::cerr << "lynctopo diff: give PLANNED and ACTUAL, or --pending FILE\n" << cmd->help();
      state.exit_code = kExitUsage;
      return;
    }
    state.exit_code = RunDiff(*options);
  });
}

}  // namespace lynctopo::cli
