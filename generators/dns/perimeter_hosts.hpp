#pragma once

// Name resolution of the hosts in the perimeter network. Reverse proxies and Edge servers are
// not domain members and do not use internal DNS (the external web FQDN must not resolve
// inside, docs/domain-calls.md item 1), so each gets a hosts-file fragment with exactly the
// internal names it connects to:
//   a reverse proxy: every backend host its publishing rules forward to, at the address the
//     proxy should reach it on (the pool's external web VIP, else its internal web address);
//   an Edge server: its next hop pool and that pool's servers, and its own pool's internal
//     names (Edge pool FQDN and members).
// Built from the plan; the consistency check (LT6013) proves it against the proxy rules.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

struct PerimeterEntry {
  std::string name;  // FQDN
  std::vector<std::string> addresses;
  std::string purpose;  // "backend", "next-hop", "next-hop-server", "edge-pool", "edge-server"
};

struct PerimeterHost {
  std::string kind;  // "reverse-proxy" or "edge"
  std::string host;  // proxy name, or the Edge server's FQDN
  std::string file;  // "dns/perimeter/proxy-rp1.hosts", "dns/perimeter/edge-edge01...hosts"
  std::vector<PerimeterEntry> entries;  // sorted by name, one per name
  const PerimeterEntry* Find(std::string_view name) const;
};

// One host per reverse proxy (plan order), then one per Edge server (plan order).
std::vector<PerimeterHost> BuildPerimeterHosts(const Plan& plan);

// The view of templates/dns/perimeter.hosts.mustache: "address name  # purpose" lines, the
// syntax Windows and Linux hosts files share.
nlohmann::json PerimeterHostsView(const PerimeterHost& host);

// LT6013: every proxy rule's backend and every Edge pool's next hop resolves, with at least one
// address, in the perimeter resolution of the host that uses it.
void CheckPerimeterResolution(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
