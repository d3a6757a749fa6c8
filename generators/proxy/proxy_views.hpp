#pragma once

// The template views of the proxy generator (documented in docs/templates.md, "## proxy"):
// one JSON object per (proxy, product), every embedded value already quoted for its target.

#include <span>

#include <nlohmann/json.hpp>

#include "generators/proxy/proxy_model.hpp"
#include "generators/proxy/proxy_options.hpp"

namespace lynctopo::proxy {

// proxy/rules.json: {"format_version":1,"rules":[{"proxy","public_host","listen_port",
// "backend_host","backend_port","path","purpose","pool"}]}
nlohmann::json RulesJson(const ProxyRuleSet& set);

nlohmann::json NginxView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
                         const RenderOptions& options);
nlohmann::json HaproxyView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
                           const RenderOptions& options);
nlohmann::json ArrView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
                       const RenderOptions& options);
nlohmann::json TmgView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
                       const RenderOptions& options);

}  // namespace lynctopo::proxy
