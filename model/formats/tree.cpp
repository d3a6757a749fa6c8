#include "model/formats/tree.hpp"

namespace lynctopo {

FormatNode FormatNode::String(std::string value) {
  FormatNode node;
  node.type = Type::kString;
  node.scalar = std::move(value);
  return node;
}

FormatNode FormatNode::Integer(long long value) {
  FormatNode node;
  node.type = Type::kNumber;
  node.integer = true;
  node.scalar = std::to_string(value);
  return node;
}

FormatNode FormatNode::Bool(bool value) {
  FormatNode node;
  node.type = Type::kBool;
  node.scalar = value ? "true" : "false";
  return node;
}

FormatNode FormatNode::Object() {
  FormatNode node;
  node.type = Type::kObject;
  return node;
}

FormatNode FormatNode::Array(std::string item_name) {
  FormatNode node;
  node.type = Type::kArray;
  node.item_name = std::move(item_name);
  return node;
}

void FormatNode::Add(std::string name, FormatNode value) {
  members.push_back(FormatMember{std::move(name), {}, std::move(value)});
}

const char* ToString(FormatNode::Type type) {
  switch (type) {
    case FormatNode::Type::kNull:
      return "null";
    case FormatNode::Type::kBool:
      return "a boolean";
    case FormatNode::Type::kNumber:
      return "a number";
    case FormatNode::Type::kString:
      return "a string";
    case FormatNode::Type::kObject:
      return "an object";
    case FormatNode::Type::kArray:
      return "an array";
  }
  return "a value";
}

std::string EscapeJsonPointer(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace lynctopo
