#include "cli/progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "cli/terminal.hpp"

namespace lynctopo::cli {

namespace {

// CI systems often give a job a pseudo-terminal; their logs are files all the same.
bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string_view(ci) != "false";
}

}  // namespace

ProgressLine::ProgressLine(std::string_view command, bool wanted)
    : command_(command), enabled_(wanted && !Terminal().quiet && IsTerminal(2) && !InCi()) {}

ProgressLine::~ProgressLine() {
  Clear();
}

void ProgressLine::Show(std::string_view stage) {
  if (!enabled_) return;
  // \r back to the start of the line, ESC[K erases what a longer previous stage left.
  std::fprintf(stderr, "\r\033[K%.*s: %.*s...", static_cast<int>(command_.size()), command_.data(),
               static_cast<int>(stage.size()), stage.data());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace lynctopo::cli
