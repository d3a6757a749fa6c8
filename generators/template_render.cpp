// TemplateStore::Render: checks the template and every partial it can reach (syntax, missing
// partials, recursion) before rendering, so a broken template is a diagnostic naming the file
// and line, never a crash or a silently empty section.

#include <charconv>
#include <functional>
#include <map>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "generators/template_scan.hpp"
#include "generators/template_store.hpp"

namespace lynctopo {

namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kExtension = ".mustache";

struct FoundTemplate {
  std::string name;
  std::string_view source;
  std::string_view origin;
};

using Lookup = std::function<std::optional<FoundTemplate>(std::string_view)>;

// A partial is named relative to the templates root; ".mustache" is implied.
std::string PartialFileName(std::string_view name) {
  std::string file(name);
  if (!file.ends_with(kExtension)) file += kExtension;
  return file;
}

// Built-ins are named by their template name (the user sees them via `templates eject`);
// overrides by the file the user edits.
std::string DisplayFile(const FoundTemplate& t) {
  return t.origin == "built-in" ? t.name : std::string(t.origin);
}

// kainjow reports "Unclosed section \"x\" at 42"; the number is a byte offset.
void ReportSyntaxError(const FoundTemplate& t, const std::string& error, Diagnostics& diagnostics) {
  std::string message = error;
  SourceLoc loc;
  loc.line = 1;
  size_t at = error.rfind(" at ");
  if (at != std::string::npos) {
    size_t offset = 0;
    const char* first = error.data() + at + 4;
    const char* last = error.data() + error.size();
    auto [ptr, ec] = std::from_chars(first, last, offset);
    if (ec == std::errc() && ptr == last) {
      loc = LocationOfOffset(t.source, offset);
      message = error.substr(0, at);
    }
  }
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  diagnostics.Error("LT4011", DisplayFile(t), loc,
                    fmt::format("syntax error in template '{}': {}", t.name, message));
}

// Depth-first over the partial graph: every template reachable from the root is parsed once.
class TemplateChecker {
 public:
  TemplateChecker(const Lookup& lookup, Diagnostics& diagnostics)
      : lookup_(lookup), diagnostics_(diagnostics) {}

  bool Check(const FoundTemplate& root) {
    Visit(root);
    return ok_;
  }

 private:
  enum class State { kVisiting, kDone };

  void Visit(const FoundTemplate& t) {
    state_[t.name] = State::kVisiting;
    mustache::mustache parsed{std::string(t.source)};
    if (!parsed.is_valid()) {
      ReportSyntaxError(t, parsed.error_message(), diagnostics_);
      ok_ = false;
    }
    for (const PartialTag& tag : ScanPartialTags(t.source)) {
      std::string file = PartialFileName(tag.name);
      std::optional<FoundTemplate> partial = lookup_(file);
      if (!partial) {
        diagnostics_.Error("LT4012", DisplayFile(t), LocationOfOffset(t.source, tag.offset),
                           fmt::format("template '{}' includes partial '{}': no template '{}'",
                                       t.name, tag.name, file));
        ok_ = false;
        continue;
      }
      auto seen = state_.find(file);
      if (seen == state_.end()) {
        Visit(*partial);
      } else if (seen->second == State::kVisiting) {
        diagnostics_.Error(
            "LT4013", DisplayFile(t), LocationOfOffset(t.source, tag.offset),
            fmt::format("template '{}' includes partial '{}' recursively", t.name, tag.name));
        ok_ = false;
      }
    }
    state_[t.name] = State::kDone;
  }

