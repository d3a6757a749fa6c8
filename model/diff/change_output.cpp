#include "model/diff/change_output.hpp"

#include <set>

namespace lynctopo {
namespace {

using nlohmann::json;

std::string Scalar(const json& value) {
  if (value.is_null()) return "(none)";
  return value.dump();
}

void Describe(const std::string& prefix, const json& before, const json& after,
              std::vector<std::string>& lines) {
  if (before == after) return;
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (const auto& item : before.items()) keys.insert(item.key());
    for (const auto& item : after.items()) keys.insert(item.key());
    for (const std::string& key : keys) {
      static const json kNull;
      const json& b = before.contains(key) ? before[key] : kNull;
      const json& a = after.contains(key) ? after[key] : kNull;
      Describe(prefix.empty() ? key : prefix + "." + key, b, a, lines);
    }
    return;
  }
  if (before.is_array() && after.is_array()) {
    std::multiset<std::string> old_items, new_items;
    for (const auto& v : before) old_items.insert(v.is_string() ? v.get<std::string>() : v.dump());
    for (const auto& v : after) new_items.insert(v.is_string() ? v.get<std::string>() : v.dump());
    std::string label = prefix.empty() ? "" : prefix + " ";
    for (const std::string& v : old_items) {
      if (!new_items.count(v)) lines.push_back("- " + label + v);
    }
    for (const std::string& v : new_items) {
      if (!old_items.count(v)) lines.push_back("+ " + label + v);
    }
    return;
  }
  lines.push_back((prefix.empty() ? std::string("value") : prefix) + ": " + Scalar(before) +
                  " -> " + Scalar(after));
}

const char* Symbol(ChangeAction action) {
  switch (action) {
    case ChangeAction::kCreate:
      return "+";
    case ChangeAction::kUpdate:
      return "~";
    case ChangeAction::kDelete:
      return "-";
    case ChangeAction::kReplace:
      return "-/+";
    case ChangeAction::kNoOp:
      return " ";
  }
  return " ";
}

std::vector<std::string> Details(const Change& c) {
  std::vector<std::string> lines;
  if (c.action == ChangeAction::kUpdate || c.action == ChangeAction::kReplace) {
    lines = DescribeFieldChanges(c.before, c.after);
  } else if (c.action == ChangeAction::kCreate || c.action == ChangeAction::kDelete) {
    const json& value = c.action == ChangeAction::kCreate ? c.after : c.before;
    if (value.is_object()) {
      for (const auto& item : value.items()) {
        if (item.value().is_array() && item.value().empty()) continue;
        if (item.value().is_string() && item.value().get<std::string>().empty()) continue;
        lines.push_back(item.key() + ": " + item.value().dump());
      }
    }
  }
  return lines;
}

std::string LevelTitle(const std::string& level) {
  if (level == "live") return "Live";
  return level == "topology" ? "Topology" : level == "artifacts" ? "Artifacts" : level;
}

}  // namespace

std::vector<std::string> DescribeFieldChanges(const json& before, const json& after) {
  std::vector<std::string> lines;
  Describe("", before, after, lines);
  return lines;
}

std::string SummaryLine(const ChangeSummary& s) {
  if (s.empty()) return "No changes.";
  return "Plan: " + std::to_string(s.to_add) + " to add, " + std::to_string(s.to_change) +
         " to change, " + std::to_string(s.to_remove) + " to remove.";
}

std::string ChangesToText(const std::vector<Change>& changes) {
  std::string out;
  std::string level;
  for (const Change& c : changes) {
    if (c.action == ChangeAction::kNoOp) continue;
    if (c.level != level) {
      level = c.level;
      if (!out.empty()) out += '\n';
      out += LevelTitle(level) + ":\n";
    }
    out += "  " + std::string(Symbol(c.action)) + " " + c.kind + " " + c.address;
    if (!c.note.empty()) out += "  (" + c.note + ")";
    out += '\n';
    for (const std::string& line : Details(c)) out += "      " + line + '\n';
  }
  if (!out.empty()) out += '\n';
  out += SummaryLine(Summarize(changes)) + '\n';
  return out;
}

std::string ChangesToMarkdown(const std::vector<Change>& changes, std::string_view title) {
  std::string out =
      "### " + std::string(title) + "\n\n**" + SummaryLine(Summarize(changes)) + "**\n";
  std::string level;
  for (const Change& c : changes) {
    if (c.action == ChangeAction::kNoOp) continue;
    if (c.level != level) {
      level = c.level;
      out += "\n#### " + LevelTitle(level) +
             "\n\n| action | kind | object | details |\n|---|---|---|---|\n";
    }
    std::string details;
    for (const std::string& line : Details(c)) {
      if (!details.empty()) details += "<br>";
      details += line;
    }
    if (!c.note.empty()) details = c.note + (details.empty() ? "" : "<br>" + details);
    std::string cell;
    for (char ch : details) {
      if (ch == '|')
        cell += "\\|";
      else if (ch == '`')
        cell += "'";
      else
        cell += ch;
    }
    out += std::string("| ") + ToString(c.action) + " | " + c.kind + " | `" + c.address + "` | " +
           cell + " |\n";
  }
  return out;
}

json ChangesToJson(const std::vector<Change>& changes) {
  json list = json::array();
  for (const Change& c : changes) {
    json item = {{"level", c.level},     {"kind", c.kind},
                 {"address", c.address}, {"action", ToString(c.action)},
                 {"before", c.before},   {"after", c.after}};
    if (!c.note.empty()) item["note"] = c.note;
    list.push_back(std::move(item));
  }
  ChangeSummary s = Summarize(changes);
  return {{"format_version", 1},
          {"changes", std::move(list)},
          {"summary",
           {{"add", s.to_add},
            {"change", s.to_change},
            {"remove", s.to_remove},
            {"unchanged", s.unchanged}}}};
}

}  // namespace lynctopo
