#include "model/diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

namespace lynctopo {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

void Diagnostics::Report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  if (diagnostic.severity == Severity::kWarning) ++warning_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(std::string code, std::string file, SourceLoc loc, std::string message) {
  Report({std::move(code), Severity::kError, std::move(file), std::move(loc), std::move(message)});
}

void Diagnostics::Warning(std::string code, std::string file, SourceLoc loc, std::string message) {
  Report(
      {std::move(code), Severity::kWarning, std::move(file), std::move(loc), std::move(message)});
}

void Diagnostics::Note(std::string code, std::string file, SourceLoc loc, std::string message) {
  Report({std::move(code), Severity::kNote, std::move(file), std::move(loc), std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const auto& d : other.items_) Report(d);
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.loc.line, a.loc.column, a.code, a.message) <
           std::tie(b.file, b.loc.line, b.loc.column, b.code, b.message);
  });
  return sorted;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.loc.line > 0) {
      out += ':' + std::to_string(d.loc.line);
      if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
    }
    out += ": ";
  }
  out += SeverityName(d.severity);
  out += ": ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  return out;
}

nlohmann::json DiagnosticsToJson(const Diagnostics& diagnostics) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : diagnostics.Sorted()) {
    nlohmann::json item = {
        {"code", d.code},         {"severity", std::string(SeverityName(d.severity))},
        {"file", d.file},         {"line", d.loc.line},
        {"column", d.loc.column}, {"message", d.message}};
    if (!d.loc.pointer.empty()) item["pointer"] = d.loc.pointer;
    list.push_back(std::move(item));
  }
  return {{"format_version", 1},
          {"diagnostics", std::move(list)},
          {"errors", diagnostics.error_count()},
          {"warnings", diagnostics.warning_count()}};
}

}  // namespace lynctopo