  const Lookup& lookup_;
  Diagnostics& diagnostics_;
  std::map<std::string, State> state_;
  bool ok_ = true;
};

// Objects, lists, strings; numbers as their JSON text; false, null and [] are falsy.
// kainjow's data only takes objects and lists by const reference (a deep copy), so children are
// moved into place instead: otherwise every level of nesting copies its whole subtree again,
// which dominated rendering views with thousands of servers.
mustache::data ToData(const nlohmann::json& value) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::object: {
      mustache::data object(mustache::data::type::object);
      for (const auto& [key, item] : value.items()) object[key] = ToData(item);
      return object;
    }
    case Type::array: {
      // Cheap placeholders first (growing the vector copies its elements: kainjow's move is
      // not noexcept), then each is replaced in place. The list is heap-allocated and
      // non-const inside `list`, so writing through list_value() is well-defined.
      mustache::data list(mustache::data::type::list);
      for (size_t i = 0; i < value.size(); ++i) list.push_back(mustache::data(false));
      auto& items = const_cast<mustache::list&>(list.list_value());
      size_t i = 0;
      for (const auto& item : value) items[i++] = ToData(item);
      return list;
    }
    case Type::string:
      return mustache::data(value.get_ref<const std::string&>());
    case Type::boolean:
      return mustache::data(value.get<bool>());
    case Type::number_integer:
    case Type::number_unsigned:
    case Type::number_float:
      return mustache::data(value.dump());
    case Type::null:
    case Type::binary:
    case Type::discarded:
      break;
  }
  return mustache::data(false);
}

// Resolves {{> name}} against the template store instead of the view, so a view key can never
// stand in for a partial and the partial's source is the (possibly overridden) template.
class StoreContext : public mustache::basic_context<std::string> {
 public:
  StoreContext(const mustache::data* root, const Lookup& lookup) : inner_(root), lookup_(lookup) {}

  void push(const mustache::data* data) override { inner_.push(data); }
  void pop() override { inner_.pop(); }
  const mustache::data* get(const std::string& name) const override { return inner_.get(name); }
  const mustache::data* get_partial(const std::string& name) const override {
    auto cached = partials_.find(name);
    if (cached != partials_.end()) return &cached->second;
    std::optional<FoundTemplate> found = lookup_(PartialFileName(name));
    if (!found) return nullptr;  // already reported by TemplateChecker
    return &partials_.emplace(name, mustache::data(std::string(found->source))).first->second;
  }

 private:
  mustache::context<std::string> inner_;
  const Lookup& lookup_;
  mutable std::map<std::string, mustache::data> partials_;
};

}  // namespace

struct TemplateStore::CompiledTemplates {
  std::map<std::string, mustache::mustache, std::less<>> by_name;
};

std::optional<std::string> TemplateStore::Render(std::string_view name, const nlohmann::json& view,
                                                 Diagnostics& diagnostics) const {
  const Lookup lookup = [this](std::string_view n) -> std::optional<FoundTemplate> {
    const Entry* entry = Find(n);
    if (!entry) return std::nullopt;
    return FoundTemplate{std::string(n), entry->source, entry->origin};
  };
  std::optional<FoundTemplate> root = lookup(name);
  if (!root) root = lookup(PartialFileName(name));
  if (!root) {
    diagnostics.Error("LT4010", "", {}, fmt::format("no template named '{}'", name));
    return std::nullopt;
  }
  if (!view.is_object()) {
    diagnostics.Error("LT4016", DisplayFile(*root), {},
                      fmt::format("template '{}': the view is not a JSON object", root->name));
    return std::nullopt;
  }
  if (!compiled_) compiled_ = std::make_shared<CompiledTemplates>();
  auto cached = compiled_->by_name.find(name);
  if (cached == compiled_->by_name.end()) {
    // Only a template whose check found nothing is kept, so a broken one is reported on every
    // call, as before the cache.
    TemplateChecker checker(lookup, diagnostics);
    if (!checker.Check(*root)) return std::nullopt;
    cached = compiled_->by_name.emplace(std::string(name), std::string(root->source)).first;
    // Generators escape for their target language while building the view; HTML escaping
    // would corrupt zone files and scripts.
    cached->second.set_custom_escape([](const std::string& text) { return text; });
  }
  mustache::mustache& compiled = cached->second;

  mustache::data data = ToData(view);
  StoreContext context(&data, lookup);
  std::string output = compiled.render(context);
  if (!compiled.is_valid()) {
    SourceLoc loc;
    loc.line = 1;
    diagnostics.Error(
        "LT4016", DisplayFile(*root), loc,
        fmt::format("cannot render template '{}': {}", root->name, compiled.error_message()));
    compiled_->by_name.erase(cached);  // its error state would stick: parse afresh next time
    return std::nullopt;
  }
  return output;
}

}  // namespace lynctopo
