#pragma once

// Rendering a change list for people (text, Markdown for a pull-request comment) and for
// pipelines (JSON with format_version, like Terraform's JSON plan).

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diff/change.hpp"

namespace lynctopo {

// One line per field that differs between two JSON values: "key: old -> new", or for lists
// "+ item" / "- item". Nested objects use dotted keys.
std::vector<std::string> DescribeFieldChanges(const nlohmann::json& before,
                                              const nlohmann::json& after);

std::string ChangesToText(const std::vector<Change>& changes);
// `title` heads the comment ("lynctopo diff", "lynctopo verify").
std::string ChangesToMarkdown(const std::vector<Change>& changes,
                              std::string_view title = "lynctopo diff");
nlohmann::json ChangesToJson(const std::vector<Change>& changes);

// "Plan: 2 to add, 1 to change, 0 to remove." (or "No changes.")
std::string SummaryLine(const ChangeSummary& summary);

}  // namespace lynctopo
