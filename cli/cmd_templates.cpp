// lynctopo templates list|eject: see the templates in use and copy the built-ins out for
// customizing (then pass the folder to `generate --templates`).

#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/template_store.hpp"

namespace lynctopo::cli {

namespace {

struct TemplatesArgs {
  std::string templates;  // list: override folder
  std::string dir;        // eject: destination
  bool force = false;
};

int RunList(const TemplatesArgs& args) {
  Diagnostics diagnostics;
  std::unique_ptr<TemplateStore> store =
      args.templates.empty() ? std::make_unique<TemplateStore>()
                             : std::make_unique<TemplateStore>(args.templates, diagnostics);
  PrintDiagnostics(diagnostics);
  if (diagnostics.HasErrors()) return kExitFailure;
  for (const TemplateInfo& info : store->List()) {
    std::cout << fmt::format("{:<40} {}\n", info.name, info.origin);
  }
  return kExitOk;
}

int RunEject(const TemplatesArgs& args) {
  namespace fs = std::filesystem;
  Diagnostics diagnostics;
  const TemplateStore builtins;
  const std::vector<TemplateInfo> list = builtins.List();
  if (!args.force) {
    // All or nothing: a customized template is never overwritten by accident.
    for (const TemplateInfo& info : list) {
      fs::path target = fs::path(args.dir) / info.name;
      std::error_code ec;
      if (fs::exists(target, ec)) {
        diagnostics.Error("LT4024", target.generic_string(), {},
                          "file exists; use --force to overwrite it");
      }
    }
  }
  for (const TemplateInfo& info : list) {
    if (diagnostics.HasErrors()) break;
    fs::path target = fs::path(args.dir) / info.name;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      diagnostics.Error("LT4020", target.parent_path().generic_string(), {},
                        "cannot create folder: " + ec.message());
      break;
    }
    WriteTextOutput(target.string(), *builtins.Source(info.name), diagnostics);
  }
  PrintDiagnostics(diagnostics);
  if (diagnostics.HasErrors()) return kExitFailure;
  std::cout << fmt::format("{} templates written to {}\n", list.size(), args.dir);
  return kExitOk;
}

}  // namespace

void SetupTemplates(CLI::App& app, CliState& state) {
  auto args = std::make_shared<TemplatesArgs>();
  CLI::App* cmd = app.add_subcommand("templates", "List the templates or eject the built-ins");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples: lynctopo templates list --templates my-templates/\n"
      "          lynctopo templates eject my-templates/");

  CLI::App* list = cmd->add_subcommand("list", "Each template's name and origin");
  list->add_option("--templates", args->templates, "Folder of template overrides");
  list->callback([args, &state] { state.exit_code = RunList(*args); });

  CLI::App* eject =
      cmd->add_subcommand("eject", "Write the built-in templates to DIR for customizing");
  eject->add_option("DIR", args->dir, "Destination folder")->required();
  eject->add_flag("--force", args->force, "Overwrite existing files");
  eject->callback([args, &state] { state.exit_code = RunEject(*args); });
}

}  // namespace lynctopo::cli
