#pragma once

// Management flows of the firewall matrix: Centralized Logging Service commands to the agent
// on every Lync server, and Central Management store replication to every replica.

#include "generators/firewall/flow_collector.hpp"

namespace lynctopo::firewall {

// The pool taken as holding the Central Management store. The topology does not record it:
// the organisation's first Front End / Standard Edition pool in plan order; null without one.
const PlannedPool* CentralManagementPool(const Plan& plan);

// The purpose text of a replication flow from `store` (states the assumption above).
std::string ReplicationPurpose(const PlannedPool& store);

// CLS controller -> agent (every Lync server, Edge included) and the master replicator ->
// each internal replica over SMB. The Edge's replica (HTTPS) comes with the Edge flows.
void AddManagementFlows(const Plan& plan, FlowCollector& flows);

}  // namespace lynctopo::firewall
