#pragma once

// The derived plan: every name, service record and endpoint the deployment exposes, computed
// once from a validated Topology by DerivePlan(). Every generator reads only this (plus the
// settings the topology carries), so certificates, DNS, proxy rules and SPNs cannot disagree.
//
// All vectors are in a stable, documented order (see DerivePlan) so output is deterministic.

#include <string>
#include <unordered_map>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/fqdn.hpp"
#include "model/topology.hpp"

namespace lynctopo {

enum class View { kInternal, kExternal };

// What a name is for. One FQDN may carry several roles (a Standard Edition server is its own
// pool); each (fqdn, role, view) is one PlannedName.
enum class NameRole {
  kPool,                  // pool (SIP) FQDN of an SE / FE / Director / inventory pool
  kServer,                // a pool member's computer FQDN
  kInternalWeb,           // internal web services FQDN (override, or the pool FQDN)
  kExternalWeb,           // external web services FQDN
  kMeet,                  // Meet simple URL host
  kDialin,                // Dialin simple URL host
  kAdmin,                 // Admin simple URL host (internal only, call 3)
  kLyncDiscover,          // lyncdiscover.<sipdomain> (external only)
  kLyncDiscoverInternal,  // lyncdiscoverinternal.<sipdomain> (internal only)
  kUcUpdates,             // ucupdates-r2.<sipdomain>: Device Update Web service (internal only)
  kAccessEdge,            // Access Edge external FQDN
  kWebConferencingEdge,   // Web Conferencing Edge external FQDN
  kAudioVideoEdge,        // A/V Edge external FQDN
  kEdgeInternal,          // Edge pool internal FQDN
  kSipDomain,             // sip.<sipdomain> (internal: sign-in target; external: Access Edge)
  kXmpp,                  // xmpp.<sipdomain> (call 4)
  kOfficeWebApps,         // Office Web Apps farm FQDN (internal) / external FQDN
  kReverseProxy,          // a reverse proxy's own FQDN
};

// How the addresses of a name were chosen; drives DNS record shape and explanations.
enum class TargetKind {
  kServerAddress,  // the server's own address(es)
  kPoolMembers,    // DNS load balancing: one address per member
  kVip,            // hardware load balancer VIP
  kReverseProxy,   // the reverse proxy's public listener address(es)
  kEdgePublic,     // Edge public (NAT or direct) address(es), one per Edge server under DNS LB
  kAlias,          // resolved through `alias_of` (a CNAME), no addresses of its own
};

struct PlannedName {
  Fqdn fqdn;
  NameRole role = NameRole::kPool;
  View view = View::kInternal;
  std::string site;        // site of the owning pool (empty for organisation-wide names)
  std::string pool;        // FQDN of the pool the name leads to (serving pool)
  std::string server;      // kServer: the server FQDN (same as fqdn)
  std::string sip_domain;  // per-SIP-domain names (Meet, lyncdiscover*, sip., xmpp)
  std::string proxy;       // external web-published names: the publishing reverse proxy
  TargetKind target = TargetKind::kServerAddress;
  std::vector<std::string> addresses;  // what the name resolves to in this view, in order
  std::string alias_of;                // kAlias: the plan name it is a CNAME of
  // No address and no alias: the input does not hold the address (a server written as
  // 0.0.0.0, an unknown load balancer VIP, an Edge public address). Listed as "address
  // unknown" in the plan and DNS records, and left out of zone files; never made up.
  bool address_unknown = false;
};

// A DNS SRV-style service location (_sipinternaltls._tcp, _sip._tls, _sipfederationtls._tcp,
// _xmpp-server._tcp), one per SIP domain and view. The target lies in `domain` (call 12).
struct PlannedService {
  View view = View::kInternal;
  std::string service;  // "_sipinternaltls._tcp"
  std::string domain;   // the SIP domain
  Fqdn target;
  int port = 0;
  int priority = 0;
  int weight = 0;
  std::string pool;     // pool that ultimately answers
  std::string purpose;  // "internal-sign-in", "external-sign-in", "federation", "xmpp"
};

// Something listens at host:port; `published_by` names the reverse proxy that publishes it.
struct PlannedEndpoint {
  std::string host;
  int port = 0;
  int port_end = 0;      // a port range's last port (A/V media 50000-59999); 0: just `port`
  std::string protocol;  // "tcp", "udp", "tls", "https", "http"
  View view = View::kInternal;
  std::string listener;      // pool or server FQDN that listens
  std::string purpose;       // "sip", "web-internal", "web-external", "meet", "access-edge", ...
  std::string published_by;  // reverse proxy name; empty when not published
  std::string backend_host;  // published endpoints: where the proxy forwards
  int backend_port = 0;
};

struct PlannedServer {
  Fqdn fqdn;
  std::vector<std::string> addresses;
  EdgeServiceAddresses edge_external;
  EdgeServiceAddresses edge_public;
};

struct PlannedPool {
  Fqdn fqdn;
  PoolKind kind = PoolKind::kFrontEnd;
  std::string site;
  std::vector<PlannedServer> servers;
  LoadBalancing load_balancing = LoadBalancing::kNone;
  Fqdn internal_web_fqdn;  // always set for IIS pools (override or pool FQDN)
  bool internal_web_overridden = false;
  Fqdn external_web_fqdn;        // empty when not published
  std::string publishing_proxy;  // reverse proxy that publishes external_web_fqdn
  std::string edge_pool;         // internal pools: associated Edge pool FQDN
  const Pool* source = nullptr;  // the model object (settings such as VIPs, Edge ports)
};

struct PlannedProxy {
  std::string name;
  ProxyProduct product = ProxyProduct::kNginx;
  std::string site;
  std::string fqdn;
  std::vector<std::string> external_addresses;
  std::vector<std::string> internal_addresses;
  std::vector<Fqdn> public_hosts;  // every external name it publishes, sorted
};

// Active simple URL with its parsed host, and the pool that serves it (Director if any).
struct PlannedSimpleUrl {
  SimpleUrlKind kind = SimpleUrlKind::kMeet;
  std::string url;
  Fqdn host;
  std::string path;         // "" or "/meet"
  std::string domain;       // SIP domain (Meet) or "*"
  std::string site;         // empty for global scope
  std::string target_pool;  // Director pool if present, else the designated pool
};

struct PlannedSite {
  std::string name;
  SiteKind kind = SiteKind::kCentral;
  std::string parent;
  const KerberosAccount* kerberos_account = nullptr;
  std::vector<std::string> pools;  // pool FQDNs in the site, in input order
};

struct Plan {
  const Topology* topology = nullptr;  // settings (policy, DNS, mobility); outlives the plan
  std::vector<Fqdn> sip_domains;       // default first
  std::vector<PlannedSite> sites;
  std::vector<PlannedPool> pools;  // in input order (site, then pool)
  std::vector<PlannedProxy> proxies;
  std::vector<PlannedSimpleUrl> simple_urls;
  std::vector<PlannedName> names;          // sorted by (view, fqdn, role)
  std::vector<PlannedService> services;    // sorted by (view, domain, service)
  std::vector<PlannedEndpoint> endpoints;  // sorted by (view, host, port, protocol)

  // Pool FQDN -> index in `pools`, filled by DerivePlan so FindPool is O(1). FindPool checks
  // the entry and falls back to a scan, so a hand-built or edited plan still answers right.
  std::unordered_map<std::string, size_t> pool_index;

  const PlannedPool* FindPool(std::string_view fqdn) const;
};

// Derives the plan from a topology that passed validation. Problems that only show up while
// deriving (no reverse proxy to publish an external name, no Edge for federation) are
// reported to `diagnostics`; the plan is still as complete as it can be.
Plan DerivePlan(const Topology& topology, Diagnostics& diagnostics);

const char* ToString(View view);
const char* ToString(NameRole role);
const char* ToString(TargetKind target);

}  // namespace lynctopo
