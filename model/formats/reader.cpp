// Tree -> model, for both our formats (see fields.hpp for the field list).

#include <charconv>
#include <climits>
#include <string_view>

#include "model/formats/binding.hpp"
#include "model/formats/fields.hpp"
#include "model/fqdn.hpp"
#include "model/spelling.hpp"

namespace lynctopo {
namespace {

using Type = FormatNode::Type;

struct ReadState {
  const std::string& path;
  Diagnostics& diagnostics;
  TreeReadOptions options;
  bool fatal = false;
};

template <typename E>
std::vector<std::string> EnumNames() {
  std::vector<std::string> names;
  for (int i = 0; i < 64; ++i) {
    std::string_view name = ToString(static_cast<E>(i));
    if (name == "unknown") break;
    names.emplace_back(name);
  }
  return names;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string_view Trim(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Host names are stored lower-case without a trailing dot (model/topology.hpp).
std::string NormalizeHost(std::string_view text) {
  std::string host = ToLower(text);
  if (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

class TreeReader {
 public:
  TreeReader(ReadState& state, const FormatNode& node, std::string pointer, Origin* origin,
             std::string prefix, std::string element)
      : state_(state),
        node_(node),
        pointer_(std::move(pointer)),
        origin_(origin),
        prefix_(std::move(prefix)),
        element_(std::move(element)),
        what_(element_),
        used_(node.members.size(), false) {}

  void Begin(Origin& origin, const char* what) {
    origin.loc = Loc(node_.loc, pointer_);
    origin_ = &origin;
    prefix_.clear();
    what_ = what;
  }

  void FormatVersion() {
    if (!xml()) {
      // Editors that know JSON Schema like a "$schema" member; it carries no model data.
      if (const FormatMember* schema = Find("$schema", false)) {
        if (schema->value.type != Type::kString) TypeError(*schema, "a string");
      }
    }
    int version = 0;
    const FormatMember* member = Find("format_version", false);
    if (!member) {
      Error("LT0107", node_.loc, "the topology has no 'format_version' (required; write 1)");
      return;
    }
    if (!IntValue(*member, &version)) {
      state_.fatal = true;
      return;
    }
    if (version != 1) {
      Error("LT0108", member->value.loc,
            "unsupported format_version " + std::to_string(version) +
                " (this lynctopo reads format_version 1)");
      state_.fatal = true;
    }
  }

  void Text(const char* name, std::string& out, bool required = false) {
    const FormatMember* member = Find(name, required);
    if (member && ScalarOk(*member, Type::kString, "a string")) out = member->value.scalar;
  }

  void Host(const char* name, std::string& out, bool required = false) {
    const FormatMember* member = Find(name, required);
    if (member && ScalarOk(*member, Type::kString, "a string")) {
      if (HasDoubleTrailingDot(member->value.scalar, member->value.loc, ChildPointer(name))) return;
      out = NormalizeHost(member->value.scalar);
    }
  }

  // "host.example.com.." would lose one dot here and the other later: a changed name.
  bool HasDoubleTrailingDot(const std::string& value, SourceLoc loc, const std::string& pointer) {
    if (!value.ends_with("..")) return false;
    Error("LT0047", loc, "'" + value + "' ends in '..'; a name ends in at most one dot", pointer);
    return true;
  }

  void Int(const char* name, int& out, bool required = false) {
    const FormatMember* member = Find(name, required);
    if (member) IntValue(*member, &out);
  }

  void Bool(const char* name, bool& out, bool required = false) {
    const FormatMember* member = Find(name, required);
    if (!member) return;
    if (!xml()) {
      if (ScalarOk(*member, Type::kBool, "true or false")) out = member->value.scalar == "true";
      return;
    }
    if (!ScalarOk(*member, Type::kString, "true or false")) return;
    std::string_view text = Trim(member->value.scalar);
    if (text == "true" || text == "1") {
      out = true;
    } else if (text == "false" || text == "0") {
      out = false;
    } else {
      Error("LT0105", member->value.loc,
            "'" + std::string(name) + "' must be true or false, not '" + std::string(text) + "'");
    }
  }

  template <typename E>
  void Enum(const char* name, E& out, bool required = false) {
    const FormatMember* member = Find(name, required);
    if (!member || !ScalarOk(*member, Type::kString, "a string")) return;
    const std::string& text = member->value.scalar;
    if (Parse(text, &out)) return;
    std::vector<std::string> names = EnumNames<E>();
    std::string hint = DidYouMean(text, names);
    Error("LT0106", member->value.loc,
          "'" + text + "' is not a valid " + name + " for this " + what_ + hint +
              "; expected one of: " + Join(names));
  }

  void TextList(const char* name, const char* item, std::vector<std::string>& out) {
    ReadScalarList(name, item, out, false);
  }
  void HostList(const char* name, const char* item, std::vector<std::string>& out) {
    ReadScalarList(name, item, out, true);
  }

  template <typename T, typename Describe>
  void Object(const char* name, T& out, Describe describe, bool = true) {
    const FormatMember* member = Find(name, false);
    if (!member || !ObjectOk(*member)) return;
    TreeReader sub(state_, member->value, ChildPointer(name), origin_, prefix_ + name + "/", name);
    describe(sub, out);
    sub.Finish();
  }

  template <typename T, typename Describe>
  void Optional(const char* name, std::optional<T>& out, Describe describe) {
    const FormatMember* member = Find(name, false);
    if (!member || !ObjectOk(*member)) return;
    out.emplace();
    TreeReader sub(state_, member->value, ChildPointer(name), origin_, prefix_ + name + "/", name);
    describe(sub, *out);
    sub.Finish();
  }

  template <typename T, typename Describe>
  void List(const char* name, const char* item, std::vector<T>& out, Describe describe) {
    const FormatMember* member = Find(name, false);
    if (!member) return;
    std::vector<const FormatNode*> items = Items(*member, item);
    out.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const FormatNode& node = *items[i];
      std::string pointer = ChildPointer(name) + "/" + std::to_string(i);
      bool is_object = xml() ? node.xml && !node.attribute : node.type == Type::kObject;
      if (!is_object) {
        Error("LT0105", node.loc,
              "each item of '" + std::string(name) + "' must be an object, not " +
                  ToString(node.type),
              pointer);
        continue;
      }
      T value;
      TreeReader sub(state_, node, pointer, origin_, prefix_ + name + "/" + std::to_string(i) + "/",
                     item);
      describe(sub, value);
      sub.Finish();
      out.push_back(std::move(value));
    }
  }

  // Reports every member nobody asked for, with the closest known name as a hint.
  void Finish() {
    for (size_t i = 0; i < node_.members.size(); ++i) {
      if (!used_[i]) Unknown(node_.members[i], known_, xml() ? element_ : what_);
    }
    if (xml()) UnexpectedText(node_);
  }

 private:
  bool xml() const { return state_.options.xml; }

  SourceLoc Loc(SourceLoc loc, const std::string& pointer) const {
    if (!xml()) loc.pointer = pointer;
    return loc;
  }

  std::string ChildPointer(std::string_view name) const {
    return pointer_ + "/" + EscapeJsonPointer(name);
  }

  void Error(const char* code, SourceLoc loc, std::string message,
             const std::string& pointer = {}) {
    state_.diagnostics.Error(code, state_.path, Loc(loc, pointer), std::move(message));
  }
  void Warning(const char* code, SourceLoc loc, std::string message,
               const std::string& pointer = {}) {
    state_.diagnostics.Warning(code, state_.path, Loc(loc, pointer), std::move(message));
  }

  // The member called `name`, marked as used, its position recorded in the Origin.
  const FormatMember* Find(const char* name, bool required) {
    known_.emplace_back(name);
    const FormatMember* found = nullptr;
    for (size_t i = 0; i < node_.members.size(); ++i) {
      if (node_.members[i].name != name) continue;
      used_[i] = true;
      if (found) {
        Error("LT0104", node_.members[i].name_loc,
              "'" + std::string(name) + "' is given more than once in this " + what_ + " (line " +
                  std::to_string(found->name_loc.line) + ")",
              ChildPointer(name));
        continue;
      }
      found = &node_.members[i];
    }
    if (found) {
      if (origin_) origin_->SetField(prefix_ + name, Loc(found->name_loc, ChildPointer(name)));
    } else if (required && !state_.options.partial) {
      Error("LT0107", node_.loc, "this " + what_ + " has no '" + name + "' (required)", pointer_);
    }
    return found;
  }

  void TypeError(const FormatMember& member, const std::string& expected) {
    Error("LT0105", member.value.loc,
          "'" + member.name + "' must be " + expected + ", not " + ToString(member.value.type),
          ChildPointer(member.name));
  }

  // JSON: the value has the expected type. XML: it is an attribute (text, converted later).
  bool ScalarOk(const FormatMember& member, Type want, const std::string& expected) {
    if (xml()) {
      if (member.value.attribute) return true;
      Error("LT0105", member.name_loc,
            "'" + member.name + "' must be an attribute of <" + element_ + ">, not an element");
      return false;
    }
    if (member.value.type == want) return true;
    TypeError(member, expected);
    return false;
  }

  bool ObjectOk(const FormatMember& member) {
    if (xml()) {
      if (!member.value.attribute) return true;
      Error("LT0105", member.name_loc,
            "'" + member.name + "' must be a child element, not an attribute");
      return false;
    }
    if (member.value.type == Type::kObject) return true;
    TypeError(member, "an object");
    return false;
  }

  bool IntValue(const FormatMember& member, int* out) {
    std::string_view text;
    if (xml()) {
      if (!ScalarOk(member, Type::kString, "an integer")) return false;
      text = Trim(member.value.scalar);
    } else {
      if (member.value.type != Type::kNumber || !member.value.integer) {
        TypeError(member, "an integer");
        return false;
      }
      text = member.value.scalar;
    }
    long long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < INT_MIN ||
        value > INT_MAX) {
      Error("LT0105", member.value.loc,
            "'" + member.name + "' must be an integer, not '" + std::string(text) + "'",
            ChildPointer(member.name));
      return false;
    }
    *out = static_cast<int>(value);
    return true;
  }

  std::vector<const FormatNode*> Items(const FormatMember& member, const char* item) {
    std::vector<const FormatNode*> items;
    if (!xml()) {
      if (member.value.type != Type::kArray) {
        TypeError(member, "an array");
        return items;
      }
      for (const FormatNode& node : member.value.items) items.push_back(&node);
      return items;
    }
    if (!ObjectOk(member)) return items;
    const FormatNode& wrapper = member.value;
    for (const FormatMember& child : wrapper.members) {
      if (!child.value.attribute && child.name == item) {
        items.push_back(&child.value);
      } else {
        Unknown(child, {item}, member.name);
      }
    }
    UnexpectedText(wrapper);
    return items;
  }

  void ReadScalarList(const char* name, const char* item, std::vector<std::string>& out,
                      bool hosts) {
    const FormatMember* member = Find(name, false);
    if (!member) return;
    std::vector<const FormatNode*> items = Items(*member, item);
    for (size_t i = 0; i < items.size(); ++i) {
      const FormatNode& node = *items[i];
      std::string pointer = ChildPointer(name) + "/" + std::to_string(i);
      std::string value;
      SourceLoc loc = node.loc;
      if (xml()) {
        for (const FormatMember& child : node.members) Unknown(child, {}, item);
        value = std::string(Trim(node.text));
        if (node.text_loc.line > 0) loc = node.text_loc;
      } else if (node.type == Type::kString) {
        value = node.scalar;
      } else {
        Error(
            "LT0105", node.loc,
            "each item of '" + std::string(name) + "' must be a string, not " + ToString(node.type),
            pointer);
        continue;
      }
      if (origin_) {
        origin_->SetField(prefix_ + name + "/" + std::to_string(i), Loc(loc, pointer));
      }
      if (hosts && HasDoubleTrailingDot(value, loc, pointer)) continue;
      out.push_back(hosts ? NormalizeHost(value) : std::move(value));
    }
  }

  void Unknown(const FormatMember& member, const std::vector<std::string>& known,
               const std::string& where) {
    std::string hint = DidYouMean(member.name, known);
    std::string message;
    if (!xml()) {
      message = "unknown field '" + member.name + "' in this " + where + hint + "; it is ignored";
    } else if (member.value.attribute) {
      message =
          "unknown attribute '" + member.name + "' on <" + where + ">" + hint + "; it is ignored";
    } else {
      message =
          "unknown element <" + member.name + "> in <" + where + ">" + hint + "; it is ignored";
    }
    Warning("LT0103", member.name_loc, message, ChildPointer(member.name));
  }

  void UnexpectedText(const FormatNode& element) {
    if (Trim(element.text).empty()) return;
    Warning("LT0111", element.text_loc.line > 0 ? element.text_loc : element.loc,
            "unexpected text '" + std::string(Trim(element.text)).substr(0, 40) +
                "' in this element; it is ignored");
  }

  ReadState& state_;
  const FormatNode& node_;
  std::string pointer_;
  Origin* origin_;
  std::string prefix_;
  std::string element_;  // the XML element name (field or list item name)
  std::string what_;     // what the object is, for messages ("pool")
  std::vector<bool> used_;
  std::vector<std::string> known_;
};

}  // namespace

std::optional<Topology> ReadTopologyTree(const FormatNode& root, const std::string& path,
                                         Diagnostics& diagnostics, const TreeReadOptions& options) {
  ReadState state{path, diagnostics, options};
  bool is_object = options.xml ? root.xml : root.type == Type::kObject;
  if (!is_object) {
    diagnostics.Error("LT0105", path, root.loc,
                      std::string("the topology must be an object, not ") + ToString(root.type));
    return std::nullopt;
  }
  Topology topology;
  topology.source_file = path;
  TreeReader reader(state, root, "", nullptr, "", "topology");
  format::DescribeTopology(reader, topology);
  if (state.fatal) return std::nullopt;
  reader.Finish();
  return topology;
}

}  // namespace lynctopo
