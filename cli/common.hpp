#pragma once

// Pieces every subcommand shares: loading a topology with its overlays, printing diagnostics.

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/load.hpp"
#include "model/topology.hpp"
#include "model/validate/validate.hpp"

namespace CLI {
class App;
}

namespace lynctopo::cli {

enum class OutputFormat { kText, kJson, kMarkdown };

// Accepts "text", "json" and (where `allow_markdown`) "md"/"markdown".
bool ParseOutputFormat(const std::string& text, OutputFormat* out, bool allow_markdown = false);

// The validation options of this run: `--strict`, added by AddStrictFlag to every subcommand
// that validates. One per process, since a run is one subcommand.
ValidationOptions& RunValidationOptions();
// Adds `--strict` (design rules are errors) to `command` and to each of its subcommands.
void AddStrictFlag(CLI::App& command);

// Loads `path` (any supported kind) with `overlays`, then validates it with
// RunValidationOptions(). Returns nullopt when it
// could not be loaded or has errors; every finding is in `diagnostics`.
std::optional<Topology> LoadValidTopology(const std::string& path,
                                          const std::vector<std::string>& overlays,
                                          Diagnostics& diagnostics);

// Diagnostics to stderr, one per line, in the text format (or nothing in JSON mode, where the
// caller embeds DiagnosticsToJson in its own output).
void PrintDiagnostics(const Diagnostics& diagnostics);

// "ADDR", "ADDR:PORT", "[V6]:PORT" or "V6" -> address and port (443 when none is given). False
// for an empty address, a malformed bracket, or a port that is empty, not a number or outside
// 1..65535.
bool SplitAddressPort(const std::string& text, std::string* address, int* port);

// Writes `content` to `path` atomically (temp file in the same folder + rename); "-" = stdout.
// A path that exists and is not a regular file (FIFO, device, folder, link) is refused.
bool WriteTextOutput(const std::string& path, const std::string& content, Diagnostics& diagnostics);

}  // namespace lynctopo::cli
