#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace lynctopo::cli {

namespace {

struct ConvertArgs {
  std::string input;
  std::string output;
  std::string to;  // json|xml; default: from the output file's extension
  std::vector<std::string> overlays;
};

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int RunConvert(const ConvertArgs& args) {
  std::string to = args.to;
  if (to.empty()) {
    if (EndsWith(args.output, ".json")) {
      to = "json";
    } else if (EndsWith(args.output, ".xml")) {
      to = "xml";
    } else {
      std::cerr << "lynctopo convert: cannot tell the output format from '" << args.output
                << "': name it *.json or *.xml, or pass --to json|xml\n";
      return kExitUsage;
    }
  }
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.input, args.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  std::string text = to == "json" ? WriteJsonTopology(*topology) : WriteXmlTopology(*topology);
  bool written = WriteTextOutput(args.output, text, diagnostics);
  PrintDiagnostics(diagnostics);
  return written ? kExitOk : kExitFailure;
}

}  // namespace

void SetupConvert(CLI::App& app, CliState& state) {
  auto args = std::make_shared<ConvertArgs>();
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert a topology between our XML and JSON formats (lossless)");
  cmd->add_option("input", args->input,
                  "Topology to read: our JSON/XML, a Topology Builder file or a published "
                  "topology")
      ->required();
  cmd->add_option("-o,--output", args->output, "File to write (*.json or *.xml; - for stdout)")
      ->required();
  cmd->add_option("--to", args->to, "Output format when the file name does not say")
      ->check(CLI::IsMember({"json", "xml"}));
  cmd->add_option("--overlay", args->overlays, "Overlay file applied on top, in order");
  cmd->footer(
      "Example:\n"
      "  lynctopo convert examples/enterprise.xml -o enterprise.json\n"
      "  lynctopo convert exported.tbxml --overlay planning.json -o topology.xml\n"
      "The input is validated first; nothing is written when it has errors. The output is\n"
      "written atomically and is byte-identical for the same model.");
  cmd->callback([args, &state] { state.exit_code = RunConvert(*args); });
}

}  // namespace lynctopo::cli
