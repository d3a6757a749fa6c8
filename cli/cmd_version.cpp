// `lynctopo version [--format json]`: the long form of --version, for bug reports and tools.

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/version.hpp"

namespace lynctopo::cli {

void SetupVersion(CLI::App& app, CliState& state) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand(
      "version", "Print the version, git description, build and library versions");
  cmd->add_option("--format", *format, "text or json (schemas/version.schema.json)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->footer("Example: lynctopo version --format json");
  cmd->callback([format, &state] {
    std::cout << (*format == "json" ? VersionJson().dump(2) + "\n" : VersionText());
    state.exit_code = kExitOk;
  });
}

}  // namespace lynctopo::cli
