#pragma once

// A change list (diff, verify) as one self-contained HTML page in the report's style
// (templates/report/changes.html.mustache, sharing the report's style and script partials).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/template_store.hpp"
#include "model/diagnostics.hpp"
#include "model/diff/change.hpp"

namespace lynctopo {

std::optional<std::string> ChangesToHtml(const std::vector<Change>& changes, std::string_view title,
                                         const TemplateStore& templates, Diagnostics& diagnostics);

}  // namespace lynctopo
