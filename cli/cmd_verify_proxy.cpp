#include <iostream>

#include "cli/commands.hpp"

namespace lynctopo::cli {

// Placeholder until the reverse-proxy issue lands `verify proxy` (it replaces this file).
void SetupVerifyProxy(CLI::App& verify, CliState& state) {
  CLI::App* cmd = verify.add_subcommand("proxy", "(not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&state] {
    std::cerr << "lynctopo: 'verify proxy' is not implemented yet\n";
    state.exit_code = kExitFailure;
  });
}

}  // namespace lynctopo::cli
