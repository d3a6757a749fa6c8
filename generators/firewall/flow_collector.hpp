#pragma once

// The building blocks the firewall matrix is assembled from: the two ends of a flow, its port
// range, and the collector that merges identical flows (same ends, ports and protocol) so none
// is listed twice. Shared by the Edge, pool, voice and management flow builders.

#include <deque>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "generators/firewall/firewall_model.hpp"
#include "generators/plan_addresses.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::firewall {

inline constexpr const char* kAny = "any";
inline constexpr const char* kAnyInternal = "any internal client or server";

// One side of a flow: a label and the addresses a rule matches (empty: any).
struct End {
  FirewallZone zone = FirewallZone::kInternal;
  std::string name;
  std::vector<std::string> hosts;
};

inline End AnyOn(FirewallZone zone, const char* label = kAny) {
  return {zone, label, {}};
}

// `fqdn` as DNS answers it in `view` (a VIP, every member, a public address).
End Host(const PlanAddresses& addresses, FirewallZone zone, View view, const std::string& fqdn);

// Each server of `pool`, as the source of its own connections (never the VIP): the servers'
// addresses from the plan. A server the plan knows no address for is named by its FQDN, so
// the rule stays narrow instead of silently matching any source.
End ServersOf(FirewallZone zone, const PlannedPool& pool);

struct Port {
  int first = 0;
  int last = 0;
  const char* protocol = "tcp";
  const char* application = "";
};

class FlowCollector {
 public:
  FlowCollector() = default;
  FlowCollector(const FlowCollector&) = delete;  // index_ compares the flows of this one
  FlowCollector& operator=(const FlowCollector&) = delete;

  void Add(const End& from, const End& to, Port port, std::string purpose, const std::string& pool,
           const std::string& site, const char* reference);
  // Sorted by (firewall, destination, port, port_end, protocol, source, hosts).
  std::vector<FirewallFlow> Finish();

 private:
  struct Extra {
    std::set<std::string> applications, purposes, pools, references;
  };
  // Flows with the same ends, ports and protocol are one: the index orders the flows collected
  // so far by those fields, read in place (a key holding its own copy of both ends' host lists
  // held every address list of the matrix twice while it was built).
  struct SameFlowLess {
    const std::deque<FirewallFlow>* flows;
    bool operator()(size_t a, size_t b) const;
  };
  // `hosts` as the list of lists_ with the same hosts (made when there is none yet).
  HostList Shared(const std::vector<std::string>& hosts);

  std::deque<FirewallFlow> flows_;         // a deque: the index refers to flows by position
  std::set<HostList, std::less<>> lists_;  // each distinct list of hosts once
  std::set<size_t, SameFlowLess> index_{SameFlowLess{&flows_}};
  std::vector<Extra> extras_;
};

}  // namespace lynctopo::firewall
