#include <iostream>

#include "cli/commands.hpp"

namespace lynctopo::cli {

// Placeholder until the issue that owns `certs` lands.
void SetupCerts(CLI::App& app, CliState& state) {
  CLI::App* cmd = app.add_subcommand("certs", "(not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&state] {
    std::cerr << "lynctopo: 'certs' is not implemented yet\n";
    state.exit_code = kExitFailure;
  });
}

}  // namespace lynctopo::cli
