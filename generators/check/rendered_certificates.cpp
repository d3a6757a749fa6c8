#include "generators/check/rendered_certificates.hpp"

#include <unordered_map>

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>

#include "generators/check/rendered_parsers.hpp"
#include "model/fqdn.hpp"

namespace lynctopo::rendered {

namespace {

// Position of the literal following `-Flag ` in a line's code, counting literals before it.
int LiteralIndexAfter(const std::string& code, std::string_view flag) {
  size_t at = code.find(flag);
  if (at == std::string::npos) return -1;
  int index = 0;
  for (size_t i = code.find("''"); i != std::string::npos && i < at; i = code.find("''", i + 2))
    ++index;
  return index;
}

}  // namespace

std::vector<std::string> CsvListNames(const std::string& field) {
  std::vector<std::string> items;
  std::istringstream in(field);
  std::string item;
  while (std::getline(in, item, ';')) {
    if (!item.empty()) items.push_back(ToLower(item));
  }
  std::sort(items.begin(), items.end());
  return items;
}

namespace {

// One row of certificates.csv after its header, its fields moved out of the parsed row, not
// copied.
void Mention(CsvRow& parsed, size_t id, size_t subject, size_t sans, size_t install_on,
             std::vector<CertificateMention>& out) {
  std::vector<std::string>& f = parsed.fields;
  if (f.size() == 1 && f[0].empty()) return;  // a trailing empty line
  auto take = [&](size_t i) { return i < f.size() ? std::move(f[i]) : std::string(); };
  auto take_lower = [&](size_t i) {
    std::string text = take(i);
    for (char& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // as ToLower
    }
    return text;
  };
  CertificateMention& row = out.emplace_back();
  row.id = take(id);
  row.subject = take_lower(subject);
  row.line = parsed.line;
  row.sans_field = take_lower(sans);
  row.install_on_field = take_lower(install_on);
}

}  // namespace

bool CsvCertificates(std::string_view csv, std::vector<CertificateMention>& out, std::string& error,
                     const std::function<void(size_t offset)>& passed) {
  bool header = true, columns_found = false;
  size_t id = 0, subject = 0, sans = 0, install_on = 0;
  ForEachCsvRow(
      csv,
      [&](CsvRow& parsed) {
        if (std::exchange(header, false)) {
          std::map<std::string, size_t> column;
          for (size_t i = 0; i < parsed.fields.size(); ++i) column[parsed.fields[i]] = i;
          for (const char* name : {"id", "subject", "sans", "install_on"}) {
            if (!column.count(name)) {
              error = std::string("no '") + name + "' column";
              return;
            }
          }
          id = column["id"], subject = column["subject"], sans = column["sans"],
          install_on = column["install_on"];
          columns_found = true;
          return;
        }
        if (columns_found) Mention(parsed, id, subject, sans, install_on, out);
      },
      passed);
  if (header) error = "no header row";
  return columns_found;
}

void ForEachScriptCertificateStep(std::string_view script, NamePool& pool,
                                  const std::function<void(const CertificateMention&)>& each,
                                  const std::function<void(size_t offset)>& passed) {
  std::string_view computer;
  CertificateMention request;  // one for every step: its buffers are reused
  ForEachSingleQuotedLine(script, [&](QuotedLine& line) {
    if (passed) passed(line.end);
    const std::string& code = line.code;
    size_t start = code.find_first_not_of(" \t");
    if (start == std::string::npos) return;
    std::string_view statement(code.c_str() + start);
    if (statement.starts_with("if ($ComputerFqdn -eq ''")) {
      computer = pool.Intern(ToLower(line.literals[0]));
      return;
    }
    std::string step;
    for (const char* verb : {"Request", "Import", "Set"}) {
      if (statement.starts_with(std::string(verb) + "-PlannedCertificate ")) step = verb;
    }
    if (step.empty()) return;
    int id = LiteralIndexAfter(code, "-Id ''");
    int subject = LiteralIndexAfter(code, "-Subject ''");
    int names = LiteralIndexAfter(code, "-Names @(");
    if (id < 0 || subject < 0 || names < 0) return;
    size_t names_end = code.find(')', code.find("-Names @("));
    // The -Names array's literals run from its first to the one before ')'.
    int count = 0;
    for (size_t i = code.find("''", code.find("-Names @("));
         i != std::string::npos && i < names_end; i = code.find("''", i + 2))
      ++count;
    request.id = line.literals[id];
    request.subject = ToLower(line.literals[subject]);
    request.names.clear();
    for (int i = names; i < names + count && i < static_cast<int>(line.literals.size()); ++i)
      request.names.push_back(pool.Intern(ToLower(line.literals[i])));
    std::sort(request.names.begin(), request.names.end());
    request.hosts.clear();
    if (!computer.empty()) request.hosts.push_back(computer);
    request.step = step;
    request.global = code.find("-Global $true") != std::string::npos;
    request.line = line.line;
    each(request);
  });
}

std::vector<CertificateMention> ScriptCertificateSteps(std::string_view script, NamePool& pool) {
  std::vector<CertificateMention> requests;
  std::unordered_map<std::string, size_t> names_at;  // certificate id -> step holding its names
  ForEachScriptCertificateStep(script, pool, [&](const CertificateMention& step) {
    CertificateMention request = step;
    // The last step of this certificate that holds its names has the names of the step before.
    auto held = names_at.find(request.id);
    if (held != names_at.end() && requests[held->second].names == request.names) {
      request.names = {};
      request.names_as_before = true;
    } else {
      names_at[request.id] = requests.size();
    }
    requests.push_back(std::move(request));
  });
  return requests;
}

}  // namespace lynctopo::rendered
