#include "cli/generate_report.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>

namespace lynctopo::cli {

namespace {

const char* ModeName(WriteMode mode) {
  switch (mode) {
    case WriteMode::kWrite:
      return "write";
    case WriteMode::kCheck:
      return "check";
    case WriteMode::kDryRun:
      return "dry-run";
  }
  return "write";
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// One line of an edit script: ' ' kept, '-' removed, '+' added.
struct Edit {
  char op;
  const std::string* line;
};

// Above this many cells the middle part is not aligned line by line.
constexpr size_t kMaxLcsCells = 4'000'000;

std::vector<Edit> EditScript(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < prefix; ++i) edits.push_back({' ', &a[i]});
  const size_t n = a.size() - prefix - suffix;
  const size_t m = b.size() - prefix - suffix;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxLcsCells) {
    // Longest common subsequence of the middle parts, then walk it forwards.
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({' ', &a[prefix + i]});
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        edits.push_back({'+', &b[prefix + j++]});
      } else {
        edits.push_back({'-', &a[prefix + i++]});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) edits.push_back({'-', &a[prefix + i]});
    for (size_t j = 0; j < m; ++j) edits.push_back({'+', &b[prefix + j]});
  }
  for (size_t i = a.size() - suffix; i < a.size(); ++i) edits.push_back({' ', &a[i]});
  return edits;
}

// Unified format: "start,count", "start" for one line, and for an empty range the line
// before it with count 0.
std::string HunkRange(size_t start, size_t count) {
  if (count == 0) return fmt::format("{},0", start - 1);
  if (count == 1) return fmt::format("{}", start);
  return fmt::format("{},{}", start, count);
}

std::optional<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string UnifiedDiff(const std::string& old_label, const std::string& new_label,
                        const std::string& old_text, const std::string& new_text) {
  if (old_text == new_text) return "";
  std::vector<std::string> a = SplitLines(old_text);
  std::vector<std::string> b = SplitLines(new_text);
  std::vector<Edit> edits = EditScript(a, b);
  constexpr size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", old_label, new_label);
  size_t k = 0;
  // Line numbers (1-based) in a and b at edit k.
  std::vector<size_t> line_a(edits.size() + 1), line_b(edits.size() + 1);
  line_a[0] = line_b[0] = 1;
  for (size_t e = 0; e < edits.size(); ++e) {
    line_a[e + 1] = line_a[e] + (edits[e].op != '+');
    line_b[e + 1] = line_b[e] + (edits[e].op != '-');
  }
  while (k < edits.size()) {
    while (k < edits.size() && edits[k].op == ' ') ++k;
    if (k == edits.size()) break;
    size_t begin = k >= kContext ? k - kContext : 0;
    // Extend the hunk while changes are closer than 2 * context lines apart.
    size_t end = k;
    while (true) {
      while (end < edits.size() && edits[end].op != ' ') ++end;
      size_t next = end;
      while (next < edits.size() && edits[next].op == ' ' && next - end < 2 * kContext) ++next;
      if (next < edits.size() && edits[next].op != ' ') {
        end = next;
        continue;
      }
      end = std::min(edits.size(), end + kContext);
      break;
    }
    size_t count_a = line_a[end] - line_a[begin];
    size_t count_b = line_b[end] - line_b[begin];
    out += fmt::format("@@ -{} +{} @@\n", HunkRange(line_a[begin], count_a),
                       HunkRange(line_b[begin], count_b));
    for (size_t e = begin; e < end; ++e) {
      out += edits[e].op;
      out += *edits[e].line;
      out += '\n';
    }
    k = end;
  }
  const bool old_newline = old_text.empty() || old_text.back() == '\n';
  const bool new_newline = new_text.empty() || new_text.back() == '\n';
  if (!old_newline || !new_newline) out += "\\ No newline at end of file\n";
  return out;
}

std::string StaleFilesDiff(const std::string& out_dir, const WriteResult& result,
                           const OutputSet& outputs) {
  namespace fs = std::filesystem;
  std::string out;
  for (const OutputChange& change : result.changes) {
    if (change.kind == ChangeKind::kUnchanged) continue;
    if (change.path == "manifest.json") {
      out += fmt::format("manifest.json: {}\n", change.kind == ChangeKind::kCreate
                                                    ? "missing"
                                                    : "lists other files or checksums");
      continue;
    }
    std::string existing = ReadWhole(fs::path(out_dir) / change.path).value_or("");
    auto artifact = outputs.artifacts().find(change.path);
    std::optional<std::string> generated =
        artifact == outputs.artifacts().end() ? std::string() : artifact->second.Read();
    // After a write a spilled file has moved into DIR: what was generated is what is there.
    std::string wanted = generated ? std::move(*generated) : existing;
    std::string old_label = change.kind == ChangeKind::kCreate
                                ? "/dev/null"
                                : (fs::path(out_dir) / change.path).generic_string();
    std::string new_label =
        change.kind == ChangeKind::kDelete ? "/dev/null" : "generated/" + change.path;
    out += UnifiedDiff(old_label, new_label, existing, wanted);
  }
  return out;
}

nlohmann::json GenerateResultJson(const std::string& out_dir, WriteMode mode,
                                  const WriteResult& result, const OutputSet& outputs,
                                  std::span<const Generator* const> generators,
                                  const Diagnostics& diagnostics) {
  std::map<std::string, size_t> per_generator;
  for (const Generator* g : generators) per_generator[std::string(g->name())] = 0;
  for (const auto& [path, artifact] : outputs.artifacts()) ++per_generator[artifact.generator];
  size_t counts[4] = {0, 0, 0, 0};
  nlohmann::json files = nlohmann::json::array();
  for (const OutputChange& change : result.changes) {
    ++counts[static_cast<int>(change.kind)];
    files.push_back({{"path", change.path}, {"change", ToString(change.kind)}});
  }
  nlohmann::json generator_counts = nlohmann::json::object();
  for (const auto& [name, count] : per_generator) generator_counts[name] = count;
  nlohmann::json report = DiagnosticsToJson(diagnostics);
  return {
      {"format_version", 1},
      {"out", out_dir},
      {"mode", ModeName(mode)},
      {"ok", result.ok},
      {"differs", result.ok && result.Differs()},
      {"summary",
       {{"artifacts", outputs.size()},
        {"generators", generator_counts},
        {"created", counts[static_cast<int>(ChangeKind::kCreate)]},
        {"updated", counts[static_cast<int>(ChangeKind::kUpdate)]},
        {"removed", counts[static_cast<int>(ChangeKind::kDelete)]},
        {"unchanged", counts[static_cast<int>(ChangeKind::kUnchanged)]}}},
      {"files", files},
      {"diagnostics", report["diagnostics"]},
      {"errors", report["errors"]},
      {"warnings", report["warnings"]},
  };
}

}  // namespace lynctopo::cli
