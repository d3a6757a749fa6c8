// lynctopo check: the cross-artifact consistency proof without writing anything.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/check/check.hpp"

namespace lynctopo::cli {

namespace {

struct CheckArgs {
  std::string file;
  std::vector<std::string> overlays;
};

int RunCheck(const CheckArgs& args) {
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.file, args.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  Plan plan = DerivePlan(*topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  RunConsistencyCheck(artifacts, diagnostics);
  PrintDiagnostics(diagnostics);
  std::cout << fmt::format("{} consistency rules: {} errors, {} warnings\n",
                           AllConsistencyRules().size(), diagnostics.error_count(),
                           diagnostics.warning_count());
  return diagnostics.HasErrors() ? kExitFailure : kExitOk;
}

}  // namespace

void SetupCheck(CLI::App& app, CliState& state) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Prove the artifact models agree (certificates, DNS, proxy rules, SPNs)");
  cmd->add_option("FILE", args->file, "Topology file (our JSON/XML, .tbxml, published topology)")
      ->required();
  cmd->add_option("--overlay", args->overlays,
                  "Planning overlay applied after loading (repeatable)")
      ->allow_extra_args(false);
  cmd->footer(
      "Example: lynctopo check examples/enterprise.json\n"
      "Exit codes: 0 consistent, 1 errors.");
  cmd->callback([args, &state] { state.exit_code = RunCheck(*args); });
}

}  // namespace lynctopo::cli
