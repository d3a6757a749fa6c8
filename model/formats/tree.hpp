#pragma once

// A syntax-neutral document tree shared by our JSON and XML formats. Each syntax only turns
// text into a FormatNode tree (with positions) and back; one binding (binding.hpp) maps
// the tree to the model, so both formats accept and produce exactly the same fields.

#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace lynctopo {

struct FormatMember;

struct FormatNode {
  enum class Type { kNull, kBool, kNumber, kString, kObject, kArray };

  Type type = Type::kNull;
  // kString: the decoded value; kNumber: the literal; kBool: "true" or "false".
  std::string scalar;
  bool integer = false;               // kNumber without fraction or exponent
  std::vector<FormatMember> members;  // kObject, in document order (duplicates kept)
  std::vector<FormatNode> items;      // kArray
  SourceLoc loc;                      // where the value starts

  // XML only. An element is a kObject whose members are its attributes (untyped kString
  // values, `attribute` set) followed by its child elements; `text` is its character data.
  bool xml = false;
  bool attribute = false;
  std::string text;
  SourceLoc text_loc;

  // Writer only: the XML element name of each item of a kArray.
  std::string item_name;

  static FormatNode String(std::string value);
  static FormatNode Integer(long long value);
  static FormatNode Bool(bool value);
  static FormatNode Object();
  static FormatNode Array(std::string item_name);
  void Add(std::string name, FormatNode value);
};

struct FormatMember {
  std::string name;
  SourceLoc name_loc;  // where the key (JSON) or attribute/element name (XML) starts
  FormatNode value;
};

const char* ToString(FormatNode::Type type);

// RFC 6901: "~" -> "~0", "/" -> "~1".
std::string EscapeJsonPointer(std::string_view token);

}  // namespace lynctopo
