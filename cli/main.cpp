// lynctopo: models a Lync Server 2013 / Skype for Business topology and generates every
// configuration artifact it needs. Subcommands are listed once, here.

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/terminal.hpp"
#include "cli/version.hpp"
#include "model/spelling.hpp"

namespace {

constexpr lynctopo::cli::CommandSetup kCommands[] = {
    lynctopo::cli::SetupValidate,  lynctopo::cli::SetupImport,     lynctopo::cli::SetupConvert,
    lynctopo::cli::SetupPlan,      lynctopo::cli::SetupGenerate,   lynctopo::cli::SetupCheck,
    lynctopo::cli::SetupCerts,     lynctopo::cli::SetupDiff,       lynctopo::cli::SetupVerify,
    lynctopo::cli::SetupTemplates, lynctopo::cli::SetupSchema,     lynctopo::cli::SetupReport,
    lynctopo::cli::SetupVersion,   lynctopo::cli::SetupCompletion,
};

// The subcommands that validate a topology, and so take --strict.
constexpr const char* kValidatingCommands[] = {"validate", "import", "convert", "plan",  "generate",
                                               "check",    "certs",  "diff",    "verify"};

// The global options, for CLI11 and for finding the subcommand word before CLI11 sees it.
void AddGlobalOptions(CLI::App& app) {
  using lynctopo::cli::ColorMode;
  using lynctopo::cli::Terminal;
  app.set_version_flag("--version", [] { return lynctopo::cli::VersionText(); });
  app.add_flag("-q,--quiet", Terminal().quiet, "Print errors only (no warnings or notes)");
  app.add_flag("-v,--verbose", Terminal().verbose,
               "Print more: every repeated diagnostic, and each stage as it finishes");
  app.add_option_function<std::string>(
         "--color",
         [](const std::string& mode) {
           Terminal().color = mode == "always"  ? ColorMode::kAlways
                              : mode == "never" ? ColorMode::kNever
                                                : ColorMode::kAuto;
         },
         "Colour severities and diff markers: auto (on a terminal, unless NO_COLOR is set), "
         "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  // Global options are accepted after the subcommand too: `lynctopo validate F -q`.
  app.fallthrough();
}

// `lynctopo frob` names the word and suggests the closest subcommand, instead of CLI11's
// "A subcommand is required". Returns false when it printed that error.
bool CheckSubcommandWord(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strcmp(arg, "--color") == 0) {
      ++i;  // its value
      continue;
    }
    if (arg[0] == '-') continue;
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->check_name(arg)) return true;
      names.push_back(sub->get_name());
    }
    std::cerr << "lynctopo: unknown command '" << arg << "'" << lynctopo::DidYouMean(arg, names)
              << "; see lynctopo --help\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace lynctopo::cli;
  CLI::App app{"lynctopo: Lync Server 2013 / Skype for Business topology planner and generator",
               "lynctopo"};
  AddGlobalOptions(app);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 invalid input or failure, 2 differences found, 3 refused by a "
      "safety flag (diff), 64 usage.\nDocumentation: docs/ in the source tree, or "
      "/usr/share/doc/lynctopo/ when installed; man lynctopo.");
  CliState state;
  for (CommandSetup setup : kCommands) setup(app, state);
  for (const char* name : kValidatingCommands) AddStrictFlag(*app.get_subcommand(name));
  if (!CheckSubcommandWord(app, argc, argv)) return kExitUsage;
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
