#pragma once

// The hardware load-balancer plan: for every pool a hardware load balancer serves (pools under
// hardware load balancing, and the web services of DNS-load-balanced Front End and Director
// pools, which still need one), each virtual server with its VIP, ports, protocol,
// persistence, idle timeout, health monitor and members. Follows Microsoft's "Hardware load
// balancer requirements", "Load balancing requirements" and the HLB port tables of the
// Lync Server 2013 port summaries (docs/loadbalancer.md).

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Lync web services keep session state per client; Microsoft's requirements: source-address
// affinity on internal web VIPs, none on the external web VIP, a 1800 s TCP idle timeout.
inline constexpr int kLbIdleTimeoutSeconds = 1800;
// The cookie name the Lync web services expect when cookie affinity is used (Lync 2010 pools).
inline constexpr const char* kLbCookieName = "MS-WSMAN";

struct LbMember {
  std::string server;   // server FQDN
  std::string address;  // the interface the load balancer forwards to
  int port = 0;         // node port
};

struct LbVirtualServer {
  std::string name;  // unique: "<pool>-<service>-<port>-<protocol>"
  std::string pool;  // pool FQDN
  PoolKind pool_kind = PoolKind::kFrontEnd;
  std::string site;
  std::string service;  // "sip", "web-internal", "web-external", "edge-internal",
                        // "edge-access", "edge-web-conferencing", "edge-audio-video", "mediation"
  std::string fqdn;     // the name that resolves to the VIP
  std::string vip;
  int port = 0;
  int node_port = 0;
  std::string protocol;     // "tcp" / "udp"
  std::string persistence;  // "source-address", "cookie" or "none"
  std::string cookie;       // kLbCookieName with cookie persistence, else empty
  int idle_timeout_seconds = kLbIdleTimeoutSeconds;
  std::string monitor_protocol = "tcp";
  int monitor_port = 0;            // node port the health monitor probes
  bool source_nat_allowed = true;  // never for the A/V Edge (STUN/TURN needs real addresses)
  std::vector<LbMember> members;
  std::string reference;  // Microsoft documentation page (file name)
};

struct LoadBalancerPlan {
  std::vector<LbVirtualServer> virtual_servers;  // in plan pool order, then service, port
};

struct LoadBalancerOptions {
  // Cookie affinity on the web VIPs, for deployments that keep Lync Server 2010 pools.
  bool cookie_persistence = false;
};

// Warns (LT9101) when a pool the load balancer must serve has no VIP for a service, and
// (LT9102) when a member server has no address to forward to.
LoadBalancerPlan BuildLoadBalancerPlan(const Plan& plan, const LoadBalancerOptions& options,
                                       Diagnostics& diagnostics);

}  // namespace lynctopo
