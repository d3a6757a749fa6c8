#include "generators/dns/perimeter_hosts.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "generators/escape.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {
namespace {

// A proxy name made safe for a file name ("RP (DMZ)" -> "rp--dmz-").
std::string FileSafe(std::string_view text) {
  std::string out;
  for (char c : text) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.' ||
              lower == '-' || lower == '_';
    out += ok ? lower : '-';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

class Resolver {
 public:
  explicit Resolver(const Plan& plan) {
    for (const PlannedName& name : plan.names) {
      if (name.view == View::kInternal) internal_[name.fqdn.str()].push_back(&name);
    }
    for (const PlannedPool& pool : plan.pools) {
      if (!pool.external_web_fqdn.empty())
        by_external_web_.emplace(pool.external_web_fqdn.str(), &pool);
    }
  }

  // The internal addresses of `fqdn` (following one alias), empty when unknown.
  std::vector<std::string> Internal(const std::string& fqdn, bool follow_alias = true) const {
    auto found = internal_.find(fqdn);
    if (found == internal_.end()) return {};
    for (const PlannedName* name : found->second) {
      if (!name->addresses.empty()) return name->addresses;
    }
    for (const PlannedName* name : found->second) {
      if (follow_alias && !name->alias_of.empty()) return Internal(name->alias_of, false);
    }
    return {};
  }

  // Where a reverse proxy reaches `backend`: a pool's external web FQDN leads to the pool's
  // external web VIP (the HLB VIP for 4443/8080), else to its internal web address; any other
  // backend (Office Web Apps, an internal web FQDN) to its internal addresses.
  std::vector<std::string> Backend(const std::string& backend) const {
    auto found = by_external_web_.find(backend);
    if (found == by_external_web_.end()) return Internal(backend);
    const PlannedPool& pool = *found->second;
    if (pool.source && !pool.source->external_web_vip.empty()) {
      return {pool.source->external_web_vip};
    }
    return Internal(pool.internal_web_fqdn.str());
  }

 private:
  std::unordered_map<std::string, std::vector<const PlannedName*>> internal_;
  std::unordered_map<std::string, const PlannedPool*> by_external_web_;  // first pool wins
};

void Put(std::map<std::string, PerimeterEntry>& entries, const std::string& name,
         std::vector<std::string> addresses, const char* purpose) {
  if (name.empty() || addresses.empty()) return;
  auto [it, inserted] =
      entries.try_emplace(name, PerimeterEntry{name, std::move(addresses), purpose});
  (void)it;
  (void)inserted;  // first purpose wins: a backend that is also a server stays a backend
}

std::vector<PerimeterEntry> Sorted(std::map<std::string, PerimeterEntry> entries) {
  std::vector<PerimeterEntry> out;
  out.reserve(entries.size());
  for (auto& [name, entry] : entries) out.push_back(std::move(entry));
  return out;
}

void AddPoolAndServers(const Resolver& resolver, const PlannedPool& pool, const char* pool_purpose,
                       const char* server_purpose, std::map<std::string, PerimeterEntry>& out) {
  Put(out, pool.fqdn.str(), resolver.Internal(pool.fqdn.str()), pool_purpose);
  for (const PlannedServer& server : pool.servers) {
    if (server.fqdn.empty()) continue;
    Put(out, server.fqdn.str(), server.addresses, server_purpose);
  }
}

}  // namespace

const PerimeterEntry* PerimeterHost::Find(std::string_view name) const {
  auto it =
      std::lower_bound(entries.begin(), entries.end(), name,
                       [](const PerimeterEntry& e, std::string_view n) { return e.name < n; });
  return it != entries.end() && it->name == name ? &*it : nullptr;
}

std::vector<PerimeterHost> BuildPerimeterHosts(const Plan& plan) {
  Resolver resolver(plan);
  std::vector<PerimeterHost> hosts;
  std::map<std::string, std::map<std::string, PerimeterEntry>> by_proxy;
  for (const PlannedEndpoint& e : plan.endpoints) {
    if (e.published_by.empty() || e.backend_host.empty()) continue;
    Put(by_proxy[e.published_by], e.backend_host, resolver.Backend(e.backend_host), "backend");
  }
  for (const PlannedProxy& proxy : plan.proxies) {
    PerimeterHost host{
        "reverse-proxy", proxy.name, "dns/perimeter/proxy-" + FileSafe(proxy.name) + ".hosts", {}};
    auto found = by_proxy.find(proxy.name);
    if (found != by_proxy.end()) host.entries = Sorted(std::move(found->second));
    hosts.push_back(std::move(host));
  }
  for (const PlannedPool& pool : plan.pools) {
    if (pool.kind != PoolKind::kEdge || !pool.source) continue;
    std::map<std::string, PerimeterEntry> entries;
    if (const PlannedPool* next = plan.FindPool(ToLower(pool.source->edge.next_hop_pool))) {
      AddPoolAndServers(resolver, *next, "next-hop", "next-hop-server", entries);
    }
    AddPoolAndServers(resolver, pool, "edge-pool", "edge-server", entries);
    std::vector<PerimeterEntry> sorted = Sorted(std::move(entries));
    for (const PlannedServer& server : pool.servers) {
      if (server.fqdn.empty()) continue;
      hosts.push_back(PerimeterHost{"edge", server.fqdn.str(),
                                    "dns/perimeter/edge-" + server.fqdn.str() + ".hosts", sorted});
    }
  }
  return hosts;
}

nlohmann::json PerimeterHostsView(const PerimeterHost& host) {
  nlohmann::json lines = nlohmann::json::array();
  size_t width = 1;
  for (const PerimeterEntry& entry : host.entries) {
    for (const std::string& address : entry.addresses) width = std::max(width, address.size());
  }
  for (const PerimeterEntry& entry : host.entries) {
    for (const std::string& address : entry.addresses) {
      lines.push_back({{"address", address},
                       {"pad", std::string(width - address.size() + 1, ' ')},
                       {"name", entry.name},
                       {"purpose", CommentText(entry.purpose)}});
    }
  }
  const bool edge = host.kind == "edge";
  return {
      {"comment", "#"},
      {"generator", "dns"},
      {"what", edge ? "Edge server" : "reverse proxy"},
      {"host", CommentText(host.host)},
      {"edge", edge},
      {"intro",
       edge ? "Its next hop pool and that pool's servers, and its own pool's internal names."
            : "Every backend its publishing rules forward to, at the address it reaches it on."},
      {"entries", std::move(lines)}};
}

void CheckPerimeterResolution(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.plan) return;
  const Plan& plan = *artifacts.plan;
  const std::string file = plan.topology ? plan.topology->source_file : std::string();
  std::vector<PerimeterHost> hosts = BuildPerimeterHosts(plan);
  Resolver resolver(plan);
  std::unordered_map<std::string, const PerimeterHost*> proxy_hosts, edge_hosts;
  for (const PerimeterHost& h : hosts) {
    (h.kind == "edge" ? edge_hosts : proxy_hosts)[h.host] = &h;
  }
  auto resolves = [](const PerimeterHost* host, const std::string& name) {
    const PerimeterEntry* entry = host ? host->Find(name) : nullptr;
    return entry && !entry->addresses.empty();
  };
  if (artifacts.proxy) {
    std::map<std::pair<std::string, std::string>, bool> seen;
    for (const ProxyRule& rule : artifacts.proxy->rules) {
      if (!seen.emplace(std::make_pair(rule.proxy, rule.backend_host), true).second) continue;
      auto found = proxy_hosts.find(rule.proxy);
      if (resolves(found == proxy_hosts.end() ? nullptr : found->second, rule.backend_host)) {
        continue;
      }
      // No address known anywhere (an imported topology without one) is the user's to fill
      // in: a warning. A known address missing from the hosts file is our inconsistency.
      std::string text = fmt::format(
          "reverse proxy '{}' forwards {} to '{}', which its perimeter resolution (hosts file) "
          "cannot resolve",
          rule.proxy, rule.public_host.str(), rule.backend_host);
      if (resolver.Backend(rule.backend_host).empty()) {
        diagnostics.Warning("LT6013", file, {}, text + ": the plan knows no address for it");
      } else {
        diagnostics.Error("LT6013", file, {}, text);
      }
    }
  }
  for (const PlannedPool& pool : plan.pools) {
    if (pool.kind != PoolKind::kEdge || !pool.source) continue;
    const std::string next_hop = ToLower(pool.source->edge.next_hop_pool);
    if (next_hop.empty()) continue;
    for (const PlannedServer& server : pool.servers) {
      if (server.fqdn.empty()) continue;
      auto found = edge_hosts.find(server.fqdn.str());
      if (resolves(found == edge_hosts.end() ? nullptr : found->second, next_hop)) continue;
      std::string text = fmt::format(
          "Edge server '{}' cannot resolve its next hop pool '{}' in its perimeter resolution "
          "(hosts file)",
          server.fqdn.str(), next_hop);
      const SourceLoc& at = pool.source->edge.origin.Field("next_hop_pool");
      if (resolver.Internal(next_hop).empty()) {
        diagnostics.Warning("LT6013", file, at, text + ": the plan knows no address for it");
      } else {
        diagnostics.Error("LT6013", file, at, text);
      }
    }
  }
}

}  // namespace lynctopo
