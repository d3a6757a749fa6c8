#include <iostream>

#include "cli/commands.hpp"

namespace lynctopo::cli {

// Placeholder until the issue that owns `validate` lands.
void SetupValidate(CLI::App& app, CliState& state) {
  CLI::App* cmd = app.add_subcommand("validate", "(not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&state] {
    std::cerr << "lynctopo: 'validate' is not implemented yet\n";
    state.exit_code = kExitFailure;
  });
}

}  // namespace lynctopo::cli
