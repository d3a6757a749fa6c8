#pragma once

#include <string>

#include "generators/firewall/firewall_model.hpp"
#include "generators/generator.hpp"
#include "generators/json_dump.hpp"

namespace lynctopo {

// firewall/: rules.json (schemas/firewall-rules.schema.json), rules.csv and rules.md, the
// firewall and ports matrix of the deployment.
const Generator& FirewallGenerator();

// firewall/rules.json, {"format_version":1,"flows":[...]}, as dump(2) prints it and a newline,
// one flow's tree at a time; sent to `sink` a piece at a time, or returned whole.
bool WriteFirewallPlanJson(const FirewallPlan& plan, const JsonTextSink& sink);
std::string FirewallPlanJsonText(const FirewallPlan& plan);

// "5061" or "50000-59999".
std::string PortText(int port, int port_end);

}  // namespace lynctopo
