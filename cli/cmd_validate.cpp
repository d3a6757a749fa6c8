#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace lynctopo::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  std::vector<std::string> overlays;
  std::string format = "text";
};

int RunValidate(const ValidateArgs& args) {
  Diagnostics all;
  bool ok = true;
  for (const std::string& file : args.files) {
    Diagnostics diagnostics;
    bool valid = LoadValidTopology(file, args.overlays, diagnostics).has_value();
    ok = ok && valid;
    if (args.format == "text") {
      PrintDiagnostics(diagnostics);
      if (valid) {
        size_t warnings = diagnostics.warning_count();
        std::cout << file << ": ok (" << warnings << (warnings == 1 ? " warning)" : " warnings)")
                  << '\n';
      }
    }
    all.Append(diagnostics);
  }
  if (args.format == "json") std::cout << DiagnosticsToJson(all).dump(2) << '\n';
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

void SetupValidate(CLI::App& app, CliState& state) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check topology files (our JSON/XML, or Lync topology documents)");
  cmd->add_option("files", args->files, "Topology files to check")->required();
  cmd->add_option("--overlay", args->overlays,
                  "Overlay file (our JSON/XML) applied on top of each file, in order");
  cmd->add_option("--format", args->format, "Output: text (diagnostics on stderr) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->footer(
      "Example:\n"
      "  lynctopo validate examples/enterprise.json examples/enterprise.xml\n"
      "  lynctopo validate --format json my-topology.xml > findings.json\n"
      "Exit codes: 0 every file is valid (warnings allowed), 1 errors found, 64 usage.");
  cmd->callback([args, &state] { state.exit_code = RunValidate(*args); });
}

}  // namespace lynctopo::cli
