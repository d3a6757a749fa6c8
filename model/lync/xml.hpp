#pragma once

// pugixml access for Lync topology documents. Lync files use default namespaces, but a
// re-serialised file may use prefixes (`ns0:Cluster`), so every lookup compares LOCAL names:
// whatever stands before ':' is ignored. Context comes from the path we walk, never from a
// prefix or namespace URI.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "model/diagnostics.hpp"
#include "model/lync/text.hpp"
#include "model/source_location.hpp"

namespace lynctopo {

std::string_view LocalName(std::string_view qualified);
std::string_view LocalName(pugi::xml_node node);

// First element child with local name `local` (empty node when none).
pugi::xml_node Child(pugi::xml_node node, std::string_view local);
// Every element child with local name `local`, in document order.
std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view local);
// Attribute by local name (empty attribute when none). xmlns declarations are never matched.
pugi::xml_attribute Attr(pugi::xml_node node, std::string_view local);
// The attribute's value, or "" when absent.
std::string AttrText(pugi::xml_node node, std::string_view local);
// The element's text content (concatenated character data), or "".
std::string NodeText(pugi::xml_node node);

// A parsed document that remembers where every node came from in the original text.
class LyncXmlDocument {
 public:
  // Decodes `raw` (any Windows encoding) and parses it. On failure reports one positioned
  // error (LT3001 for malformed XML, LT3003 for undecodable text) and returns false.
  bool Load(std::string_view raw, const std::string& path, Diagnostics& diagnostics);

  pugi::xml_node root() const { return doc_.document_element(); }
  TextEncoding encoding() const { return encoding_; }

  SourceLoc Loc(pugi::xml_node node) const;
  SourceLoc Loc(pugi::xml_attribute attr) const;
  // The attribute's location when present, else the element's.
  SourceLoc AttrLoc(pugi::xml_node node, std::string_view local) const;
  // Location of the element's text (falls back to the element).
  SourceLoc TextLoc(pugi::xml_node node) const;

 private:
  SourceLoc LocOfPointer(const char* p) const;

  std::string original_;  // decoded UTF-8, untouched: positions are computed on it
  std::string buffer_;    // the same text, parsed in place by pugixml
  std::unique_ptr<TextPositions> positions_;
  pugi::xml_document doc_;
  TextEncoding encoding_ = TextEncoding::kUtf8;
};

}  // namespace lynctopo
