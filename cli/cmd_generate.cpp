#include <iostream>

#include "cli/commands.hpp"

namespace lynctopo::cli {

// Placeholder until the issue that owns `generate` lands.
void SetupGenerate(CLI::App& app, CliState& state) {
  CLI::App* cmd = app.add_subcommand("generate", "(not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&state] {
    std::cerr << "lynctopo: 'generate' is not implemented yet\n";
    state.exit_code = kExitFailure;
  });
}

}  // namespace lynctopo::cli
