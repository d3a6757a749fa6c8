#include "generators/firewall/management_flows.hpp"

#include <algorithm>

namespace lynctopo::firewall {

namespace {

// The pools whose servers run Lync Server, so run the CLS agent and hold a replica of the
// Central Management store. Office Web Apps, SQL, file stores and gateways do not.
bool RunsLyncServer(PoolKind kind) {
  switch (kind) {
    case PoolKind::kStandardEdition:
    case PoolKind::kFrontEnd:
    case PoolKind::kDirector:
    case PoolKind::kEdge:
    case PoolKind::kMediation:
    case PoolKind::kSurvivableBranch:
    case PoolKind::kPersistentChat:
      return true;
    default:
      return false;
  }
}

// ClsController.exe and the Management Shell's CLS cmdlets may run on any internal Lync server;
// the topology does not say which. Taken as the servers of the pool holding the Central
// Management store, as the replication flows are: listing every server as the source of every
// agent's rule would make the matrix grow with servers x pools (10,000 servers: 10^7 cells).
End ClsControllers(const PlannedPool* store) {
  if (store == nullptr) return End{FirewallZone::kInternal, "", {}};
  End end = ServersOf(FirewallZone::kInternal, *store);
  end.name = "Centralized Logging Service controller (taken to run on " + store->fqdn.str() +
             ", the pool holding the Central Management store)";
  return end;
}

// A single server talking to itself never crosses a network (a Standard Edition server's own
// agent and replica): no rule.
bool OnlyItself(const End& from, const End& to, const PlannedPool& pool) {
  return pool.servers.size() == 1 && from.hosts == to.hosts;
}

}  // namespace

const PlannedPool* CentralManagementPool(const Plan& plan) {
  for (const PlannedPool& pool : plan.pools) {
    if (pool.kind == PoolKind::kFrontEnd || pool.kind == PoolKind::kStandardEdition) return &pool;
  }
  return nullptr;
}

std::string ReplicationPurpose(const PlannedPool& store) {
  return "Central Management store replication from the master replicator on " + store.fqdn.str() +
         " (taken as the pool holding the store: the first Front End / Standard Edition pool "
         "of the topology)";
}

void AddManagementFlows(const Plan& plan, FlowCollector& flows) {
  const PlannedPool* store = CentralManagementPool(plan);
  End controllers = ClsControllers(store);
  for (const PlannedPool& pool : plan.pools) {
    if (!RunsLyncServer(pool.kind)) continue;
    const bool edge = pool.kind == PoolKind::kEdge;
    // Commands go to each server's agent, never through a VIP; the Edge's agent listens on its
    // internal interface.
    End agents = ServersOf(edge ? FirewallZone::kPerimeter : FirewallZone::kInternal, pool);
    if (!controllers.hosts.empty() && !OnlyItself(controllers, agents, pool)) {
      flows.Add(controllers, agents, {50001, 50003, "tcp", "MTLS"},
                "Centralized Logging Service controller commands and log collection (ClsAgent)",
                pool.fqdn.str(), pool.site,
                edge ? (pool.load_balancing == LoadBalancing::kHardware ? kEdgeHlbPortsPage
                                                                        : kEdgePortsPage)
                     : kClsPage);
    }
    End replicator = store ? ServersOf(FirewallZone::kInternal, *store) : End{};
    if (store != nullptr && !edge && !OnlyItself(replicator, agents, pool)) {
      flows.Add(replicator, agents, {445, 445, "tcp", "SMB"},
                ReplicationPurpose(*store) + " to the replica on each server", pool.fqdn.str(),
                pool.site, kInternalPortsPage);
    }
  }
}

}  // namespace lynctopo::firewall
