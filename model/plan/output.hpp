#pragma once

// Renderings of a derived plan for `lynctopo plan`: JSON for machines (schemas/plan.schema.json),
// text for an architect checking an import at a glance, Markdown tables for documentation.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "model/plan/plan.hpp"

namespace lynctopo {

// {"format_version": 1, "topology", "version", "sip_domains", "pools", "sites", "proxies",
//  "simple_urls", "names", "services", "endpoints"}; arrays in the plan's documented order.
nlohmann::json PlanToJson(const Plan& plan);
// Inventory (every pool with kind, version, site, servers), sites, proxies, simple URLs, then
// names by view, services and endpoints. Columns aligned; LF line ends.
std::string PlanToText(const Plan& plan);
// The same content as Markdown tables.
std::string PlanToMarkdown(const Plan& plan);

}  // namespace lynctopo
