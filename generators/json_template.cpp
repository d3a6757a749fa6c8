// JsonTemplate: kainjow's parse tree, rendered from nlohmann::json with kainjow's rules
// (basic_mustache::render_component, render_section and render_current_line, minus lambdas,
// which a JSON view cannot hold). Keep the two in step: the golden tests compare every
// built-in template's output byte for byte.

#include "generators/json_template.hpp"

#include <unordered_map>
#include <vector>

#include <kainjow/mustache.hpp>

namespace lynctopo {

namespace mustache = kainjow::mustache;
using Component = mustache::component<std::string>;
using TagType = mustache::tag_type;
using Json = nlohmann::json;

struct JsonTemplate::Tree {
  Component root;
  // Each {{#name}} section's place among the sections of its name, in source order: what a
  // direct writer is asked for (LazyList::direct).
  std::unordered_map<const Component*, size_t> occurrence;
};

namespace {

void NumberSections(const Component& parent, std::unordered_map<std::string, size_t>& seen,
                    std::unordered_map<const Component*, size_t>& occurrence) {
  for (const Component& child : parent.children) {
    if (child.tag.type == TagType::section_begin) occurrence[&child] = seen[child.tag.name]++;
    NumberSections(child, seen, occurrence);
  }
}

}  // namespace

JsonTemplate::JsonTemplate(const std::string& source, std::string built_in_name)
    : tree_(std::make_unique<Tree>()), built_in_name_(std::move(built_in_name)) {
  // What basic_mustache's constructor does, keeping the tree instead of the renderer.
  mustache::context<std::string> context;
  mustache::context_internal<std::string> internal{context};
  mustache::parser<std::string> parser{source, internal, tree_->root, error_};
  if (error_.empty() && !built_in_name_.empty()) {
    std::unordered_map<std::string, size_t> seen;
    NumberSections(tree_->root, seen, tree_->occurrence);
  }
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

// What a name resolves to: a value of the view, or one of its lazy lists.
struct Found {
  const Json* json = nullptr;
  const LazyList* lazy = nullptr;
};

// One context of the stack: a JSON value, and the lazy members when it is a view's object.
struct Context {
  const Json* json;
  const LazyLists* lists = nullptr;
};

class JsonRenderer {
 public:
  JsonRenderer(const Json& root, const LazyLists* lists,
               const JsonTemplate::PartialLookup& partials, std::string& error,
               const JsonTemplate::TextSink* sink = nullptr)
      : partials_(partials), error_(error), sink_(sink) {
    stack_.push_back({&root, lists});
  }

  // basic_mustache::render with root_renderer = true: the last line is flushed at the end.
  // With a sink, the text went there and the result is empty.
  std::optional<std::string> Run(const JsonTemplate& root) {
    if (!root.built_in_name_.empty()) direct_template_ = &root;
    WalkChildren(root.tree_->root);
    if (!ok_) return std::nullopt;
    FlushLine(nullptr);
    if (sink_) Emit();
    if (!ok_) return std::nullopt;
    return std::move(out_);
  }

 private:
  // kainjow's context::get, innermost context first. A context's lazy lists are members of its
  // object; a dotted name through one finds nothing in that context, as through a list.
  Found Get(const std::string& name) const {
    if (name.size() == 1 && name[0] == '.') return {stack_.back().json};
    if (name.find('.') == std::string::npos) {
      for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
        if (it->lists && !it->lists->empty()) {
          if (auto lazy = it->lists->find(name); lazy != it->lists->end())
            return {nullptr, &lazy->second};
        }
        if (const Json* found = Member(*it->json, name)) return {found};
      }
      return {};
    }
    const std::vector<std::string> names = mustache::split(name, '.');
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->lists && it->lists->count(names.front())) continue;
      const Json* value = it->json;
      for (const std::string& part : names) {
        value = Member(*value, part);
        if (!value) break;
      }
      if (value) return {value};
    }
    return {};
  }

  static bool IsFalsy(const Found& found) {
    if (found.lazy) return found.lazy->size == 0;
    return !found.json || IsFalse(*found.json) || IsEmptyList(*found.json);
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
    if (sink_ && line_start_ >= kPiece) Emit();
  }

  // The finished lines go to the sink; only the line being rendered stays.
  void Emit() {
    if (ok_ && line_start_ > 0 && !(*sink_)(std::string_view(out_).substr(0, line_start_))) {
      error_ = "the rendered text could not be written";
      ok_ = false;
    }
    out_.erase(0, line_start_);
    line_start_ = 0;
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
        if (const Json* value = Get(name).json) {
          if (value->is_string()) {
            out_ += value->get_ref<const std::string&>();
          } else if (value->is_number()) {
            out_ += value->dump();
          }
        }
        break;
      case TagType::section_begin: {
        Found found = Get(name);
        if (!IsFalsy(found)) RenderSection(comp, found);
        break;
      }
      case TagType::section_begin_inverted: {
        Found found = Get(name);
        if (IsFalsy(found)) RenderSection(comp, found);
        break;
      }
      case TagType::partial:
        if (const JsonTemplate* partial = partials_(name)) {
          if (!partial->valid()) {
            error_ = partial->error();
            ok_ = false;
            return;
          }
          // Same line buffer, no final flush; a partial's sections are never written directly.
          const JsonTemplate* direct_template = direct_template_;
          direct_template_ = nullptr;
          WalkChildren(partial->tree_->root);
          direct_template_ = direct_template;
        }
        break;
      default:  // comments, set-delimiter tags (the parser already applied them)
        break;
    }
  }

  // render_section: a non-empty list renders once per item, anything else once, with the
  // value (when there is one) as the innermost context.
  void RenderSection(const Component& comp, const Found& found) {
    if (found.lazy) {
      if (found.lazy->size == 0) {  // an inverted section: the empty list is the context
        static const Json kEmptyList = Json::array();
        return RenderSection(comp, Found{&kEmptyList});
      }
      if (DirectItemWriter write = DirectWriterFor(comp, *found.lazy)) {
        for (size_t i = 0; i < found.lazy->size; ++i) {
          write(i, out_);
          line_start_ = out_.size();
          if (sink_ && line_start_ >= kPiece) Emit();
        }
        section_tag_on_line_ = true;  // as after the last item rendered through item()
        return;
      }
      for (size_t i = 0; i < found.lazy->size; ++i) {
        const TemplateView item = found.lazy->item(i);
        section_tag_on_line_ = true;
        stack_.push_back({&item.root, &item.lists});
        WalkChildren(comp);
        stack_.pop_back();
        section_tag_on_line_ = true;
        if (!ok_) return;
      }
      return;
    }
    const Json* value = found.json;
    if (value && value->is_array() && !value->empty()) {
      for (const Json& item : *value) {
        section_tag_on_line_ = true;
        stack_.push_back({&item});
        WalkChildren(comp);
        stack_.pop_back();
        section_tag_on_line_ = true;
        if (!ok_) return;
      }
      return;
    }
    section_tag_on_line_ = true;
    if (value) stack_.push_back({value});
    WalkChildren(comp);
    if (value) stack_.pop_back();
    section_tag_on_line_ = true;
  }

  // A writer only for a section of the built-in template being walked that starts a line:
  // its items' text then starts a line too, as the writer's does.
  DirectItemWriter DirectWriterFor(const Component& comp, const LazyList& list) const {
    if (!direct_template_ || !list.direct || comp.tag.type != TagType::section_begin ||
        line_start_ != out_.size())
      return {};
    const auto& occurrence = direct_template_->tree_->occurrence;
    auto found = occurrence.find(&comp);
    if (found == occurrence.end()) return {};
    return list.direct(direct_template_->built_in_name_, found->second);
  }

  static constexpr size_t kPiece = 1 << 20;

  const JsonTemplate::PartialLookup& partials_;
  std::string& error_;
  const JsonTemplate::TextSink* sink_;
  const JsonTemplate* direct_template_ = nullptr;  // the built-in template being walked, if any
  std::vector<Context> stack_;                     // back() is the innermost context
  std::string out_;
  size_t line_start_ = 0;
  bool section_tag_on_line_ = false;
  bool ok_ = true;
};

