#pragma once

// A Mustache template parsed once and rendered straight from a nlohmann::json view.
//
// Why not kainjow's own renderer: it renders only its own `data` type, so every view was first
// deep-converted (every key of every object, used or not), then walked through std::function
// callbacks into a string stream, and every {{> partial}} was parsed again at each use. With
// 20,000 artifacts per run that conversion and re-parsing was most of the render stage.
//
// What stays kainjow's: the parser (its component tree is public API of the header), so the
// syntax, the error messages and the parse tree are exactly the ones users' templates were
// written against. The renderer below walks that tree with kainjow's rules, byte for byte:
// the same line buffer (a line holding a section tag and otherwise only blanks is dropped), the
// same name lookup ("." and dotted names, innermost context first), the same truthiness, and
// the same values as the old view conversion: numbers as their JSON text; false, null and []
// are falsy; objects, lists and true render nothing as a variable. No HTML escaping: generators
// escape for their own target language in the view.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lynctopo {

struct TemplateView;

// Writes one item of a list as a built-in template's section over that list renders it, whole
// lines ending in '\n', straight from the model: for the lists of tens of thousands of items,
// where building each item's JSON object and walking it cost most of a run's CPU.
using DirectItemWriter = std::function<void(size_t index, std::string& out)>;

// A list the renderer asks for one item at a time, each item built when its iteration starts
// and freed when it ends: a whole-run view (every certificate of 10,000 servers with its SANs,
// every row of the report) held at once was most of a run's peak memory. To the template it is
// the list it stands for, item for item: same lookups, same truthiness (size 0 is falsy),
// nothing rendered for {{name}} of it. A template that iterates it twice builds each item
// twice. An item may hold lazy lists of its own.
//
// `direct`, when set, may offer a DirectItemWriter for a section over the list: asked with the
// built-in template's name and the section's occurrence (0 for the first section of that name in
// the template's source, 1 for the second...). It is asked only while the renderer walks a
// built-in template's own text (never an override, never a partial), and only for a section
// that starts a line; it must write exactly what the section renders through item(). An empty
// function means "render through item()". tests/integration/direct_writers.sh holds every
// writer to that: each shipped example renders byte for byte the same with the built-ins
// ejected into an override folder, where no writer is asked.
struct LazyList {
  size_t size = 0;
  std::function<TemplateView(size_t index)> item;
  std::function<DirectItemWriter(std::string_view template_name, size_t occurrence)> direct = {};
};
// Lazy members of one object, by key; a key here must not also be a key of its JSON object.
using LazyLists = std::map<std::string, LazyList, std::less<>>;

// An object of a template view: its JSON members and its lazy ones.
struct TemplateView {
  TemplateView() = default;
  explicit TemplateView(nlohmann::json json_root, LazyLists lazy_lists = {})
      : root(std::move(json_root)), lists(std::move(lazy_lists)) {}
  nlohmann::json root = nlohmann::json::object();
  LazyLists lists;
  // The whole view as one JSON object, as a template sees it (for tests): every lazy list
  // built, recursively.
  nlohmann::json Materialized() const;
};

class JsonTemplate {
 public:
  // Parses `source` with kainjow's parser (default delimiters); see valid() / error().
  // `built_in_name`, for a built-in template only: its name, under which lazy lists may offer
  // direct writers for its sections (LazyList::direct).
  explicit JsonTemplate(const std::string& source, std::string built_in_name = {});
  ~JsonTemplate();
  JsonTemplate(JsonTemplate&&) noexcept;
  JsonTemplate& operator=(JsonTemplate&&) noexcept;

  bool valid() const { return error_.empty(); }
  // kainjow's message, e.g. "Unclosed section \"x\" at 42" (a byte offset).
  const std::string& error() const { return error_; }

  // The parsed partial of that name ({{> name}}, the name as written), or nullptr: renders
  // nothing, as kainjow does for a partial its context cannot find.
  using PartialLookup = std::function<const JsonTemplate*(const std::string& name)>;

  // The text, or nullopt with `error` set when a partial it reaches is not valid.
  std::optional<std::string> Render(const nlohmann::json& view, const PartialLookup& partials,
                                    std::string& error) const;
  // The same, with the view's lazy lists.
  std::optional<std::string> Render(const TemplateView& view, const PartialLookup& partials,
                                    std::string& error) const;

  // Where RenderTo sends the text: whole lines, about a megabyte at a time, in order; false
  // stops the rendering (`error` says the text could not be written).
  using TextSink = std::function<bool(std::string_view piece)>;
  // Render without ever holding the whole text (a 70 MB script grew its string to twice that).
  bool RenderTo(const TemplateView& view, const PartialLookup& partials, const TextSink& sink,
                std::string& error) const;
  bool RenderTo(const nlohmann::json& view, const PartialLookup& partials, const TextSink& sink,
                std::string& error) const;

 private:
  struct Tree;  // kainjow's component tree, kept out of this header
  friend class JsonRenderer;
  std::unique_ptr<Tree> tree_;
  std::string error_;
  std::string built_in_name_;
};

}  // namespace lynctopo
