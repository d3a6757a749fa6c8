// JsonTemplate: kainjow's parse tree, rendered from nlohmann::json with kainjow's rules
// (basic_mustache::render_component, render_section and render_current_line, minus lambdas,
// which a JSON view cannot hold). Keep the two in step: the golden tests compare every
// built-in template's output byte for byte.

#include "generators/json_template.hpp"

#include <vector>

#include <kainjow/mustache.hpp>

namespace lynctopo {

namespace mustache = kainjow::mustache;
using Component = mustache::component<std::string>;
using TagType = mustache::tag_type;
using Json = nlohmann::json;

struct JsonTemplate::Tree {
  Component root;
};

JsonTemplate::JsonTemplate(const std::string& source) : tree_(std::make_unique<Tree>()) {
  // What basic_mustache's constructor does, keeping the tree instead of the renderer.
  mustache::context<std::string> context;
  mustache::context_internal<std::string> internal{context};
  mustache::parser<std::string> parser{source, internal, tree_->root, error_};
}

JsonTemplate::~JsonTemplate() = default;
JsonTemplate::JsonTemplate(JsonTemplate&&) noexcept = default;
JsonTemplate& JsonTemplate::operator=(JsonTemplate&&) noexcept = default;

namespace {

// The old view conversion made null (and the JSON kinds Mustache has no use for) false.
bool IsFalse(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean:
      return !value.get<bool>();
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded:
      return true;
    default:
      return false;
  }
}

bool IsEmptyList(const Json& value) {
  return value.is_array() && value.empty();
}

// kainjow's data::get: only objects have members.
const Json* Member(const Json& value, const std::string& name) {
  if (!value.is_object()) return nullptr;
  auto found = value.find(name);
  return found == value.end() ? nullptr : &*found;
}

}  // namespace

class JsonRenderer {
 public:
  JsonRenderer(const Json& view, const JsonTemplate::PartialLookup& partials, std::string& error)
      : partials_(partials), error_(error) {
    stack_.push_back(&view);
  }

  // basic_mustache::render with root_renderer = true: the last line is flushed at the end.
  std::optional<std::string> Run(const JsonTemplate& root) {
    WalkChildren(root.tree_->root);
    if (!ok_) return std::nullopt;
    FlushLine(nullptr);
    // The OutputSet holds every artifact until the write: no doubling slack on each.
    out_.shrink_to_fit();
    return std::move(out_);
  }

 private:
  // kainjow's context::get, innermost context first.
  const Json* Get(const std::string& name) const {
    if (name.size() == 1 && name[0] == '.') return stack_.back();
    if (name.find('.') == std::string::npos) {
      for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
        if (const Json* found = Member(**it, name)) return found;
      }
      return nullptr;
    }
    const std::vector<std::string> names = mustache::split(name, '.');
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const Json* value = *it;
      for (const std::string& part : names) {
        value = Member(*value, part);
        if (!value) break;
      }
      if (value) return value;
    }
    return nullptr;
  }

  // render_current_line: the line so far (out_ from line_start_) is dropped, with its newline,
  // when it held a section tag and only blanks.
  void FlushLine(const Component* newline) {
    bool blank = true;
    for (size_t i = line_start_; i < out_.size(); ++i) {
      if (out_[i] != ' ' && out_[i] != '\t') {
        blank = false;
        break;
      }
    }
    if (section_tag_on_line_ && blank) {
      out_.resize(line_start_);
    } else if (newline) {
      out_ += newline->text;
    }
    line_start_ = out_.size();
    section_tag_on_line_ = false;
  }

  void WalkChildren(const Component& parent) {
    for (const Component& child : parent.children) {
      if (!ok_) return;
      Render(child);
    }
  }

  // render_component. A section's children are walked by RenderSection only (kainjow's
  // "skip"); other components have no children.
  void Render(const Component& comp) {
    if (comp.is_text()) {
      if (comp.is_newline()) {
        FlushLine(&comp);
      } else {
        out_ += comp.text;
      }
      return;
    }
    const std::string& name = comp.tag.name;
    switch (comp.tag.type) {
      case TagType::variable:
      case TagType::unescaped_variable:
        if (const Json* value = Get(name)) {
          if (value->is_string()) {
            out_ += value->get_ref<const std::string&>();
          } else if (value->is_number()) {
            out_ += value->dump();
          }
        }
        break;
      case TagType::section_begin: {
        const Json* value = Get(name);
        if (value && !IsFalse(*value) && !IsEmptyList(*value)) RenderSection(comp, value);
        break;
      }
      case TagType::section_begin_inverted: {
        const Json* value = Get(name);
        if (!value || IsFalse(*value) || IsEmptyList(*value)) RenderSection(comp, value);
        break;
      }
      case TagType::partial:
        if (const JsonTemplate* partial = partials_(name)) {
          if (!partial->valid()) {
            error_ = partial->error();
            ok_ = false;
            return;
          }
          WalkChildren(partial->tree_->root);  // same line buffer, no final flush
        }
        break;
      default:  // comments, set-delimiter tags (the parser already applied them)
        break;
    }
  }

  // render_section: a non-empty list renders once per item, anything else once, with the
  // value (when there is one) as the innermost context.
  void RenderSection(const Component& comp, const Json* value) {
    if (value && value->is_array() && !value->empty()) {
      for (const Json& item : *value) {
        section_tag_on_line_ = true;
        stack_.push_back(&item);
        WalkChildren(comp);
        stack_.pop_back();
        section_tag_on_line_ = true;
        if (!ok_) return;
      }
      return;
    }
    section_tag_on_line_ = true;
    if (value) stack_.push_back(value);
    WalkChildren(comp);
    if (value) stack_.pop_back();
    section_tag_on_line_ = true;
  }

  const JsonTemplate::PartialLookup& partials_;
  std::string& error_;
  std::vector<const Json*> stack_;  // back() is the innermost context
  std::string out_;
  size_t line_start_ = 0;
  bool section_tag_on_line_ = false;
  bool ok_ = true;
};

std::optional<std::string> JsonTemplate::Render(const Json& view, const PartialLookup& partials,
                                                std::string& error) const {
  if (!valid()) {
    error = error_;
    return std::nullopt;
  }
  return JsonRenderer(view, partials, error).Run(*this);
}

}  // namespace lynctopo