Json TemplateView::Materialized() const {
  Json view = root;
  for (const auto& [key, list] : lists) {
    Json items = Json::array();
    for (size_t i = 0; i < list.size; ++i) items.push_back(list.item(i).Materialized());
    view[key] = std::move(items);
  }
  return view;
}

std::optional<std::string> JsonTemplate::Render(const Json& view, const PartialLookup& partials,
                                                std::string& error) const {
  if (!valid()) {
    error = error_;
    return std::nullopt;
  }
  return JsonRenderer(view, nullptr, partials, error).Run(*this);
}

std::optional<std::string> JsonTemplate::Render(const TemplateView& view,
                                                const PartialLookup& partials,
                                                std::string& error) const {
  if (!valid()) {
    error = error_;
    return std::nullopt;
  }
  return JsonRenderer(view.root, &view.lists, partials, error).Run(*this);
}

bool JsonTemplate::RenderTo(const TemplateView& view, const PartialLookup& partials,
                            const TextSink& sink, std::string& error) const {
  if (!valid()) {
    error = error_;
    return false;
  }
  return JsonRenderer(view.root, &view.lists, partials, error, &sink).Run(*this).has_value();
}

bool JsonTemplate::RenderTo(const Json& view, const PartialLookup& partials, const TextSink& sink,
                            std::string& error) const {
  if (!valid()) {
    error = error_;
    return false;
  }
  return JsonRenderer(view, nullptr, partials, error, &sink).Run(*this).has_value();
}

}  // namespace lynctopo
