// Our JSON topology format: text <-> FormatNode tree (with positions) <-> model.
//
// nlohmann's SAX interface builds the tree and reports syntax errors with their byte offset,
// but it tells a SAX handler nothing about where each value starts. So once the text is known
// to be valid, a small scanner walks it again and lists the start of every key and value in
// document order; the tree, walked in the same order, takes those positions.

#include <nlohmann/json.hpp>

#include "model/formats/binding.hpp"
#include "model/formats/syntax.hpp"
#include "model/line_index.hpp"
#include "model/load.hpp"
#include "model/text_safety.hpp"

namespace lynctopo {
namespace {

using Type = FormatNode::Type;

// Deeper documents are certainly not topologies; the limit also bounds every recursion below.
constexpr size_t kMaxDepth = 200;

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  FormatNode root;
  bool failed = false;
  size_t error_offset = 0;
  std::string error_message;

  bool null() override { return Add(FormatNode()); }
  bool boolean(bool value) override { return Add(FormatNode::Bool(value)); }
  bool number_integer(number_integer_t value) override {
    return Add(Number(std::to_string(value), true));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Add(Number(std::to_string(value), true));
  }
  bool number_float(number_float_t, const string_t& literal) override {
    return Add(Number(literal, false));
  }
  bool string(string_t& value) override { return Add(FormatNode::String(std::move(value))); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return Open(FormatNode::Object()); }
  bool key(string_t& name) override {
    key_ = std::move(name);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return Open(FormatNode::Array("")); }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    failed = true;
    error_offset = position;
    error_message = error.what();
    return false;
  }

 private:
  static FormatNode Number(std::string literal, bool integer) {
    FormatNode node;
    node.type = Type::kNumber;
    node.scalar = std::move(literal);
    node.integer = integer;
    return node;
  }

  FormatNode* Place(FormatNode node) {
    if (stack_.empty()) {
      root = std::move(node);
      return &root;
    }
    FormatNode& parent = *stack_.back();
    if (parent.type == Type::kObject) {
      parent.members.push_back(FormatMember{std::move(key_), {}, std::move(node)});
      return &parent.members.back().value;
    }
    parent.items.push_back(std::move(node));
    return &parent.items.back();
  }

  bool Add(FormatNode node) {
    Place(std::move(node));
    return true;
  }

  // Children are only ever added to the innermost open container, so the pointers to the
  // enclosing ones stay valid.
  bool Open(FormatNode node) {
    if (stack_.size() >= kMaxDepth) {
      failed = true;
      error_message = "values are nested deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    stack_.push_back(Place(std::move(node)));
    return true;
  }

  std::vector<FormatNode*> stack_;
  std::string key_;
};

// The offsets of every value and key of valid JSON, in document order (a value, then for an
// object each key followed by its value).
class StartScanner {
 public:
  explicit StartScanner(std::string_view text) : text_(text) {}

  std::vector<size_t> Scan() {
    SkipSpace();
    Value(0);
    return starts_;
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  void SkipString() {
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;  // closing quote
  }

  void Value(size_t depth) {
    if (pos_ >= text_.size() || depth > kMaxDepth) return;
    starts_.push_back(pos_);
    char c = text_[pos_];
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      SkipSpace();
      while (pos_ < text_.size() && text_[pos_] != close) {
        if (c == '{') {
          starts_.push_back(pos_);
          SkipString();
          SkipSpace();
          ++pos_;  // ':'
          SkipSpace();
        }
        Value(depth + 1);
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        SkipSpace();
      }
      ++pos_;
    } else if (c == '"') {
      SkipString();
    } else {
      while (pos_ < text_.size() &&
             std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos) {
        ++pos_;
      }
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<size_t> starts_;
};

void AssignPositions(FormatNode& node, const std::vector<size_t>& starts, size_t& next,
                     const LineIndex& lines) {
  if (next < starts.size()) node.loc = lines.At(starts[next++]);
  for (FormatMember& member : node.members) {
    if (next < starts.size()) member.name_loc = lines.At(starts[next++]);
    AssignPositions(member.value, starts, next, lines);
  }
  for (FormatNode& item : node.items) AssignPositions(item, starts, next, lines);
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while
// parsing value - unexpected end of input; ..." -> the part after the position.
std::string SyntaxMessage(const std::string& what) {
  size_t column = what.find("column ");
  size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
  if (colon != std::string::npos) return what.substr(colon + 2);
  size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

std::string_view StripUtf8Bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

void WriteString(std::string& out, const std::string& value) {
  out += nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void WriteNode(std::string& out, const FormatNode& node, size_t indent) {
  switch (node.type) {
    case Type::kNull:
      out += "null";
      return;
    case Type::kBool:
    case Type::kNumber:
      out += node.scalar;
      return;
    case Type::kString:
      WriteString(out, node.scalar);
      return;
    case Type::kObject:
    case Type::kArray:
      break;
  }
  const bool object = node.type == Type::kObject;
  const size_t count = object ? node.members.size() : node.items.size();
  if (count == 0) {
    out += object ? "{}" : "[]";
    return;
  }
  out += object ? "{\n" : "[\n";
  for (size_t i = 0; i < count; ++i) {
    out.append(indent + 2, ' ');
    if (object) {
      WriteString(out, node.members[i].name);
      out += ": ";
      WriteNode(out, node.members[i].value, indent + 2);
    } else {
      WriteNode(out, node.items[i], indent + 2);
    }
    out += i + 1 < count ? ",\n" : "\n";
  }
  out.append(indent, ' ');
  out += object ? '}' : ']';
}

}  // namespace

std::optional<FormatNode> ParseJsonTree(std::string_view text, const std::string& path,
                                        Diagnostics& diagnostics) {
  text = StripUtf8Bom(text);
  if (!CheckTextSafety(text, TextSyntax::kJson, path, diagnostics)) return std::nullopt;
  LineIndex lines(text);
  TreeBuilder builder;
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, true,
                                   false);
  } catch (const std::exception& error) {
    builder.failed = true;
    builder.error_message = error.what();
  }
  if (!ok || builder.failed) {
    // nlohmann counts the offending character as read.
    size_t offset = builder.error_offset > 0 ? builder.error_offset - 1 : 0;
    diagnostics.Error("LT0101", path, lines.At(offset),
                      "malformed JSON: " + SyntaxMessage(builder.error_message));
    return std::nullopt;
  }
  std::vector<size_t> starts = StartScanner(text).Scan();
  size_t next = 0;
  AssignPositions(builder.root, starts, next, lines);
  return std::move(builder.root);
}

std::optional<Topology> LoadJsonTopology(std::string_view text, const std::string& path,
                                         Diagnostics& diagnostics, bool partial) {
  std::optional<FormatNode> tree = ParseJsonTree(text, path, diagnostics);
  if (!tree) return std::nullopt;
  TreeReadOptions options;
  options.partial = partial;
  return ReadTopologyTree(*tree, path, diagnostics, options);
}

std::string WriteJsonTree(const FormatNode& tree) {
  std::string out;
  WriteNode(out, tree, 0);
  out += '\n';
  return out;
}

std::string WriteJsonTopology(const Topology& topology) {
  return WriteJsonTree(WriteTopologyTree(topology));
}

}  // namespace lynctopo
