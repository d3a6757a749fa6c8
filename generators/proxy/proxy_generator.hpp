#pragma once

#include "generators/generator.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "generators/proxy/proxy_options.hpp"

namespace lynctopo {

// The `proxy` generator: proxy/rules.json and, per reverse proxy, the configuration of its
// product (or of all four with proxy.all_products=true) under proxy/<proxy name>/.
const Generator& ProxyGenerator();

namespace proxy {

// Output folder of a proxy: its name with anything but [A-Za-z0-9._-] replaced by '_'.
std::string ProxyFolder(std::string_view proxy_name);

// Renders every proxy artifact of `rules` into `outputs` (the body of ProxyGenerator).
void RenderProxyArtifacts(const ProxyRuleSet& rules, const RenderOptions& options,
                          const TemplateStore& templates, OutputSet& outputs,
                          Diagnostics& diagnostics);

}  // namespace proxy
}  // namespace lynctopo
