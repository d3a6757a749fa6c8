#pragma once

// Each subcommand lives in its own cli/cmd_*.cpp and is listed once in cli/main.cpp.

#include <CLI/CLI.hpp>

namespace lynctopo::cli {

// Exit codes, the same for every subcommand (README, "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // invalid input or a failed operation
inline constexpr int kExitDifferent = 2;  // diff / verify / generate --check found differences
inline constexpr int kExitUsage = 64;

struct CliState {
  int exit_code = kExitOk;
};

// Adds a subcommand to `app`; its callback stores the exit code in `state`.
using CommandSetup = void (*)(CLI::App& app, CliState& state);

void SetupValidate(CLI::App& app, CliState& state);
void SetupConvert(CLI::App& app, CliState& state);
void SetupImport(CLI::App& app, CliState& state);
void SetupPlan(CLI::App& app, CliState& state);
void SetupGenerate(CLI::App& app, CliState& state);
void SetupCheck(CLI::App& app, CliState& state);
void SetupCerts(CLI::App& app, CliState& state);
void SetupDiff(CLI::App& app, CliState& state);
void SetupVerify(CLI::App& app, CliState& state);
// `verify proxy` (cli/cmd_verify_proxy.cpp), added by SetupVerify to its `verify` command.
void SetupVerifyProxy(CLI::App& verify, CliState& state);
// `verify FILE` itself (cli/cmd_verify_live.cpp): every live check in the change format.
void SetupVerifyLive(CLI::App& verify, CliState& state);
void SetupTemplates(CLI::App& app, CliState& state);
void SetupSchema(CLI::App& app, CliState& state);
void SetupReport(CLI::App& app, CliState& state);
void SetupVersion(CLI::App& app, CliState& state);
void SetupCompletion(CLI::App& app, CliState& state);

}  // namespace lynctopo::cli
