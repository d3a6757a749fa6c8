#pragma once

// A one-line progress indicator on stderr for long commands: drawn only when stderr is a
// terminal and -q is off, never into pipes or CI logs, and erased before anything else prints.

#include <string_view>

namespace lynctopo::cli {

class ProgressLine {
 public:
  // `command` prefixes the line ("lynctopo generate"); `wanted` lets a caller turn it off
  // (--format json, for one).
  ProgressLine(std::string_view command, bool wanted);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Replaces the line with "<command>: <stage>...".
  void Show(std::string_view stage);
  // Erases the line; later Show calls draw it again.
  void Clear();
  bool enabled() const { return enabled_; }

 private:
  std::string_view command_;
  bool enabled_ = false;
  bool drawn_ = false;
};

}  // namespace lynctopo::cli
