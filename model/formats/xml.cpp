// Our XML topology format: text <-> FormatNode tree (with positions) <-> model.
// Positions come from pugixml's offset_debug(); pugixml keeps none for attributes, so each
// start tag is re-scanned to find where its attributes begin.

#include <sstream>
#include <unordered_map>

#include <pugixml.hpp>

#include "model/formats/binding.hpp"
#include "model/formats/syntax.hpp"
#include "model/line_index.hpp"
#include "model/load.hpp"
#include "model/text_safety.hpp"

namespace lynctopo {
namespace {

using Type = FormatNode::Type;

constexpr size_t kMaxDepth = 200;

std::string_view LocalName(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Attribute name -> offset, from the start tag whose name begins at `name_offset`.
std::unordered_map<std::string, size_t> AttributeOffsets(std::string_view text,
                                                         size_t name_offset) {
  std::unordered_map<std::string, size_t> offsets;
  size_t pos = name_offset;
  while (pos < text.size() && !IsSpace(text[pos]) && text[pos] != '>' && text[pos] != '/') ++pos;
  while (pos < text.size()) {
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] == '>' || text[pos] == '/') break;
    size_t start = pos;
    while (pos < text.size() && !IsSpace(text[pos]) && text[pos] != '=') ++pos;
    offsets.emplace(std::string(text.substr(start, pos - start)), start);
    while (pos < text.size() && text[pos] != '"' && text[pos] != '\'') ++pos;
    if (pos >= text.size()) break;
    size_t close = text.find(text[pos], pos + 1);
    if (close == std::string_view::npos) break;
    pos = close + 1;
  }
  return offsets;
}

// The next element after `node` at its level (a second root, for the document element).
pugi::xml_node NextElement(pugi::xml_node node) {
  for (pugi::xml_node next = node.next_sibling(); next; next = next.next_sibling()) {
    if (next.type() == pugi::node_element) return next;
  }
  return {};
}

bool IsNamespaceAttribute(std::string_view name) {
  return name == "xmlns" || name.starts_with("xmlns:") || name.starts_with("xsi:");
}

class TreeConverter {
 public:
  TreeConverter(std::string_view text, const LineIndex& lines) : text_(text), lines_(lines) {}

  bool too_deep = false;

  FormatNode Element(const pugi::xml_node& element, size_t depth) {
    FormatNode node = FormatNode::Object();
    node.xml = true;
    size_t name_offset = static_cast<size_t>(element.offset_debug());
    node.loc = lines_.At(name_offset > 0 ? name_offset - 1 : 0);  // the '<'
    if (element.first_attribute()) {
      auto offsets = AttributeOffsets(text_, name_offset);
      for (const pugi::xml_attribute& attribute : element.attributes()) {
        std::string name = attribute.name();
        if (IsNamespaceAttribute(name)) continue;
        FormatNode value = FormatNode::String(attribute.value());
        value.xml = true;
        value.attribute = true;
        auto found = offsets.find(name);
        SourceLoc loc = found == offsets.end() ? node.loc : lines_.At(found->second);
        value.loc = loc;
        node.members.push_back(FormatMember{std::move(name), loc, std::move(value)});
      }
    }
    for (const pugi::xml_node& child : element.children()) {
      if (child.type() == pugi::node_element) {
        if (depth >= kMaxDepth) {
          too_deep = true;
          continue;
        }
        FormatNode value = Element(child, depth + 1);
        SourceLoc loc = value.loc;
        node.members.push_back(
            FormatMember{std::string(LocalName(child.name())), loc, std::move(value)});
      } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (node.text.empty()) {
          node.text_loc = lines_.At(static_cast<size_t>(child.offset_debug()));
        }
        node.text += child.value();
      }
    }
    return node;
  }

 private:
  std::string_view text_;
  const LineIndex& lines_;
};

std::string NamespaceOf(const pugi::xml_node& element) {
  std::string_view name = element.name();
  size_t colon = name.find(':');
  std::string attribute =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  pugi::xml_attribute found = element.attribute(attribute.c_str());
  return found ? found.value() : "";
}

