// lynctopo: models a Lync Server 2013 / Skype for Business topology and generates every
// configuration artifact it needs. Subcommands are listed once, here.

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace {

constexpr lynctopo::cli::CommandSetup kCommands[] = {
    lynctopo::cli::SetupValidate,  lynctopo::cli::SetupImport,   lynctopo::cli::SetupConvert,
    lynctopo::cli::SetupPlan,      lynctopo::cli::SetupGenerate, lynctopo::cli::SetupCheck,
    lynctopo::cli::SetupCerts,     lynctopo::cli::SetupDiff,     lynctopo::cli::SetupVerify,
    lynctopo::cli::SetupTemplates, lynctopo::cli::SetupSchema,   lynctopo::cli::SetupReport,
};

// The subcommands that validate a topology, and so take --strict.
constexpr const char* kValidatingCommands[] = {"validate", "import", "convert", "plan",  "generate",
                                               "check",    "certs",  "diff",    "verify"};

}  // namespace

int main(int argc, char** argv) {
  using namespace lynctopo::cli;
  CLI::App app{"lynctopo: Lync Server 2013 / Skype for Business topology planner and generator",
               "lynctopo"};
  app.set_version_flag("--version", std::string("lynctopo ") + LYNCTOPO_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 invalid input or failure, 2 differences found, 64 usage.");
  CliState state;
  for (CommandSetup setup : kCommands) setup(app, state);
  for (const char* name : kValidatingCommands) AddStrictFlag(*app.get_subcommand(name));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    // A bug, not bad input: still no crash trace for the user.
    std::cerr << "lynctopo: internal error: " << e.what() << '\n';
    return kExitFailure;
  }
  return state.exit_code;
}
