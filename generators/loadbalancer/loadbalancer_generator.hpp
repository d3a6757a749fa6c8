#pragma once

#include <nlohmann/json.hpp>

#include "generators/generator.hpp"
#include "generators/loadbalancer/loadbalancer_model.hpp"

namespace lynctopo {

// loadbalancer/: virtual-servers.json (schemas/loadbalancer-plan.schema.json), .csv, .md and
// haproxy.cfg, a runnable HAProxy configuration implementing the TCP virtual servers.
// Option: loadbalancer.cookie_persistence=true (cookie affinity for retained Lync 2010 pools).
const Generator& LoadBalancerGenerator();

nlohmann::json LoadBalancerPlanToJson(const LoadBalancerPlan& plan);
LoadBalancerOptions ParseLoadBalancerOptions(const GeneratorOptions& options,
                                             Diagnostics& diagnostics);

}  // namespace lynctopo
