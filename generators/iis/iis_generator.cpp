#include "generators/iis/iis_generator.hpp"

#include "generators/escape.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/iis/iis_requirements.hpp"
#include "generators/json_dump.hpp"
#include "generators/product_strings.hpp"

namespace lynctopo {
namespace {

constexpr std::string_view kName = "iis";

nlohmann::json BindingsView(const IisServer& server) {
  nlohmann::json bindings = nlohmann::json::array();
  for (const IisBinding& b : server.bindings) {
    bindings.push_back({{"web_site", b.web_site},
                        {"web_site_ps", PowerShellQuote(b.web_site)},
                        {"protocol", b.protocol},
                        {"protocol_ps", PowerShellQuote(b.protocol)},
                        {"port", b.port},
                        {"host", b.host.empty() ? "(not published)" : b.host},
                        {"https", b.protocol == "https"},
                        {"certificate_use", b.certificate_use},
                        {"certificate_use_ps", PowerShellQuote(b.certificate_use)}});
  }
  return bindings;
}

const char* InstallCommand(const IisServer& server) {
  return server.install_windows_feature ? "Install-WindowsFeature" : "Add-WindowsFeature";
}

nlohmann::json PrerequisitesView(const IisServer& server) {
  nlohmann::json list = nlohmann::json::array();
  for (const IisPrerequisite* prerequisite : server.prerequisites) {
    const IisPrerequisite& p = *prerequisite;
    list.push_back({{"name", p.name},
                    {"name_comment", CommentText(p.name)},
                    {"name_md", MarkdownCell(p.name)},
                    {"requirement_comment", CommentText(p.requirement)},
                    {"requirement_md", MarkdownCell(p.requirement)},
                    {"has_hotfix", !p.hotfix.empty()},
                    {"hotfix", p.hotfix},
                    {"hotfix_ps", PowerShellQuote(p.hotfix)},
                    {"name_ps", PowerShellQuote(p.name)}});
  }
  return list;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

nlohmann::json PagesView(const IisServer& server) {
  nlohmann::json pages = nlohmann::json::array();
  for (const std::string& page : *server.pages)
    pages.push_back({{"page_comment", CommentText(page)}});
  return pages;
}

// Why the lists of another release apply; empty when the pages list the server's release.
std::string ReleaseNote(const IisServer& server, const ProductStrings& product) {
  if (server.os_listed) return "";
  return std::string(product.product) + "'s pages do not list " + ReleaseDisplayName(server.os) +
         "; these are the lists of " + ReleaseDisplayName(server.requirements_os);
}

// The view of templates/iis/prepare-server.ps1.mustache (documented in docs/templates.md).
nlohmann::json ServerView(const IisServer& server, const ProductStrings& product) {
  std::string feature_list;
  nlohmann::json features = nlohmann::json::array();
  for (const IisFeature& f : server.features) {
    if (!feature_list.empty()) feature_list += ", ";
    feature_list += PowerShellQuote(f.name);
    features.push_back({{"name", f.name}, {"display_name", f.display_name}});
  }
  const std::string note = ReleaseNote(server, product);
  return {{"server", server.server},
          {"os", ToString(server.os)},
          {"os_name", ReleaseDisplayName(server.os)},
          {"has_os_note", !note.empty()},
          {"os_note_comment", CommentText(note)},
          {"os_note_md", MarkdownCell(note)},
          {"install_command", InstallCommand(server)},
          {"install_windows_feature", server.install_windows_feature},
          {"source_default_ps", PowerShellQuote(kDefaultFeatureSource)},
          {"pages", PagesView(server)},
          {"pages_md", MarkdownCell(Joined(*server.pages))},
          {"prerequisites", PrerequisitesView(server)},
          {"pool", server.pool},
          {"site", server.site},
          {"site_comment", CommentText(server.site)},
          {"site_md", MarkdownCell(server.site)},
          {"kind", ToString(server.kind)},
          {"features", std::move(features)},
          {"feature_list_ps", feature_list},
          {"product", product.product},
          {"product_family", product.family},
          {"management_shell", product.management_shell},
          {"bindings", BindingsView(server)}};
}

nlohmann::json IisServerToJson(const IisServer& server) {
  nlohmann::json features = nlohmann::json::array();
  for (const IisFeature& f : server.features) features.push_back(f.name);
  nlohmann::json bindings = nlohmann::json::array();
  for (const IisBinding& b : server.bindings) {
    bindings.push_back(
        {{"web_site", b.web_site},
         {"protocol", b.protocol},
         {"port", b.port},
         {"host", b.host},
         {"certificate_use", b.certificate_use.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(b.certificate_use)}});
  }
  nlohmann::json prerequisites = nlohmann::json::array();
  for (const IisPrerequisite* prerequisite : server.prerequisites) {
    const IisPrerequisite& p = *prerequisite;
    prerequisites.push_back(
        {{"name", p.name},
         {"requirement", p.requirement},
         {"hotfix", p.hotfix.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.hotfix)}});
  }
  return {{"server", server.server},
          {"pool", server.pool},
          {"site", server.site},
          {"kind", ToString(server.kind)},
          {"os", ToString(server.os)},
          {"os_listed", server.os_listed},
          {"requirements_os", ToString(server.requirements_os)},
          {"install_command", InstallCommand(server)},
          {"source_parameter", server.install_windows_feature},
          {"documentation", *server.pages},
          {"features", std::move(features)},
          {"prerequisites", std::move(prerequisites)},
          {"bindings", std::move(bindings)}};
}

}  // namespace

bool WriteIisPlanJson(const IisPlan& plan, const JsonTextSink& sink) {
  return DumpWithArrayTo(
      {{"format_version", 1}}, "servers", plan.servers.size(),
      [&plan](size_t i) { return IisServerToJson(plan.servers[i]); }, "\n", sink);
}

namespace {

class IisGeneratorImpl : public Generator {
 public:
  std::string_view name() const override { return kName; }
  void AddModels(ModelChoice& needed) const override { needed.iis = true; }
  std::string_view summary() const override {
    return "IIS role services and web site bindings per Lync web services server";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

}  // namespace

void IisGeneratorImpl::Generate(const Plan& plan, const GeneratorOptions&,
                                GeneratorContext& context) const {
  if (!context.artifacts.iis) return;
  const IisPlan& iis = *context.artifacts.iis;
  Diagnostics& diagnostics = context.diagnostics;
  context.outputs.AddRendered(
      "iis/servers.json", kName, diagnostics,
      [&iis](const OutputSet::TextSink& sink) { return WriteIisPlanJson(iis, sink); });
  const ProductStrings& product = ProductStringsOf(plan.topology);
  for (const IisServer& server : iis.servers) {
    RenderArtifact(context, kName, "iis/prepare-server.ps1.mustache", ServerView(server, product),
                   "iis/servers/" + server.server + ".ps1");
  }
  // Each server's view again, built while the checklist reaches it: holding all of them was
  // a view of every server at once.
  TemplateView checklist;
  checklist.root = nlohmann::json::object();
  checklist.lists["servers"] = {iis.servers.size(), [&iis, &product](size_t i) {
                                  return TemplateView(ServerView(iis.servers[i], product));
                                }};
  RenderArtifact(context, kName, "iis/checklist.md.mustache", checklist, "iis/checklist.md");
}

const Generator& IisGenerator() {
  static const IisGeneratorImpl instance;
  return instance;
}

}  // namespace lynctopo
