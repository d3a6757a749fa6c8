#pragma once

// How the CLI talks to the terminal, set once from the global flags (-q, -v, --color) before
// any subcommand runs: which diagnostics to print, and whether to colour them.

#include <string>
#include <string_view>

#include "model/diagnostics.hpp"

namespace lynctopo::cli {

enum class ColorMode { kAuto, kAlways, kNever };

struct TerminalSettings {
  bool quiet = false;    // -q: errors only
  bool verbose = false;  // -v: notes too, and progress where a command has any
  ColorMode color = ColorMode::kAuto;
};

TerminalSettings& Terminal();

// Colour on `fd` (1 or 2): --color always/never wins; auto means a TTY, NO_COLOR unset or
// empty (https://no-color.org) and TERM not "dumb".
bool UseColor(int fd);

// Whether to print a finding of `severity`: -q keeps errors only.
bool ShouldPrint(Severity severity);

// `text` wrapped in the ANSI colour of a severity / a diff marker when colour is on for `fd`.
std::string ColorSeverity(std::string_view line, Severity severity, int fd);
std::string ColorMarker(std::string_view line, char marker, int fd);

// Whether `fd` is a terminal (progress lines are drawn only there).
bool IsTerminal(int fd);

}  // namespace lynctopo::cli
