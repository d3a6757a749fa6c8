#pragma once

// The firewall and ports matrix: every network flow the deployment needs, with source and
// destination zone and hosts, port or range, protocol, direction and purpose. Built once from
// the plan (its endpoints, pools, names and proxies) following Microsoft's Lync Server 2013
// port pages (listed in docs/firewall.md); flows that come out identical are merged, never
// listed twice.

#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Network zones, from least to most trusted.
enum class FirewallZone { kInternet, kPerimeter, kInternal };
// Relative to trust: inbound goes to a more trusted zone, outbound to a less trusted one.
enum class FlowDirection { kInbound, kOutbound, kInternal };

const char* ToString(FirewallZone zone);        // "internet", "perimeter", "internal"
const char* ToString(FlowDirection direction);  // "inbound", "outbound", "internal"

// The hosts one end of a flow matches, as a list several flows share: every flow to or from a
// pool's servers names the same ones, and a copy per flow was most of the matrix's memory
// (half a million names for 10,000 servers, in under four thousand distinct lists). Read as
// the sorted list of strings it stands for.
class HostList {
 public:
  HostList() = default;
  HostList(std::vector<std::string> hosts)  // implicit: a list of hosts is one
      : hosts_(hosts.empty() ? nullptr
                             : std::make_shared<const std::vector<std::string>>(std::move(hosts))) {
  }
  const std::vector<std::string>& items() const { return hosts_ ? *hosts_ : Empty(); }
  operator const std::vector<std::string>&() const { return items(); }
  std::vector<std::string>::const_iterator begin() const { return items().begin(); }
  std::vector<std::string>::const_iterator end() const { return items().end(); }
  bool empty() const { return items().empty(); }
  size_t size() const { return items().size(); }

  friend bool operator==(const HostList& a, const HostList& b) {
    return a.hosts_ == b.hosts_ || a.items() == b.items();
  }
  friend bool operator<(const HostList& a, const HostList& b) { return a.items() < b.items(); }
  // Without making a list of `b` (FlowCollector looks lists up by their hosts).
  friend bool operator<(const HostList& a, const std::vector<std::string>& b) {
    return a.items() < b;
  }
  friend bool operator<(const std::vector<std::string>& a, const HostList& b) {
    return a < b.items();
  }

 private:
  static const std::vector<std::string>& Empty();
  std::shared_ptr<const std::vector<std::string>> hosts_;
};

struct FirewallFlow {
  FirewallZone source_zone = FirewallZone::kInternal;
  std::string source;     // host name, or a description ("any internal client")
  HostList source_hosts;  // pool / server FQDNs or addresses; empty: any
  FirewallZone destination_zone = FirewallZone::kInternal;
  std::string destination;         // host name, or "any"
  HostList destination_addresses;  // what the firewall rule targets; empty: any
  int port = 0;
  int port_end = 0;         // == port for a single port
  std::string protocol;     // "tcp" or "udp"
  std::string application;  // "SIP/TLS", "HTTPS", "STUN/MSTURN", ...
  FlowDirection direction = FlowDirection::kInbound;
  std::string purpose;                  // merged flows: every purpose, "; "-separated
  std::vector<std::string> pools;       // pools the flow serves (sorted, unique)
  std::vector<std::string> references;  // Microsoft documentation pages (file names, sorted)
  std::string site;                     // site of the first pool; empty when organisation-wide

  // Which firewall it crosses: "external" (Internet / perimeter), "internal" (perimeter /
  // internal network) or "none" (inside one zone: host or inter-network filtering only).
  std::string Firewall() const;
};

struct FirewallPlan {
  // Sorted by (firewall, destination, port, port_end, protocol, source, direction); unique.
  std::vector<FirewallFlow> flows;
};

FirewallPlan BuildFirewallPlan(const Plan& plan, Diagnostics& diagnostics);

// Page names of the Microsoft documentation the flows come from (MicrosoftDocs
// OfficeDocs-SkypeForBusiness, Lync/LyncServer/<name>.md).
inline constexpr const char* kInternalPortsPage =
    "lync-server-2013-ports-and-protocols-for-internal-servers";
inline constexpr const char* kEdgePortsPage =
    "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses";
inline constexpr const char* kEdgeHlbPortsPage =
    "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers";
inline constexpr const char* kReverseProxyPortsPage = "lync-server-2013-port-summary-reverse-proxy";
inline constexpr const char* kHlbRequirementsPage =
    "lync-server-2013-hardware-load-balancer-requirements";
inline constexpr const char* kGatewayPage = "lync-server-2013-define-a-gateway-in-topology-builder";
inline constexpr const char* kClsPage =
    "lync-server-2013-overview-of-the-centralized-logging-service";

}  // namespace lynctopo
