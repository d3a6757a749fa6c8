#include "model/load.hpp"

#include <algorithm>

#include "model/address.hpp"
#include "model/bounded_read.hpp"
#include "model/line_index.hpp"
#include "model/lync/import.hpp"

namespace lynctopo {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

enum class Utf16 { kNo, kLittleEndian, kBigEndian };

// UTF-16 by its byte order mark, or (without one) by the zero high bytes of ASCII text.
Utf16 DetectUtf16(std::string_view text) {
  if (text.size() >= 2) {
    if (text[0] == '\xFF' && text[1] == '\xFE') return Utf16::kLittleEndian;
    if (text[0] == '\xFE' && text[1] == '\xFF') return Utf16::kBigEndian;
    if (text[0] != '\0' && text[1] == '\0') return Utf16::kLittleEndian;
    if (text[0] == '\0' && text[1] != '\0') return Utf16::kBigEndian;
  }
  return Utf16::kNo;
}

// Enough of a UTF-16 document, as ASCII, to find its root element (other characters become '?').
std::string AsciiPrefixOfUtf16(std::string_view text, Utf16 order) {
  std::string out;
  size_t limit = std::min<size_t>(text.size(), 8192) & ~size_t{1};
  for (size_t i = 0; i + 1 < limit; i += 2) {
    unsigned char low =
        static_cast<unsigned char>(order == Utf16::kLittleEndian ? text[i] : text[i + 1]);
    unsigned char high =
        static_cast<unsigned char>(order == Utf16::kLittleEndian ? text[i + 1] : text[i]);
    if (low == 0xFF && high == 0xFE) continue;  // the byte order mark, read backwards
    if (low == 0xFE && high == 0xFF) continue;
    out += high == 0 && low < 0x80 ? static_cast<char>(low) : '?';
  }
  return out;
}

// The name of the root element of an XML document, skipping the declaration, comments,
// processing instructions and a DOCTYPE. Empty when there is none.
std::string RootElementName(std::string_view text) {
  size_t pos = 0;
  while (true) {
    pos = text.find_first_not_of(" \t\r\n", pos);
    if (pos == std::string_view::npos || text[pos] != '<') return "";
    std::string_view rest = text.substr(pos);
    std::string_view terminator;
    if (rest.starts_with("<?")) {
      terminator = "?>";
    } else if (rest.starts_with("<!--")) {
      terminator = "-->";
    } else if (rest.starts_with("<!")) {
      terminator = ">";
    } else {
      size_t stop = text.find_first_of(" \t\r\n/>", pos + 1);
      return std::string(
          text.substr(pos + 1, stop == std::string_view::npos ? stop : stop - pos - 1));
    }
    size_t end = text.find(terminator, pos);
    if (end == std::string_view::npos) return "";
    pos = end + terminator.size();
  }
}

InputKind KindOfText(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputKind::kUnknown;
  if (text[first] == '{') return InputKind::kJson;
  std::string root = RootElementName(text);
  size_t colon = root.find(':');
  std::string local = colon == std::string::npos ? root : root.substr(colon + 1);
  if (local == "topology") return InputKind::kXml;
  if (local == "TopologyBuilder") return InputKind::kTopologyBuilder;
  if (local == "Topology") return InputKind::kPublishedTopology;
  return InputKind::kUnknown;
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
size_t InvalidUtf8Offset(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) return i;
    if (length == 2 && c < 0xC2) return i;  // overlong
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// Our formats are UTF-8 text: one diagnostic for anything else.
bool CheckOurText(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  if (DetectUtf16(text) != Utf16::kNo) {
    diagnostics.Error("LT0007", path, {},
                      "the file is UTF-16 text; lynctopo JSON and XML files must be UTF-8 "
                      "(save it again as UTF-8)");
    return false;
  }
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    diagnostics.Error("LT0006", path, LineIndex(text).At(nul),
                      "the file is binary (it contains a NUL byte), not a topology");
    return false;
  }
  size_t bad = InvalidUtf8Offset(text);
  if (bad != std::string_view::npos) {
    diagnostics.Error("LT0009", path, LineIndex(text).At(bad),
                      "the file is not valid UTF-8 text (byte " + std::to_string(bad) + ")");
    return false;
  }
  return true;
}

void ReportUnknownKind(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  std::string_view body = text.starts_with(kUtf8Bom) ? text.substr(kUtf8Bom.size()) : text;
  if (size_t doctype = body.find("<!DOCTYPE"); doctype != std::string_view::npos) {
    diagnostics.Error("LT0046", path, LineIndex(text).At(doctype + (text.size() - body.size())),
                      "a DOCTYPE is not allowed: topology files use no document type "
                      "definitions or entities");
    return;
  }
  std::string root = RootElementName(body);
  if (!root.empty()) {
    diagnostics.Error("LT0008", path, {},
                      "the root element <" + root +
                          "> is not a topology (expected <topology>, <TopologyBuilder> or "
                          "<Topology>)");
  } else {
    diagnostics.Error("LT0008", path, {},
                      "not a topology file: expected a JSON object ('{') or an XML document");
  }
}

// Reads `path` as one of our own formats (not a Lync document).
std::optional<Topology> LoadOurFormat(const std::string& text, InputKind kind,
                                      const std::string& path, Diagnostics& diagnostics,
                                      bool partial) {
  if (!CheckOurText(text, path, diagnostics)) return std::nullopt;
  if (kind == InputKind::kJson) return LoadJsonTopology(text, path, diagnostics, partial);
  if (kind == InputKind::kXml) return LoadXmlTopology(text, path, diagnostics, partial);
  ReportUnknownKind(text, path, diagnostics);
  return std::nullopt;
}

std::optional<std::string> ReadNonEmpty(const std::string& path, Diagnostics& diagnostics) {
  std::optional<std::string> text = ReadInputFile(path, diagnostics);
  if (text && IsBlank(*text)) {
    diagnostics.Error("LT0005", path, {}, "the file is empty");
    return std::nullopt;
  }
  return text;
}

}  // namespace

