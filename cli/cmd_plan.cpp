#include <iostream>

#include "cli/commands.hpp"

namespace lynctopo::cli {

// Placeholder until the issue that owns `plan` lands.
void SetupPlan(CLI::App& app, CliState& state) {
  CLI::App* cmd = app.add_subcommand("plan", "(not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&state] {
    std::cerr << "lynctopo: 'plan' is not implemented yet\n";
    state.exit_code = kExitFailure;
  });
}

}  // namespace lynctopo::cli
