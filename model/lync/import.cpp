// Entry points of the Lync importer: decode and parse (xml), walk the document
// (walk_*), build our model (build), report what the file cannot
// hold (gaps); ApplyOverlay lives in overlay.

#include "model/lync/import.hpp"

#include <fmt/format.h>

#include "model/lync/build.hpp"
#include "model/lync/gaps.hpp"
#include "model/lync/walk.hpp"
#include "model/lync/xml.hpp"

namespace lynctopo {
namespace {

// The gap warnings must only name what is still missing once the overlays are merged. The
// loader applies overlays after we return, so we merge them into a scratch copy here (their
// own problems are reported by the loader, not twice).
Topology WithOverlays(const Topology& imported, const LoadOptions& options) {
  Topology merged = imported;
  for (const std::string& overlay_path : options.overlays) {
    Diagnostics ignored;
    std::optional<Topology> overlay = LoadOverlayFile(overlay_path, ignored);
    if (overlay) ApplyOverlay(merged, *overlay, ignored);
  }
  return merged;
}

}  // namespace

std::optional<Topology> ImportLyncTopology(std::string_view text, const std::string& path,
                                           const LoadOptions& options, Diagnostics& diagnostics) {
  std::string_view body = text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && body[first] == '{') {
    diagnostics.Error("LT3002", path, {},
                      "this is a JSON document, not a Lync topology (our own format needs no "
                      "import: use it directly, or `lynctopo convert`)");
    return std::nullopt;
  }
  LyncXmlDocument doc;
  if (!doc.Load(text, path, diagnostics)) return std::nullopt;
  pugi::xml_node root = doc.root();
  std::string_view root_name = LocalName(root);
  RawTopology raw;
  if (root_name == "TopologyBuilder") {
    if (!ReadTopologyBuilder(doc, options.original_topology, path, &raw, diagnostics)) {
      return std::nullopt;
    }
    if (!options.original_topology && AttrText(root, "IsFreeFromChanges") == "false" &&
        Child(root, "OriginalTopology")) {
      diagnostics.Note("LT3006", path, doc.AttrLoc(root, "IsFreeFromChanges"),
                       "the file holds unpublished changes: importing the edited topology "
                       "(NewTopology); use --original for the published one");
    }
  } else if (root_name == "Topology") {
    if (options.original_topology) {
      diagnostics.Error("LT3004", path, doc.Loc(root),
                        "--original applies to Topology Builder files only; this is a published "
                        "topology document");
      return std::nullopt;
    }
    ReadPublishedTopology(doc, path, &raw, diagnostics);
  } else {
    diagnostics.Error("LT3002", path, doc.Loc(root),
                      fmt::format("root element '{}' is not a Lync topology (expected "
                                  "TopologyBuilder or Topology)",
                                  root.name()));
    return std::nullopt;
  }
  size_t errors_before = diagnostics.error_count();
  Topology topology = BuildImportedTopology(raw, path, diagnostics);
  if (diagnostics.error_count() > errors_before) {
    // A file that failed (placeholders) gets no advice on what to add: fix it first.
  } else if (options.overlays.empty()) {
    ReportImportGaps(topology, raw.published, path, diagnostics);
  } else {
    ReportImportGaps(WithOverlays(topology, options), raw.published, path, diagnostics);
  }
  return topology;
}

}  // namespace lynctopo
