#include "generators/report/graphviz_render.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#ifdef LYNCTOPO_HAVE_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

namespace lynctopo {

#ifdef LYNCTOPO_HAVE_GRAPHVIZ

namespace {

std::string* g_errors = nullptr;

int CollectError(char* message) {
  if (g_errors && message) *g_errors += message;
  return 0;
}

// Graphviz's SVG starts with an XML declaration, a DOCTYPE and a generator comment naming its
// version: none belongs inside an HTML page, and the version would make output depend on it.
//
// Graphviz writes the top-level clusters (one self-contained <g id="clustN"> block each, all
// before the nodes) in an order that follows heap addresses, so it changes from run to run;
// their ids follow declaration order. Sorting that run of blocks by N makes the SVG byte-stable.
std::string SortClusters(const std::string& svg) {
  const std::string open = "<g id=\"clust";
  size_t first = svg.find(open);
  if (first == std::string::npos) return svg;
  std::vector<std::pair<long, std::string>> blocks;
  size_t at = first;
  while (svg.compare(at, open.size(), open) == 0) {
    size_t end = svg.find("</g>\n", at);
    if (end == std::string::npos) return svg;
    end += 5;
    blocks.emplace_back(std::strtol(svg.c_str() + at + open.size(), nullptr, 10),
                        svg.substr(at, end - at));
    at = end;
  }
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out = svg.substr(0, first);
  for (const auto& block : blocks) out += block.second;
  out += svg.substr(at);
  return out;
}

std::string InlineSvg(std::string svg) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) return SortClusters(svg);
  return SortClusters(svg.substr(start));
}

}  // namespace

bool GraphvizAvailable() {
  return true;
}

std::optional<std::string> RenderDotToSvg(std::string_view dot, std::string* error) {
  std::string errors;
  g_errors = &errors;
  agseterrf(CollectError);
  agseterr(AGERR);  // warnings (label sizes, fonts) are not failures
  GVC_t* gvc = gvContext();
  std::string text(dot);
  Agraph_t* graph = agmemread(text.c_str());
  std::optional<std::string> result;
  if (graph == nullptr) {
    *error = "Graphviz could not read the diagram: " + errors;
  } else if (gvLayout(gvc, graph, "dot") != 0) {
    *error = "Graphviz could not lay out the diagram: " + errors;
    agclose(graph);
  } else {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, "svg", &data, &length) == 0 && data != nullptr) {
      result = InlineSvg(std::string(data, length));
    } else {
      *error = "Graphviz could not render SVG: " + errors;
    }
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, graph);
    agclose(graph);
  }
  gvFreeContext(gvc);
  g_errors = nullptr;
  return result;
}

#else

bool GraphvizAvailable() {
  return false;
}

std::optional<std::string> RenderDotToSvg(std::string_view, std::string* error) {
  *error = "this lynctopo was built without Graphviz (libgraphviz-dev)";
  return std::nullopt;
}

#endif

}  // namespace lynctopo
