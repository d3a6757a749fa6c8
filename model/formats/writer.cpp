// Model -> tree, for both our formats (see fields.hpp for the field list).

#include "model/formats/binding.hpp"
#include "model/formats/fields.hpp"

namespace lynctopo {
namespace {

bool SameTree(const FormatNode& a, const FormatNode& b) {
  if (a.type != b.type || a.scalar != b.scalar || a.members.size() != b.members.size() ||
      a.items.size() != b.items.size()) {
    return false;
  }
  for (size_t i = 0; i < a.members.size(); ++i) {
    if (a.members[i].name != b.members[i].name ||
        !SameTree(a.members[i].value, b.members[i].value)) {
      return false;
    }
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameTree(a.items[i], b.items[i])) return false;
  }
  return true;
}

class TreeWriter {
 public:
  FormatNode node = FormatNode::Object();

  void Begin(const Origin&, const char*) {}
  void FormatVersion() { node.Add("format_version", FormatNode::Integer(1)); }
  void Text(const char* name, const std::string& value, bool = false) {
    node.Add(name, FormatNode::String(value));
  }
  void Host(const char* name, const std::string& value, bool = false) { Text(name, value); }
  void Int(const char* name, int value, bool = false) {
    node.Add(name, FormatNode::Integer(value));
  }
  void Bool(const char* name, bool value, bool = false) { node.Add(name, FormatNode::Bool(value)); }
  template <typename E>
  void Enum(const char* name, E value, bool = false) {
    node.Add(name, FormatNode::String(ToString(value)));
  }
  void TextList(const char* name, const char* item, const std::vector<std::string>& values) {
    FormatNode list = FormatNode::Array(item);
    for (const std::string& value : values) list.items.push_back(FormatNode::String(value));
    node.Add(name, std::move(list));
  }
  void HostList(const char* name, const char* item, const std::vector<std::string>& values) {
    TextList(name, item, values);
  }

  // A sub-object that means nothing for this kind (`relevant` false) is left out while it holds
  // its defaults: reading it back gives the same model.
  template <typename T, typename Describe>
  void Object(const char* name, const T& value, Describe describe, bool relevant = true) {
    TreeWriter sub;
    describe(sub, value);
    if (!relevant) {
      TreeWriter defaults;
      T fresh{};
      describe(defaults, fresh);
      if (SameTree(sub.node, defaults.node)) return;
    }
    node.Add(name, std::move(sub.node));
  }

  template <typename T, typename Describe>
  void Optional(const char* name, const std::optional<T>& value, Describe describe) {
    if (value) Object(name, *value, describe);
  }

  template <typename T, typename Describe>
  void List(const char* name, const char* item, const std::vector<T>& values, Describe describe) {
    FormatNode list = FormatNode::Array(item);
    for (const T& value : values) {
      TreeWriter sub;
      describe(sub, value);
      list.items.push_back(std::move(sub.node));
    }
    node.Add(name, std::move(list));
  }
};

}  // namespace

FormatNode WriteTopologyTree(const Topology& topology) {
  TreeWriter writer;
  format::DescribeTopology(writer, topology);
  return std::move(writer.node);
}

}  // namespace lynctopo
