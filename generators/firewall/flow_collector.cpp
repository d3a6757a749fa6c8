#include "generators/firewall/flow_collector.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <tuple>

namespace lynctopo::firewall {

namespace {

int FirewallRank(const std::string& firewall) {
  return firewall == "external" ? 0 : firewall == "internal" ? 1 : 2;
}

FlowDirection DirectionOf(FirewallZone from, FirewallZone to) {
  if (from == to) return FlowDirection::kInternal;
  return static_cast<int>(to) > static_cast<int>(from) ? FlowDirection::kInbound
                                                       : FlowDirection::kOutbound;
}

std::string Join(const std::set<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += "; ";
    out += part;
  }
  return out;
}

}  // namespace

End Host(const PlanAddresses& addresses, FirewallZone zone, View view, const std::string& fqdn) {
  return {zone, fqdn, addresses.Of(view, fqdn)};
}

End ServersOf(FirewallZone zone, const PlannedPool& pool) {
  End end{zone, pool.fqdn.str(), {}};
  for (const PlannedServer& server : pool.servers) {
    if (server.addresses.empty()) {
      end.hosts.push_back(server.fqdn.str());
    } else {
      end.hosts.insert(end.hosts.end(), server.addresses.begin(), server.addresses.end());
    }
  }
  std::sort(end.hosts.begin(), end.hosts.end());
  end.hosts.erase(std::unique(end.hosts.begin(), end.hosts.end()), end.hosts.end());
  return end;
}

bool FlowCollector::SameFlowLess::operator()(size_t a, size_t b) const {
  auto key = [](const FirewallFlow& f) {
    return std::tie(f.source_zone, f.source, f.source_hosts, f.destination_zone, f.destination,
                    f.destination_addresses, f.port, f.port_end, f.protocol);
  };
  return key((*flows)[a]) < key((*flows)[b]);
}

HostList FlowCollector::Shared(const std::vector<std::string>& hosts) {
  auto found = lists_.find(hosts);
  if (found == lists_.end()) found = lists_.insert(HostList(hosts)).first;
  return *found;
}

void FlowCollector::Add(const End& from, const End& to, Port port, std::string purpose,
                        const std::string& pool, const std::string& site, const char* reference) {
  if (port.first <= 0) return;
  if (port.last < port.first) port.last = port.first;
  // Collected as a new flow, and taken back when the index already has the same one.
  FirewallFlow& flow = flows_.emplace_back();
  flow.source_zone = from.zone;
  flow.source = from.name;
  flow.source_hosts = Shared(from.hosts);
  flow.destination_zone = to.zone;
  flow.destination = to.name;
  flow.destination_addresses = Shared(to.hosts);
  flow.port = port.first;
  flow.port_end = port.last;
  flow.protocol = port.protocol;
  flow.direction = DirectionOf(from.zone, to.zone);
  flow.site = site;
  auto [it, fresh] = index_.insert(flows_.size() - 1);
  if (fresh) {
    extras_.emplace_back();
  } else {
    flows_.pop_back();
  }
  Extra& extra = extras_[*it];
  extra.applications.insert(port.application);
  extra.purposes.insert(std::move(purpose));
  if (!pool.empty()) extra.pools.insert(pool);
  extra.references.insert(reference);
}

std::vector<FirewallFlow> FlowCollector::Finish() {
  for (size_t i = 0; i < flows_.size(); ++i) {
    FirewallFlow& flow = flows_[i];
    flow.application = Join(extras_[i].applications);
    flow.purpose = Join(extras_[i].purposes);
    flow.pools.assign(extras_[i].pools.begin(), extras_[i].pools.end());
    flow.references.assign(extras_[i].references.begin(), extras_[i].references.end());
  }
  auto key = [](const FirewallFlow& f) {
    return std::make_tuple(FirewallRank(f.Firewall()), std::cref(f.destination), f.port, f.port_end,
                           std::cref(f.protocol), std::cref(f.source), std::cref(f.source_hosts),
                           std::cref(f.destination_addresses));
  };
  std::vector<FirewallFlow> flows(std::make_move_iterator(flows_.begin()),
                                  std::make_move_iterator(flows_.end()));
  index_.clear();
  flows_.clear();
  lists_.clear();  // the flows hold the lists they name
  std::sort(flows.begin(), flows.end(),
            [&](const FirewallFlow& a, const FirewallFlow& b) { return key(a) < key(b); });
  return flows;
}

}  // namespace lynctopo::firewall
