#include "generators/report/graphviz_render.hpp"

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
std::string InlineSvg(std::string svg) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) return svg;
  return svg.substr(start);
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
