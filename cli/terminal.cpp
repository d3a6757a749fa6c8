#include "cli/terminal.hpp"

#include <cstdlib>
#include <cstring>

#include <unistd.h>

namespace lynctopo::cli {

TerminalSettings& Terminal() {
  static TerminalSettings settings;
  return settings;
}

bool IsTerminal(int fd) {
  return ::isatty(fd) == 1;
}

bool UseColor(int fd) {
  switch (Terminal().color) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return IsTerminal(fd);
}

bool ShouldPrint(Severity severity) {
  return !Terminal().quiet || severity == Severity::kError;
}

namespace {

std::string Wrap(std::string_view text, const char* sgr) {
  std::string out = "\x1b[";
  out += sgr;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace

std::string ColorSeverity(std::string_view line, Severity severity, int fd) {
  if (!UseColor(fd)) return std::string(line);
  switch (severity) {
    case Severity::kError:
      return Wrap(line, "1;31");
    case Severity::kWarning:
      return Wrap(line, "33");
    case Severity::kNote:
      return Wrap(line, "36");
  }
  return std::string(line);
}

std::string ColorMarker(std::string_view line, char marker, int fd) {
  if (!UseColor(fd)) return std::string(line);
  switch (marker) {
    case '+':
      return Wrap(line, "32");
    case '-':
      return Wrap(line, "31");
    case '~':
      return Wrap(line, "33");
    case '@':
      return Wrap(line, "36");
    default:
      return std::string(line);
  }
}

}  // namespace lynctopo::cli
