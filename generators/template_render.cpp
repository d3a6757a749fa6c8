// TemplateStore::Render: checks the template and every partial it can reach (syntax, missing
// partials, recursion) before rendering, so a broken template is a diagnostic naming the file
// and line, never a crash or a silently empty section.

#include <charconv>
#include <functional>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "generators/json_template.hpp"
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

}  // namespace

struct TemplateStore::CompiledTemplates {
  // Held only to find or add an entry: a map never moves its entries, so rendering from one
  // needs no lock.
  std::mutex lock;
  std::map<std::string, JsonTemplate, std::less<>> by_name;   // roots, by the name asked for
  std::map<std::string, JsonTemplate, std::less<>> partials;  // by file name
};

std::shared_ptr<TemplateStore::CompiledTemplates> TemplateStore::NewCompiledTemplates() {
  return std::make_shared<CompiledTemplates>();
}

namespace {
const nlohmann::json& RootOf(const nlohmann::json& view) {
  return view;
}
const nlohmann::json& RootOf(const TemplateView& view) {
  return view.root;
}
}  // namespace

template <typename View>
std::optional<std::string> TemplateStore::RenderAny(std::string_view name, const View& view,
                                                    const JsonTemplate::TextSink* sink,
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
  if (!RootOf(view).is_object()) {
    diagnostics.Error("LT4016", DisplayFile(*root), {},
                      fmt::format("template '{}': the view is not a JSON object", root->name));
    return std::nullopt;
  }
  CompiledTemplates& compiled = *compiled_;
  const JsonTemplate* root_template = nullptr;
  {
    std::lock_guard<std::mutex> held(compiled.lock);
    auto cached = compiled.by_name.find(name);
    if (cached == compiled.by_name.end()) {
      // Only a template whose check found nothing is kept, so a broken one is reported on every
      // call, as before the cache.
      TemplateChecker checker(lookup, diagnostics);
      if (!checker.Check(*root)) return std::nullopt;
      // A built-in root may have its sections written directly (LazyList::direct).
      std::string built_in_name = root->origin == "built-in" ? root->name : std::string();
      cached = compiled.by_name
                   .emplace(std::string(name),
                            JsonTemplate(std::string(root->source), std::move(built_in_name)))
                   .first;
    }
    root_template = &cached->second;
  }
  // Partials resolve against the store, never the view, so a view key cannot stand in for a
  // partial and its source is the (possibly overridden) template. Each is parsed once per
  // store, not at every use (kainjow parsed a partial each time it met the tag).
  const JsonTemplate::PartialLookup partials =
      [&compiled, &lookup](const std::string& partial_name) -> const JsonTemplate* {
    std::string file = PartialFileName(partial_name);
    std::lock_guard<std::mutex> held(compiled.lock);
    auto found = compiled.partials.find(file);
    if (found == compiled.partials.end()) {
      std::optional<FoundTemplate> source = lookup(file);
      if (!source) return nullptr;  // already reported by TemplateChecker
      found = compiled.partials.emplace(file, JsonTemplate(std::string(source->source))).first;
    }
    return &found->second;
  };

  std::string error;
  std::optional<std::string> output;
  if (!sink) {
    output = root_template->Render(view, partials, error);
  } else if (root_template->RenderTo(view, partials, *sink, error)) {
    output.emplace();
  }
  if (!output) {
    SourceLoc loc;
    loc.line = 1;
    diagnostics.Error("LT4016", DisplayFile(*root), loc,
                      fmt::format("cannot render template '{}': {}", root->name, error));
    return std::nullopt;
  }
  return output;
}

std::optional<std::string> TemplateStore::Render(std::string_view name, const nlohmann::json& view,
                                                 Diagnostics& diagnostics) const {
  return RenderAny(name, view, nullptr, diagnostics);
}

std::optional<std::string> TemplateStore::Render(std::string_view name, const TemplateView& view,
                                                 Diagnostics& diagnostics) const {
  return RenderAny(name, view, nullptr, diagnostics);
}

bool TemplateStore::RenderTo(std::string_view name, const nlohmann::json& view,
                             const JsonTemplate::TextSink& sink, Diagnostics& diagnostics) const {
  return RenderAny(name, view, &sink, diagnostics).has_value();
}

bool TemplateStore::RenderTo(std::string_view name, const TemplateView& view,
                             const JsonTemplate::TextSink& sink, Diagnostics& diagnostics) const {
  return RenderAny(name, view, &sink, diagnostics).has_value();
}

}  // namespace lynctopo
