#include "generators/report/graphviz_render.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <unordered_map>
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

// Graphviz's default ID discipline uses the address of an object's interned name as its ID,
// and keeps subgraphs ordered by ID, so the order dot lays clusters out in followed heap
// addresses: the same DOT could render a few points taller in one run than in another. This
// discipline numbers names in the order they are first seen, so layout follows the DOT text.
// Even IDs are named objects, odd ones anonymous, as in the default discipline.
struct SequentialIds {
  std::unordered_map<std::string, IDTYPE> ids;
  std::deque<std::string> names;  // names[k] is the name of ID 2k + 2; stable addresses
  IDTYPE next_anonymous = 1;
};

void* IdsOpen(Agraph_t*, Agdisc_t*) {
  return new SequentialIds;
}

long IdsMap(void* state, int, char* str, IDTYPE* id, int create) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (str == nullptr) {
    *id = ids->next_anonymous;
    ids->next_anonymous += 2;
    return 1;
  }
  auto found = ids->ids.find(str);
  if (found != ids->ids.end()) {
    *id = found->second;
    return 1;
  }
  if (!create) return 0;
  ids->names.emplace_back(str);
  *id = 2 * ids->names.size();
  ids->ids.emplace(ids->names.back(), *id);
  return 1;
}

long IdsAlloc(void*, int, IDTYPE) {
  return 0;
}  // no caller-chosen IDs
void IdsFree(void*, int, IDTYPE) {}  // names live as long as the graph
char* IdsPrint(void* state, int, IDTYPE id) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > ids->names.size()) return nullptr;
  return ids->names[id / 2 - 1].data();
}
void IdsClose(void* state) {
  delete static_cast<SequentialIds*>(state);
}
void IdsRegister(void*, int, void*) {}

Agiddisc_t kSequentialIdDisc = {IdsOpen,  IdsMap,   IdsAlloc,   IdsFree,
                                IdsPrint, IdsClose, IdsRegister};

// Reads the DOT text from memory a line at a time, as agmemread does.
struct TextReader {
  std::string_view text;
  size_t at = 0;
};

int ReadText(void* chan, char* buf, int size) {
  auto* reader = static_cast<TextReader*>(chan);
  if (size <= 0 || reader->at >= reader->text.size()) return 0;
  std::string_view rest = reader->text.substr(reader->at);
  size_t line = rest.find('\n');
  size_t n =
      std::min(line == std::string_view::npos ? rest.size() : line + 1, static_cast<size_t>(size));
  std::memcpy(buf, rest.data(), n);
  reader->at += n;
  return static_cast<int>(n);
}

Agiodisc_t kTextIoDisc = {ReadText, nullptr, nullptr};

Agraph_t* ReadDot(std::string_view dot) {
  kTextIoDisc.putstr = AgIoDisc.putstr;
  kTextIoDisc.flush = AgIoDisc.flush;
  Agdisc_t disc = {&AgMemDisc, &kSequentialIdDisc, &kTextIoDisc};
  TextReader reader{dot, 0};
  return agread(&reader, &disc);
}

// One Graphviz context for the process: libgvc keeps a font-name cache across contexts that
// freeing a context leaves dangling (AddressSanitizer: heap-use-after-free in textspan_size on
// the next layout), so the context is created once and never freed.
GVC_t* SharedContext() {
  static GVC_t* const gvc = gvContext();
  return gvc;
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
  GVC_t* gvc = SharedContext();
  Agraph_t* graph = ReadDot(dot);
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
