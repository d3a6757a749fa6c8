#include "generators/proxy/proxy_generator.hpp"

#include <fmt/format.h>

#include "generators/powershell_view.hpp"
#include "generators/proxy/proxy_escape.hpp"
#include "generators/proxy/proxy_views.hpp"

namespace lynctopo {
namespace proxy {
namespace {

constexpr std::string_view kGeneratorName = "proxy";

struct ProductFiles {
  ProxyProduct product;
  nlohmann::json (*view)(const ProxyListener&, std::span<const ProxyRule>, const RenderOptions&);
  std::vector<std::pair<const char*, const char*>> files;  // template, output file name
};

const std::vector<ProductFiles>& Products() {
  static const std::vector<ProductFiles> kProducts = {
      {ProxyProduct::kTmg,
       TmgView,
       {{"proxy/tmg-publish.ps1.mustache", "tmg-publish.ps1"},
        {"proxy/tmg-checklist.md.mustache", "tmg-checklist.md"}}},
      {ProxyProduct::kArr,
       ArrView,
       {{"proxy/arr-applicationHost.xml.mustache", "arr-applicationHost.xml"},
        {"proxy/arr-apply.ps1.mustache", "arr-apply.ps1"}}},
      {ProxyProduct::kNginx, NginxView, {{"proxy/nginx.conf.mustache", "nginx.conf"}}},
      {ProxyProduct::kHaproxy, HaproxyView, {{"proxy/haproxy.cfg.mustache", "haproxy.cfg"}}},
  };
  return kProducts;
}

// nginx and HAProxy take backend hosts unquoted on server lines: only name/address characters.
bool BackendsAreSafe(const ProxyListener& proxy, std::span<const ProxyRule> rules,
                     const RenderOptions& options, Diagnostics& diagnostics) {
  bool ok = true;
  for (const ProxyRule& r : rules) {
    std::string address = options.BackendAddress(r.backend_host);
    for (char c : address) {
      bool fine = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '.' || c == ':' || c == '-';
      if (!fine) {
        diagnostics.Error("LT7012", "", {},
                          fmt::format("reverse proxy '{}': backend '{}' cannot be written into a "
                                      "proxy configuration",
                                      proxy.name, CommentText(address)));
        ok = false;
        break;
      }
    }
  }
  return ok;
}

}  // namespace

std::string ProxyFolder(std::string_view proxy_name) {
  std::string out;
  // A leading '.' would make a hidden folder (or ".."): prefix it.
  if (proxy_name.empty() || proxy_name[0] == '.') out += '_';
  for (char c : proxy_name) {
    bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '.' || c == '-' || c == '_';
    out += keep ? c : '_';
  }
  return out;
}

void RenderProxyArtifacts(const ProxyRuleSet& rules, const RenderOptions& options,
                          const TemplateStore& templates, OutputSet& outputs,
                          Diagnostics& diagnostics) {
  outputs.Add("proxy/rules.json", RulesJson(rules).dump(2) + "\n", kGeneratorName, diagnostics);
  for (const ProxyListener& proxy : rules.proxies) {
    std::span<const ProxyRule> own = rules.RulesOf(proxy.name);
    const std::string folder = "proxy/" + ProxyFolder(proxy.name);
    for (const ProductFiles& product : Products()) {
      if (!options.all_products && product.product != proxy.product) continue;
      bool unquoted_backends =
          product.product == ProxyProduct::kNginx || product.product == ProxyProduct::kHaproxy;
      if (unquoted_backends && !BackendsAreSafe(proxy, own, options, diagnostics)) continue;
      nlohmann::json view = product.view(proxy, own, options);
      view["product"] = options.product;
      for (const auto& [name, file] : product.files) {
        std::optional<std::string> text = templates.Render(name, view, diagnostics);
        if (!text) continue;  // Render reported why
        outputs.Add(fmt::format("{}/{}", folder, file), std::move(*text), kGeneratorName,
                    diagnostics);
      }
    }
  }
}

}  // namespace proxy

namespace {

class ProxyGeneratorImpl final : public Generator {
 public:
  std::string_view name() const override { return "proxy"; }
  void AddModels(ModelChoice& needed) const override { needed.proxy = true; }
  std::string_view summary() const override {
    return "reverse-proxy publishing rules: rules.json, TMG, IIS ARR, nginx, HAProxy";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override {
    proxy::RenderOptions render = proxy::ParseRenderOptions(options, context.diagnostics);
    render.product = PowerShellProduct(&plan);
    if (context.artifacts.proxy) {
      proxy::RenderProxyArtifacts(*context.artifacts.proxy, render, context.templates,
                                  context.outputs, context.diagnostics);
      return;
    }
    // Built here only when the caller did not build the artifact set (its diagnostics then
    // come from this run).
    ProxyRuleSet rules = BuildProxyRules(plan, context.diagnostics);
    proxy::RenderProxyArtifacts(rules, render, context.templates, context.outputs,
                                context.diagnostics);
  }
};

}  // namespace

const Generator& ProxyGenerator() {
  static const ProxyGeneratorImpl kGenerator;
  return kGenerator;
}

}  // namespace lynctopo
