#include "generators/iis/iis_generator.hpp"

#include "generators/escape.hpp"
#include "generators/iis/iis_model.hpp"
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

// The view of templates/iis/prepare-server.ps1.mustache (documented in docs/templates.md).
nlohmann::json ServerView(const IisServer& server, const ProductStrings& product) {
  std::string feature_list;
  nlohmann::json features = nlohmann::json::array();
  for (const IisFeature& f : server.features) {
    if (!feature_list.empty()) feature_list += ", ";
    feature_list += PowerShellQuote(f.name);
    features.push_back({{"name", f.name}, {"display_name", f.display_name}});
  }
  return {{"server", server.server},
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

}  // namespace

nlohmann::json IisPlanToJson(const IisPlan& plan) {
  nlohmann::json servers = nlohmann::json::array();
  for (const IisServer& server : plan.servers) {
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
    servers.push_back({{"server", server.server},
                       {"pool", server.pool},
                       {"site", server.site},
                       {"kind", ToString(server.kind)},
                       {"features", std::move(features)},
                       {"bindings", std::move(bindings)}});
  }
  return {{"format_version", 1}, {"servers", std::move(servers)}};
}

namespace {

class IisGeneratorImpl : public Generator {
 public:
  std::string_view name() const override { return kName; }
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
  context.outputs.Add("iis/servers.json", IisPlanToJson(iis).dump(2) + "\n", kName, diagnostics);
  nlohmann::json all = nlohmann::json::array();
  for (const IisServer& server : iis.servers) {
    nlohmann::json view = ServerView(server, ProductStringsOf(plan.topology));
    if (auto text =
            context.templates.Render("iis/prepare-server.ps1.mustache", view, diagnostics)) {
      context.outputs.Add("iis/servers/" + server.server + ".ps1", *text, kName, diagnostics);
    }
    all.push_back(std::move(view));
  }
  nlohmann::json checklist = {{"servers", std::move(all)}};
  if (auto text = context.templates.Render("iis/checklist.md.mustache", checklist, diagnostics)) {
    context.outputs.Add("iis/checklist.md", *text, kName, diagnostics);
  }
}

const Generator& IisGenerator() {
  static const IisGeneratorImpl instance;
  return instance;
}

}  // namespace lynctopo