void AppendNode(pugi::xml_node element, const FormatNode& node) {
  for (const FormatMember& member : node.members) {
    const FormatNode& value = member.value;
    if (value.type != Type::kObject && value.type != Type::kArray) {
      element.append_attribute(member.name.c_str()).set_value(value.scalar.c_str());
    }
  }
  for (const FormatMember& member : node.members) {
    const FormatNode& value = member.value;
    if (value.type == Type::kObject) {
      AppendNode(element.append_child(member.name.c_str()), value);
    } else if (value.type == Type::kArray) {
      pugi::xml_node list = element.append_child(member.name.c_str());
      for (const FormatNode& item : value.items) {
        pugi::xml_node child = list.append_child(value.item_name.c_str());
        if (item.type == Type::kObject) {
          AppendNode(child, item);
        } else {
          child.text().set(item.scalar.c_str());
        }
      }
    }
  }
}

}  // namespace

std::optional<FormatNode> ParseXmlTree(std::string_view text, const std::string& path,
                                       Diagnostics& diagnostics) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!CheckTextSafety(text, TextSyntax::kXml, path, diagnostics)) return std::nullopt;
  LineIndex lines(text);
  pugi::xml_document document;
  pugi::xml_parse_result result =
      document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    diagnostics.Error("LT0102", path, lines.At(static_cast<size_t>(result.offset)),
                      std::string("malformed XML: ") + result.description());
    return std::nullopt;
  }
  pugi::xml_node root = document.document_element();
  if (pugi::xml_node other = NextElement(root)) {
    ptrdiff_t offset = other.offset_debug();
    diagnostics.Error("LT0045", path, lines.At(offset > 0 ? static_cast<size_t>(offset) - 1 : 0),
                      "a second root element <" + std::string(other.name()) +
                          ">: an XML document has exactly one");
    return std::nullopt;
  }
  TreeConverter converter(text, lines);
  ptrdiff_t root_offset = root.offset_debug();
  SourceLoc root_loc = lines.At(root_offset > 0 ? static_cast<size_t>(root_offset) - 1 : 0);
  if (LocalName(root.name()) != "topology") {
    diagnostics.Error(
        "LT0110", path, root_loc,
        "the root element is <" + std::string(root.name()) + ">, not a lynctopo <topology>");
    return std::nullopt;
  }
  std::string ns = NamespaceOf(root);
  if (ns.empty()) {
    diagnostics.Warning(
        "LT0110", path, root_loc,
        std::string("<topology> has no namespace; write xmlns=\"") + kXmlNamespace + "\"");
  } else if (ns != kXmlNamespace) {
    diagnostics.Error("LT0110", path, root_loc,
                      "<topology> is in namespace '" + ns + "', not '" + kXmlNamespace + "'");
    return std::nullopt;
  }
  FormatNode tree = converter.Element(root, 0);
  if (converter.too_deep) {
    diagnostics.Error(
        "LT0102", path, root_loc,
        "malformed XML: elements are nested deeper than " + std::to_string(kMaxDepth) + " levels");
    return std::nullopt;
  }
  return tree;
}

std::string WriteXmlTree(const FormatNode& tree) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = document.append_child("topology");
  root.append_attribute("xmlns").set_value(kXmlNamespace);
  AppendNode(root, tree);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  std::string text = std::move(out).str();
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

std::optional<Topology> LoadXmlTopology(std::string_view text, const std::string& path,
                                        Diagnostics& diagnostics, bool partial) {
  std::optional<FormatNode> tree = ParseXmlTree(text, path, diagnostics);
  if (!tree) return std::nullopt;
  TreeReadOptions options;
  options.xml = true;
  options.partial = partial;
  return ReadTopologyTree(*tree, path, diagnostics, options);
}

std::string WriteXmlTopology(const Topology& topology) {
  return WriteXmlTree(WriteTopologyTree(topology));
}

}  // namespace lynctopo
