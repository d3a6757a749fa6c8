#include "model/lync/xml.hpp"

#include "model/text_safety.hpp"

namespace lynctopo {

std::string_view LocalName(std::string_view qualified) {
  size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view LocalName(pugi::xml_node node) {
  return LocalName(node.name());
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) return child;
  }
  return {};
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) out.push_back(child);
  }
  return out;
}

pugi::xml_attribute Attr(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute attr = node.first_attribute(); attr; attr = attr.next_attribute()) {
    std::string_view name = attr.name();
    if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
    if (LocalName(name) == local) return attr;
  }
  return {};
}

std::string AttrText(pugi::xml_node node, std::string_view local) {
  pugi::xml_attribute attr = Attr(node, local);
  return attr ? std::string(attr.value()) : std::string();
}

std::string NodeText(pugi::xml_node node) {
  std::string text;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

namespace {

// The next element after `node` at its level (a second root, for the document element).
pugi::xml_node NextElement(pugi::xml_node node) {
  for (pugi::xml_node next = node.next_sibling(); next; next = next.next_sibling()) {
    if (next.type() == pugi::node_element) return next;
  }
  return {};
}

}  // namespace

bool LyncXmlDocument::Load(std::string_view raw, const std::string& path,
                           Diagnostics& diagnostics) {
  std::string error;
  if (!DecodeToUtf8(raw, &original_, &encoding_, &error)) {
    diagnostics.Error(
        "LT3003", path, {},
        "cannot decode the file as " + std::string(ToString(encoding_)) + ": " + error);
    return false;
  }
  std::string_view body(original_);
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (!CheckTextSafety(body, TextSyntax::kXml, path, diagnostics)) return false;
  positions_ = std::make_unique<TextPositions>(original_);
  buffer_ = original_;
  // In-place parsing keeps every name and value pointer inside buffer_, which is how we get
  // positions for attributes too (pugixml only tracks offsets of nodes).
  pugi::xml_parse_result result = doc_.load_buffer_inplace(
      buffer_.data(), buffer_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    diagnostics.Error("LT3001", path, positions_->At(static_cast<size_t>(result.offset)),
                      std::string("malformed XML: ") + result.description());
    return false;
  }
  if (!doc_.document_element()) {
    diagnostics.Error("LT3001", path, {}, "the file holds no XML element");
    return false;
  }
  if (pugi::xml_node other = NextElement(doc_.document_element())) {
    diagnostics.Error("LT0045", path, Loc(other),
                      "a second root element <" + std::string(other.name()) +
                          ">: an XML document has exactly one");
    return false;
  }
  return true;
}

SourceLoc LyncXmlDocument::LocOfPointer(const char* p) const {
  const char* begin = buffer_.data();
  if (p == nullptr || p < begin || p > begin + buffer_.size()) return {};
  return positions_->At(static_cast<size_t>(p - begin));
}

SourceLoc LyncXmlDocument::Loc(pugi::xml_node node) const {
  if (!node) return {};
  if (node.type() == pugi::node_element) {
    // Point at '<', where an editor shows the element to start.
    SourceLoc loc = LocOfPointer(node.name());
    if (loc.column > 1) --loc.column;
    return loc;
  }
  return LocOfPointer(node.value());
}

SourceLoc LyncXmlDocument::Loc(pugi::xml_attribute attr) const {
  if (!attr) return {};
  return LocOfPointer(attr.name());
}

SourceLoc LyncXmlDocument::AttrLoc(pugi::xml_node node, std::string_view local) const {
  pugi::xml_attribute attr = Attr(node, local);
  return attr ? Loc(attr) : Loc(node);
}

SourceLoc LyncXmlDocument::TextLoc(pugi::xml_node node) const {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      SourceLoc loc = LocOfPointer(child.value());
      if (loc.line != 0) return loc;
    }
  }
  return Loc(node);
}

}  // namespace lynctopo
