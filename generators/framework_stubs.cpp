// Placeholders until the generator framework work lands (it deletes this file).
#include "generators/generator.hpp"

namespace lynctopo {

bool OutputSet::Add(std::string path, std::string content, std::string_view generator,
                    Diagnostics&) {
  artifacts_[path] = Artifact{std::move(content), std::string(generator)};
  return true;
}

TemplateStore::TemplateStore() {}
TemplateStore::TemplateStore(const std::filesystem::path&, Diagnostics&) {}
std::vector<TemplateInfo> TemplateStore::List() const { return {}; }
std::optional<std::string> TemplateStore::Source(std::string_view) const { return std::nullopt; }
std::optional<std::string> TemplateStore::Render(std::string_view, const nlohmann::json&,
                                                 Diagnostics&) const {
  return std::nullopt;
}

ArtifactSet BuildArtifacts(const Plan& plan, Diagnostics&) {
  ArtifactSet set;
  set.plan = &plan;
  return set;
}

std::span<const Generator* const> AllGenerators() { return {}; }
const Generator* FindGenerator(std::string_view) { return nullptr; }

}  // namespace lynctopo