const char* ToString(InputKind kind) {
  switch (kind) {
    case InputKind::kUnknown:
      return "unknown";
    case InputKind::kJson:
      return "json";
    case InputKind::kXml:
      return "xml";
    case InputKind::kTopologyBuilder:
      return "topology-builder";
    case InputKind::kPublishedTopology:
      return "published-topology";
  }
  return "unknown";
}

InputKind DetectInputKind(std::string_view text) {
  Utf16 order = DetectUtf16(text);
  if (order != Utf16::kNo) return KindOfText(AsciiPrefixOfUtf16(text, order));
  return KindOfText(text);
}

std::optional<std::string> ReadInputFile(const std::string& path, Diagnostics& diagnostics) {
  BoundedRead read = ReadBounded(path, InputSizeLimit(), /*stop_at_nul=*/true);
  switch (read.status) {
    case BoundedRead::Status::kOk:
      return std::move(read.text);
    case BoundedRead::Status::kMissing:
      diagnostics.Error("LT0001", path, {}, "no such file");
      break;
    case BoundedRead::Status::kFolder:
      diagnostics.Error("LT0004", path, {}, "this is a directory, not a topology file");
      break;
    case BoundedRead::Status::kUnreadable:
      diagnostics.Error("LT0002", path, {}, read.message);
      break;
    case BoundedRead::Status::kTooLarge:
      diagnostics.Error("LT0040", path, {}, read.message);
      break;
  }
  return std::nullopt;
}

std::optional<Topology> LoadOverlayFile(const std::string& path, Diagnostics& diagnostics) {
  std::optional<std::string> text = ReadNonEmpty(path, diagnostics);
  if (!text) return std::nullopt;
  InputKind kind = DetectInputKind(*text);
  if (kind == InputKind::kTopologyBuilder || kind == InputKind::kPublishedTopology) {
    diagnostics.Error("LT0010", path, {},
                      "an overlay must be a lynctopo JSON or XML file, not a Lync topology");
    return std::nullopt;
  }
  return LoadOurFormat(*text, kind, path, diagnostics, /*partial=*/true);
}

std::optional<Topology> LoadTopologyFile(const std::string& path, Diagnostics& diagnostics,
                                         const LoadOptions& options) {
  std::optional<std::string> text = ReadNonEmpty(path, diagnostics);
  if (!text) return std::nullopt;
  InputKind kind = DetectInputKind(*text);
  std::optional<Topology> topology;
  if (kind == InputKind::kTopologyBuilder || kind == InputKind::kPublishedTopology) {
    // Lync documents may be UTF-16; the importer decodes them itself.
    topology = ImportLyncTopology(*text, path, options, diagnostics);
  } else {
    topology = LoadOurFormat(*text, kind, path, diagnostics, /*partial=*/false);
  }
  if (!topology) return std::nullopt;
  for (const std::string& overlay_path : options.overlays) {
    std::optional<Topology> overlay = LoadOverlayFile(overlay_path, diagnostics);
    if (overlay) ApplyOverlay(*topology, *overlay, diagnostics);
  }
  NormalizeAddresses(*topology);
  return topology;
}

}  // namespace lynctopo
