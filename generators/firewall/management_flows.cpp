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

// The Management Shell (CLS cmdlets) and ClsController.exe run on the internal Lync servers;
// an Edge server cannot reach the others through the internal firewall.
End ClsControllers(const Plan& plan) {
  End end{FirewallZone::kInternal,
          "Centralized Logging Service controller (internal Lync servers)",
          {}};
  for (const PlannedPool& pool : plan.pools) {
    if (!RunsLyncServer(pool.kind) || pool.kind == PoolKind::kEdge) continue;
    End servers = ServersOf(FirewallZone::kInternal, pool);
    end.hosts.insert(end.hosts.end(), servers.hosts.begin(), servers.hosts.end());
  }
  std::sort(end.hosts.begin(), end.hosts.end());
  end.hosts.erase(std::unique(end.hosts.begin(), end.hosts.end()), end.hosts.end());
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
  End controllers = ClsControllers(plan);
  const PlannedPool* store = CentralManagementPool(plan);
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
