// `lynctopo import`: a Topology Builder file or published topology (plus overlays that add
// what Lync files do not hold) to our own JSON or XML format.

#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "model/load.hpp"

namespace lynctopo::cli {
namespace {

struct ImportArgs {
  std::string input;
  std::vector<std::string> overlays;
  bool original = false;
  std::string output;
  std::string format = "text";
};

// --format json: the outcome on stdout (schemas/import.schema.json) instead of diagnostics
// on stderr.
int Report(const ImportArgs& args, const Diagnostics& diagnostics, bool written) {
  if (args.format == "json") {
    nlohmann::json report = DiagnosticsToJson(diagnostics);
    std::cout << nlohmann::json{{"format_version", 1},
                                {"input", args.input},
                                {"output", args.output},
                                {"written", written},
                                {"diagnostics", report["diagnostics"]},
                                {"errors", report["errors"]},
                                {"warnings", report["warnings"]}}
                     .dump(2)
              << '\n';
  } else {
    PrintDiagnostics(diagnostics);
  }
  return written ? kExitOk : kExitFailure;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int RunImport(const ImportArgs& args) {
  Diagnostics diagnostics;
  LoadOptions options;
  options.overlays = args.overlays;
  options.original_topology = args.original;
  std::optional<Topology> topology;
  if (std::optional<std::string> text = ReadInputFile(args.input, diagnostics)) {
    InputKind kind = DetectInputKind(*text);
    if (kind == InputKind::kJson || kind == InputKind::kXml) {
      diagnostics.Error("LT3002", args.input, {},
                        "this is already a lynctopo topology, not a Lync one: use it directly, "
                        "or `lynctopo convert` to change its format");
    } else {
      // The loader imports Lync documents and applies the overlays in order.
      topology = LoadTopologyFile(args.input, diagnostics, options);
    }
  }
  // What validate would say about the written file, so import -> edit -> generate starts clean.
  if (topology && !diagnostics.HasErrors()) {
    ValidateTopology(*topology, diagnostics, RunValidationOptions());
  }
  if (!topology || diagnostics.HasErrors()) return Report(args, diagnostics, false);
  std::string content =
      EndsWith(args.output, ".xml") ? WriteXmlTopology(*topology) : WriteJsonTopology(*topology);
  bool written = WriteTextOutput(args.output, content, diagnostics);
  return Report(args, diagnostics, written);
}

}  // namespace

void SetupImport(CLI::App& app, CliState& state) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd =
      app.add_subcommand("import",
                         "Import a Lync / Skype for Business topology (Topology Builder .tbxml or "
                         "Get-CsTopology -AsXml) into our JSON or XML format");
  cmd->add_option("FILE", args->input, "Topology Builder file or published topology document")
      ->required();
  cmd->add_option("--overlay", args->overlays,
                  "Our-format file (JSON or XML, may be partial) adding what Lync files do not "
                  "hold: reverse proxies, Kerberos accounts, load balancing and VIPs, "
                  "certificate policy, simple URLs, Edge public addresses. Repeatable; later "
                  "overlays win")
      ->allow_extra_args(false);
  cmd->add_flag("--original", args->original,
                "Read the published state (OriginalTopology) of a Topology Builder file instead "
                "of the edited one (NewTopology)");
  cmd->add_option("-o,--output", args->output,
                  "Output file: *.xml writes our XML format, anything else JSON; - = stdout "
                  "(JSON)")
      ->required();
  cmd->add_option("--format", args->format,
                  "text (diagnostics on stderr) or json (the outcome on stdout, "
                  "schemas/import.schema.json; needs -o FILE)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Example:\n"
      "  lynctopo import contoso.tbxml --overlay contoso-overlay.json -o contoso.json\n"
      "  lynctopo import topology.xml --overlay proxies.json --overlay vips.json -o site.xml\n"
      "Warnings name the overlay field that fills each piece the Lync file cannot hold "
      "(docs/import.md).");
  cmd->callback([args, &state] {
    if (args->format == "json" && args->output == "-") {
      std::cerr << "lynctopo import: --format json prints the outcome on stdout: give -o FILE\n";
      state.exit_code = kExitUsage;
      return;
    }
    state.exit_code = RunImport(*args);
  });
}

}  // namespace lynctopo::cli
