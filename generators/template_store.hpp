#pragma once

// Mustache templates (kainjow), compiled into the binary from templates/ and overridable by a
// folder: a file at the same relative path in --templates DIR wins over the built-in one.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "generators/embedded_templates.hpp"
#include "generators/json_template.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

struct TemplateInfo {
  std::string name;    // relative path, "dns/zone.mustache"
  std::string origin;  // "built-in" or the override file's path
};

class TemplateStore {
 public:
  // Built-ins only.
  TemplateStore();
  // Built-ins overlaid by every file under `override_dir`; unreadable folders are reported.
  TemplateStore(const std::filesystem::path& override_dir, Diagnostics& diagnostics);

  std::vector<TemplateInfo> List() const;
  std::optional<std::string> Source(std::string_view name) const;

  // Renders template `name` with `view` (a JSON object documented in docs/templates.md).
  // Partials ({{> other}}) resolve to other templates by name, relative to the templates root
  // with ".mustache" appended. A missing template or partial, or a syntax error, becomes a
  // diagnostic naming the template and line, and returns nullopt. Output is not HTML-escaped
  // by {{x}}: generators escape for their own target language in the view they build.
  std::optional<std::string> Render(std::string_view name, const nlohmann::json& view,
                                    Diagnostics& diagnostics) const;
  // The same with lazy lists, each item built only while the template iterates over it
  // (json_template.hpp): for the views of every server at once.
  std::optional<std::string> Render(std::string_view name, const TemplateView& view,
                                    Diagnostics& diagnostics) const;
  // The same, the text sent to `sink` a piece at a time instead of returned: for artifacts of
  // tens of megabytes. False (with a diagnostic) when the template or the sink failed.
  bool RenderTo(std::string_view name, const nlohmann::json& view,
                const JsonTemplate::TextSink& sink, Diagnostics& diagnostics) const;
  bool RenderTo(std::string_view name, const TemplateView& view, const JsonTemplate::TextSink& sink,
                Diagnostics& diagnostics) const;

 private:
  struct Entry {
    std::string source;
    std::string origin;
  };
  std::vector<std::pair<std::string, Entry>> entries_;  // sorted by name
  const Entry* Find(std::string_view name) const;
  // With a sink the text goes there and the result is "" on success.
  template <typename View>
  std::optional<std::string> RenderAny(std::string_view name, const View& view,
                                       const JsonTemplate::TextSink* sink,
                                       Diagnostics& diagnostics) const;

  // Templates Render has already checked and parsed without findings, by the name asked for:
  // generators render one template per server, and parsing it each time cost more than the
  // rendering. A cache only; shared by copies, whose entries are the same. Generators run on
  // several threads, so the cache guards itself (template_render.cpp).
  struct CompiledTemplates;
  static std::shared_ptr<CompiledTemplates> NewCompiledTemplates();
  std::shared_ptr<CompiledTemplates> compiled_ = NewCompiledTemplates();
};

}  // namespace lynctopo
