#include "generators/report/change_report.hpp"

#include "generators/report/report_view.hpp"
#include "model/diff/change_output.hpp"

namespace lynctopo {

std::optional<std::string> ChangesToHtml(const std::vector<Change>& changes, std::string_view title,
                                         const TemplateStore& templates, Diagnostics& diagnostics) {
  nlohmann::json rows = nlohmann::json::array();
  for (const Change& c : changes) {
    if (c.action == ChangeAction::kNoOp) continue;
    std::string details;
    if (!c.note.empty()) details = Html(c.note);
    for (const std::string& line : DescribeFieldChanges(c.before, c.after)) {
      if (!details.empty()) details += "<br>";
      details += Html(line);
    }
    rows.push_back({{"level", Html(c.level)},
                    {"action", ToString(c.action)},
                    {"kind", Html(c.kind)},
                    {"address", Html(c.address)},
                    {"details", details}});
  }
  nlohmann::json view = {{"title", Html(title)},
                         {"summary", Html(SummaryLine(Summarize(changes)))},
                         {"rows", rows},
                         {"count", rows.size()},
                         {"empty", rows.empty()}};
  return templates.Render("report/changes.html.mustache", view, diagnostics);
}

}  // namespace lynctopo
