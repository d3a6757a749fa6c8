#pragma once

#include "generators/generator.hpp"

namespace lynctopo {

// report/: report.html, one self-contained page (inline CSS, SVG and script; no network
// fetch) with the overview, the diagrams and every artifact as a table, plus the diagrams as
// DOT files (global.dot, site-<n>.dot, edge-network.dot or, past 16 Edge pools,
// edge-network-<n>.dot).
const Generator& ReportGenerator();

// The path of the page inside the output set.
inline constexpr const char* kReportPagePath = "report/report.html";

}  // namespace lynctopo
