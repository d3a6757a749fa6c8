#pragma once

// Internal to the plan derivation (model/plan/*.cpp): the shared state of one DerivePlan run and
// the steps it is made of. Nothing outside model/plan/*.cpp includes this.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/plan/plan.hpp"

namespace lynctopo::plan_detail {

inline constexpr size_t kNone = static_cast<size_t>(-1);

// What a name resolves to in one view, and why.
struct Target {
  TargetKind kind = TargetKind::kServerAddress;
  std::vector<std::string> addresses;
};

struct DeriveContext {
  DeriveContext(const Topology& t, Diagnostics& d, Plan& p)
      : topology(t), diagnostics(d), plan(p) {}

  const Topology& topology;
  Diagnostics& diagnostics;
  Plan& plan;

  // Indexes built once so no step scans the pools, sites or proxies per name.
  std::unordered_map<std::string, size_t> pool_index;   // pool FQDN -> plan.pools
  std::unordered_map<std::string, size_t> site_index;   // site name -> plan.sites
  std::unordered_map<std::string, size_t> proxy_index;  // proxy name -> plan.proxies
  std::vector<const Site*> site_models;                 // parallel to plan.sites
  std::vector<size_t> pool_site;                        // plan.pools -> plan.sites
  std::vector<size_t> site_first_proxy;                 // plan.sites -> plan.proxies or kNone
  size_t first_proxy = kNone;                           // first proxy of the deployment

  // Serving pools ("sign-in / simple URL target"), indexes into plan.pools or kNone.
  size_t org_target = kNone;
  std::vector<size_t> site_targets;  // plan.sites -> plan.pools
  size_t federation_edge = kNone;
  size_t xmpp_edge = kNone;

  // Publishing bookkeeping, filled while names are added.
  std::vector<std::vector<Fqdn>> proxy_hosts;      // plan.proxies -> public hosts (unsorted)
  std::vector<std::string> unpublished;            // external names no proxy could publish
  std::vector<std::string> unaddressed_inventory;  // inventory names left out (no address)

  const PlannedPool* Pool(size_t index) const {
    return index == kNone ? nullptr : &plan.pools[index];
  }
  size_t FindPoolIndex(std::string_view fqdn) const;
  // The reverse proxy that publishes names owned by `pool` (kNone when the deployment has none).
  size_t PublishingProxyIndex(const PlannedPool* pool) const;
  const std::string& file() const { return topology.source_file; }
};

// pools.cpp: sites, pools (with servers and web FQDNs), proxies and their indexes.
void BuildInventory(DeriveContext& ctx);
// targets.cpp: serving pools for sign-in and simple URLs, federation / XMPP Edge.
void ChooseTargets(DeriveContext& ctx);
Target PoolTarget(const PlannedPool& pool);
Target InternalWebTarget(const PlannedPool& pool);
Target ExternalWebInsideTarget(const PlannedPool& pool);
Target EdgeInternalTarget(const PlannedPool& pool);
Target EdgeServiceTarget(const PlannedPool& pool, EdgeService service);
// simple_urls.cpp: active simple URLs with parsed host and path.
void BuildSimpleUrls(DeriveContext& ctx);
bool SplitSimpleUrl(std::string_view url, std::string* host, std::string* path);
// names.cpp: every PlannedName; names_domains.cpp: the per-SIP-domain fan-out.
void AddPoolNames(DeriveContext& ctx);
void AddSimpleUrlNames(DeriveContext& ctx);
void AddSipDomainNames(DeriveContext& ctx);
// The domains XMPP federation covers: federation.xmpp_domains, by default every SIP domain.
std::vector<Fqdn> PlanXmppDomains(const DeriveContext& ctx);
void AddName(DeriveContext& ctx, PlannedName name);
// Adds an external name published by the reverse proxy of `owner` (the pool it leads to).
void AddPublishedName(DeriveContext& ctx, const Fqdn& fqdn, NameRole role, const PlannedPool* owner,
                      std::string site, std::string sip_domain);
// Sorts and de-duplicates names, fills proxy public hosts, reports names without addresses.
void FinishNames(DeriveContext& ctx);
// services.cpp
void BuildServices(DeriveContext& ctx);
// endpoints.cpp
void BuildEndpoints(DeriveContext& ctx);

// Appends the non-empty addresses of `from` to `to`.
void AppendAddresses(std::vector<std::string>& to, const std::vector<std::string>& from);
// Drops repeated addresses, keeping the first of each (order kept; linear).
void DedupeAddresses(std::vector<std::string>& addresses);

}  // namespace lynctopo::plan_detail
