#pragma once

// DOT -> SVG with Graphviz's own library (gvc + cgraph) in-process, when the build found it
// (CMake option: optional libgraphviz-dev). Without it the report keeps the DOT files and says
// how to render them.

#include <optional>
#include <string>
#include <string_view>

namespace lynctopo {

// True when this binary was built with Graphviz.
bool GraphvizAvailable();

// The SVG of `dot` laid out by `dot`, without the XML prologue and DOCTYPE so it can be
// inlined in HTML; nullopt with `error` set when Graphviz is absent or rejects the graph.
std::optional<std::string> RenderDotToSvg(std::string_view dot, std::string* error);

}  // namespace lynctopo
