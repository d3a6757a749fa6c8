#pragma once

// Enterprise Voice flows of the firewall matrix: a stand-alone Mediation pool with its trunks
// and next hop, and a Survivable Branch Appliance with its backup Registrar pool. Only what
// the topology states (docs/firewall.md).

#include "generators/firewall/flow_collector.hpp"

namespace lynctopo::firewall {

void AddMediationFlows(const Plan& plan, const PlanAddresses& addresses,
                       const PlannedPool& mediation, FlowCollector& flows);

void AddBranchApplianceFlows(const Plan& plan, const PlanAddresses& addresses,
                             const PlannedPool& appliance, FlowCollector& flows);

}  // namespace lynctopo::firewall
