// lynctopo check: the cross-artifact consistency proof, over the artifact models built from the
// topology, or (--artifacts DIR) over a generated output folder read back from disk.

#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/check/check.hpp"
#include "generators/check/rendered_artifacts.hpp"

namespace lynctopo::cli {

namespace {

struct CheckArgs {
  std::string file;
  std::vector<std::string> overlays;
  std::string artifacts;  // a generated output folder; empty: the models only
  std::string format = "text";
};

int RunCheck(const CheckArgs& args) {
  bool json = args.format == "json";
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.file, args.overlays, diagnostics);
  Plan plan;
  if (topology) {
    plan = DerivePlan(*topology, diagnostics);
    if (args.artifacts.empty()) {
      ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
      RunConsistencyCheck(artifacts, diagnostics, /*jobs=*/0);
    } else {
      RenderedFiles files;
      if (ReadRenderedFiles(args.artifacts, files, diagnostics))
        ProveRenderedArtifacts(plan, files, args.artifacts, diagnostics, /*jobs=*/0);
    }
  }
  if (json) {
    nlohmann::json out = DiagnosticsToJson(diagnostics);
    out["kind"] = "lynctopo-check";
    out["topology"] = args.file;
    out["artifacts"] = args.artifacts.empty() ? nlohmann::json() : nlohmann::json(args.artifacts);
    out["rules"] = AllConsistencyRules().size();
    out["consistent"] = topology.has_value() && !diagnostics.HasErrors();
    std::cout << out.dump(2) << '\n';
  } else {
    PrintDiagnostics(diagnostics);
    if (topology) {
      std::cout << fmt::format("{} consistency rules{}: {} errors, {} warnings\n",
                               AllConsistencyRules().size(),
                               args.artifacts.empty() ? "" : " over " + args.artifacts,
                               diagnostics.error_count(), diagnostics.warning_count());
    }
  }
  return !topology || diagnostics.HasErrors() ? kExitFailure : kExitOk;
}

}  // namespace

void SetupCheck(CLI::App& app, CliState& state) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Prove the artifacts agree (certificates, DNS, proxy rules, SPNs)");
  cmd->add_option("FILE", args->file, "Topology file (our JSON/XML, .tbxml, published topology)")
      ->required();
  cmd->add_option("--overlay", args->overlays,
                  "Planning overlay applied after loading (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--artifacts", args->artifacts,
                  "A generated output folder to read back and prove, as it is on disk "
                  "(ejected templates or hand edits included)");
  cmd->add_option("--format", args->format, "Output: text (diagnostics on stderr) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->footer(
      "Examples:\n"
      "  lynctopo check examples/enterprise.json\n"
      "  lynctopo check examples/enterprise.json --artifacts out/ --format json\n"
      "Every finding names its rule code (docs/diagnostics.md) and, with --artifacts, the file\n"
      "and line.\n"
      "Exit codes: 0 consistent, 1 inconsistent or invalid input, 64 usage.");
  cmd->callback([args, &state] { state.exit_code = RunCheck(*args); });
}

}  // namespace lynctopo::cli
