#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/source_location.hpp"

namespace lynctopo {

enum class Severity { kNote, kWarning, kError };

std::string_view SeverityName(Severity severity);

// One finding. `code` is stable across releases (`LT` + 4 digits) and documented in
// docs/diagnostics.md; tools match on it, people read `message`.
struct Diagnostic {
  std::string code;
  Severity severity = Severity::kError;
  std::string file;  // as the user named it; empty when not tied to a file
  SourceLoc loc;
  std::string message;
};

// Collects every finding of a run; nothing stops at the first problem.
class Diagnostics {
 public:
  void Report(Diagnostic diagnostic);
  void Error(std::string code, std::string file, SourceLoc loc, std::string message);
  void Warning(std::string code, std::string file, SourceLoc loc, std::string message);
  void Note(std::string code, std::string file, SourceLoc loc, std::string message);
  void Append(const Diagnostics& other);

  bool HasErrors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  size_t warning_count() const { return warning_count_; }
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

  // Stable order for output: by file, line, column, code, message.
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> items_;
  size_t error_count_ = 0;
  size_t warning_count_ = 0;
};

// `path:line:col: error: message [LT1234]` (position parts omitted when unknown).
std::string FormatDiagnostic(const Diagnostic& diagnostic);
// {"format_version":1,"diagnostics":[{"code","severity","file","line","column","pointer","message"}],
//  "errors":N,"warnings":N}
nlohmann::json DiagnosticsToJson(const Diagnostics& diagnostics);

}  // namespace lynctopo
