#include <iostream>

#include "cli/commands.hpp"

namespace lynctopo::cli {

// Placeholder until the issue that owns `templates` lands.
void SetupTemplates(CLI::App& app, CliState& state) {
  CLI::App* cmd = app.add_subcommand("templates", "(not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&state] {
    std::cerr << "lynctopo: 'templates' is not implemented yet\n";
    state.exit_code = kExitFailure;
  });
}

}  // namespace lynctopo::cli
