// `lynctopo plan --format md`: the plan's tables as GitHub-flavoured Markdown.

#include "model/plan/output.hpp"
#include "model/plan/tables.hpp"

namespace lynctopo {

namespace {

using plan_tables::Cell;
using plan_tables::Join;
using plan_tables::Table;

// Pipes would split a cell; backslashes and backticks are escaped so text stays literal.
std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

void Section(const std::string& title, const Table& table, std::string& out) {
  out += "\n## " + title + "\n\n";
  if (table.rows.empty()) {
    out += "(none)\n";
    return;
  }
  auto line = [&](const std::vector<std::string>& row) {
    out += "|";
    for (const std::string& cell : row) {
      out += ' ';  // appended piecewise: g++ 12 warns (-Wrestrict) on " " + string
      out += Escape(cell);
      out += " |";
    }
    out += "\n";
  };
  line(table.header);
  out += "|";
  for (size_t i = 0; i < table.header.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : table.rows) line(row);
}

}  // namespace

std::string PlanToMarkdown(const Plan& plan) {
  std::string out;
  const Topology* topology = plan.topology;
  out += "# Plan for " + Escape(Cell(topology ? topology->name : "")) + "\n\n";
  std::vector<std::string> domains;
  for (const Fqdn& domain : plan.sip_domains) domains.push_back(domain.str());
  out += "Product: " + std::string(topology ? ToString(topology->version) : "-") +
         ". SIP domains: " + Escape(Cell(Join(domains))) + ".\n";
  if (std::string note = plan_tables::InternalZonesNote(plan); !note.empty()) {
    // Appended piece by piece: GCC 12 -O3 reports a false -Wrestrict on "\n" + std::string&&.
    out += '\n';
    out += Escape(note);
    out += '\n';
  }

  Section("Inventory", plan_tables::InventoryTable(plan), out);
  Section("Web services", plan_tables::PoolWebTable(plan), out);
  Section("Reverse proxies", plan_tables::ProxyTable(plan), out);
  Section("Simple URLs", plan_tables::SimpleUrlTable(plan), out);
  Section("Internal names", plan_tables::NameTable(plan, View::kInternal), out);
  Section("External names", plan_tables::NameTable(plan, View::kExternal), out);
  Section("Services", plan_tables::ServiceTable(plan), out);
  Section("Endpoints", plan_tables::EndpointTable(plan), out);
  return out;
}

}  // namespace lynctopo
