#include "cli/common.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/terminal.hpp"
#include "generators/output_fs.hpp"
#include "model/text_safety.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo::cli {

bool ParseOutputFormat(const std::string& text, OutputFormat* out, bool allow_markdown) {
  if (text == "text") {
    *out = OutputFormat::kText;
  } else if (text == "json") {
    *out = OutputFormat::kJson;
  } else if (allow_markdown && (text == "md" || text == "markdown")) {
    *out = OutputFormat::kMarkdown;
  } else {
    return false;
  }
  return true;
}

ValidationOptions& RunValidationOptions() {
  static ValidationOptions options;
  return options;
}

void AddStrictFlag(CLI::App& command) {
  command.add_flag("--strict", RunValidationOptions().strict,
                   "Design rules (recommendations, feature prerequisites) are errors, not "
                   "warnings (docs/diagnostics.md)");
  for (CLI::App* sub : command.get_subcommands([](CLI::App*) { return true; })) {
    AddStrictFlag(*sub);
  }
}

std::optional<Topology> LoadValidTopology(const std::string& path,
                                          const std::vector<std::string>& overlays,
                                          Diagnostics& diagnostics) {
  LoadOptions options;
  options.overlays = overlays;
  std::optional<Topology> topology = LoadTopologyFile(path, diagnostics, options);
  if (!topology) return std::nullopt;
  ValidateTopology(*topology, diagnostics, RunValidationOptions());
  if (diagnostics.HasErrors()) return std::nullopt;
  return topology;
}

void PrintDiagnostics(const Diagnostics& diagnostics) {
  // One cause, one line. The same finding reported twice (diff --pending reads both
  // topologies of one .tbxml, so every note about the file comes twice) prints once; a
  // finding without a position repeated for many files (an output folder that cannot be
  // created fails every file below it) prints once with the count, unless -v asks for all.
  std::vector<Diagnostic> sorted = diagnostics.Sorted();
  std::set<std::string> printed;
  std::map<std::tuple<std::string, Severity, std::string>, size_t> per_cause;
  for (const Diagnostic& d : sorted) {
    if (d.loc.line == 0 && !d.file.empty()) ++per_cause[{d.code, d.severity, d.message}];
  }
  std::set<std::tuple<std::string, Severity, std::string>> aggregated;
  for (const Diagnostic& d : sorted) {
    if (!ShouldPrint(d.severity)) continue;
    // Messages quote the input: its control characters must not reach the terminal raw.
    std::string line = EscapeControlCharacters(FormatDiagnostic(d));
    if (!printed.insert(line).second) continue;
    if (d.loc.line == 0 && !d.file.empty() && !Terminal().verbose) {
      std::tuple<std::string, Severity, std::string> cause{d.code, d.severity, d.message};
      size_t count = per_cause[cause];
      if (count > 1) {
        if (!aggregated.insert(cause).second) continue;
        line += fmt::format(" (and {} more file{} alike; -v lists them)", count - 1,
                            count == 2 ? "" : "s");
      }
    }
    std::cerr << ColorSeverity(line, d.severity, 2) << '\n';
  }
}

bool SplitAddressPort(const std::string& text, std::string* address, int* port) {
  *port = 443;
  std::string rest;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string::npos) return false;
    *address = text.substr(1, close - 1);
    rest = text.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return false;
    if (!rest.empty()) rest.erase(0, 1);
    if (rest.empty() && close + 1 < text.size()) return false;
  } else if (size_t colon = text.rfind(':');
             colon != std::string::npos && text.find(':') == colon) {
    *address = text.substr(0, colon);
    rest = text.substr(colon + 1);
    if (rest.empty()) return false;
  } else {
    *address = text;
  }
  if (!rest.empty()) {
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), *port);
    if (ec != std::errc() || end != rest.data() + rest.size() || *port < 1 || *port > 65535) {
      return false;
    }
  }
  return !address->empty();
}

bool WriteTextOutput(const std::string& path, const std::string& content,
                     Diagnostics& diagnostics) {
  if (path == "-") {
    std::cout << content;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::error_code ec = ReplaceRegularFile(path, content);
  if (ec == std::errc::not_supported) {
    diagnostics.Error("LT0041", path, {},
                      "is not a regular file (a device, FIFO, folder or link); -o only replaces "
                      "regular files: use '-o -' for standard output");
    return false;
  }
  if (ec) {
    diagnostics.Error("LT0003", path, {}, "cannot write output file: " + ec.message());
    return false;
  }
  return true;
}

}  // namespace lynctopo::cli
