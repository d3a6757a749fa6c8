// Referential integrity: every pool a field names must exist and be of a kind that can play the
// part (F17: an Edge pool for A/V, a Front End / Standard Edition / Director as next hop).

#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

struct Candidates {
  std::vector<std::string> edge;       // Edge pool FQDNs
  std::vector<std::string> iis;        // Standard Edition, Front End, Director pool FQDNs
  std::vector<std::string> registrar;  // Standard Edition, Front End pool FQDNs
  std::vector<std::string> gateway;    // PSTN gateway FQDNs
};

// Checks that `reference` names a pool accepted by `accepts`. `what` names the part the pool
// plays ("edge pool"), `owner` the object holding the reference, `expected` the accepted kinds.
template <typename Accepts>
const PoolRef* CheckPoolReference(Context& ctx, const std::string& reference, const Origin& origin,
                                  std::string_view field, std::string_view what,
                                  std::string_view owner, std::string_view expected,
                                  Accepts accepts, const std::vector<std::string>& candidates) {
  const PoolRef* target = ctx.FindPool(reference);
  if (!target) {
    ctx.Report("LT1027", origin, field,
               fmt::format("{} '{}' of {} does not exist{}", what, reference, owner,
                           DidYouMean(reference, candidates)));
    return nullptr;
  }
  if (!accepts(target->pool->kind)) {
    ctx.Report("LT1028", origin, field,
               fmt::format("{} '{}' of {} is a {} pool, not {}", what, reference, owner,
                           ToString(target->pool->kind), expected));
    return nullptr;
  }
  return target;
}

bool IsEdge(PoolKind kind) {
  return kind == PoolKind::kEdge;
}

bool IsRegistrar(PoolKind kind) {
  return kind == PoolKind::kStandardEdition || kind == PoolKind::kFrontEnd;
}

bool IsGateway(PoolKind kind) {
  return kind == PoolKind::kPstnGateway;
}

// A Mediation pool routes calls to a registrar pool over its trunks' gateways; an appliance's
// users fall back to a registrar pool of a central site.
void CheckVoiceReferences(Context& ctx, const Pool& pool, const Candidates& candidates) {
  std::string owner = DescribePool(pool);
  if (pool.kind == PoolKind::kMediation) {
    const Origin& origin = KnownOrigin(pool.mediation.origin, pool.origin);
    if (!pool.mediation.next_hop_pool.empty()) {
      CheckPoolReference(ctx, pool.mediation.next_hop_pool, origin, "next_hop_pool",
                         "next hop pool", owner, "a standard-edition or front-end pool",
                         IsRegistrar, candidates.registrar);
    }
    for (const Trunk& trunk : pool.mediation.trunks) {
      CheckPoolReference(ctx, trunk.gateway, KnownOrigin(trunk.origin, origin), "gateway",
                         "trunk gateway", owner, "a pstn-gateway pool", IsGateway,
                         candidates.gateway);
    }
  }
  if (pool.kind == PoolKind::kSurvivableBranch && !pool.branch.backup_registrar_pool.empty()) {
    CheckPoolReference(ctx, pool.branch.backup_registrar_pool,
                       KnownOrigin(pool.branch.origin, pool.origin), "backup_registrar_pool",
                       "backup registrar pool", owner, "a standard-edition or front-end pool",
                       IsRegistrar, candidates.registrar);
  }
}

void CheckDesignatedPools(Context& ctx, const Candidates& candidates) {
  const Topology& t = ctx.topology;
  if (!t.designated_pool.empty()) {
    CheckPoolReference(ctx, t.designated_pool, t.origin, "designated_pool", "designated pool",
                       "the topology", "a standard-edition, front-end or director pool", RunsIis,
                       candidates.iis);
  }
  for (const Site& site : t.sites) {
    if (site.designated_pool.empty()) continue;
    std::string owner = fmt::format("site '{}'", site.name);
    const PoolRef* target = CheckPoolReference(
        ctx, site.designated_pool, site.origin, "designated_pool", "designated pool", owner,
        "a standard-edition, front-end or director pool", RunsIis, candidates.iis);
    if (target && target->site != &site) {
      ctx.Report("LT1030", site.origin, "designated_pool",
                 fmt::format("designated pool '{}' of site '{}' belongs to site '{}'",
                             site.designated_pool, site.name, target->site->name));
    }
  }
}

}  // namespace

void CheckReferences(Context& ctx) {
  Candidates candidates;
  for (const PoolRef& ref : ctx.pools) {
    if (ref.pool->fqdn.empty()) continue;
    if (IsEdge(ref.pool->kind)) candidates.edge.push_back(ref.pool->fqdn);
    if (RunsIis(ref.pool->kind)) candidates.iis.push_back(ref.pool->fqdn);
    if (IsRegistrar(ref.pool->kind)) candidates.registrar.push_back(ref.pool->fqdn);
    if (IsGateway(ref.pool->kind)) candidates.gateway.push_back(ref.pool->fqdn);
  }
  for (const PoolRef& ref : ctx.pools) {
    const Pool& pool = *ref.pool;
    std::string owner = DescribePool(pool);
    if (!pool.edge_pool.empty()) {
      CheckPoolReference(ctx, pool.edge_pool, pool.origin, "edge_pool", "edge pool", owner,
                         "an edge pool", IsEdge, candidates.edge);
    }
    CheckVoiceReferences(ctx, pool, candidates);
    if (pool.kind != PoolKind::kEdge) continue;
    if (pool.edge.next_hop_pool.empty()) {
      ctx.Report("LT1029", EdgeOrigin(pool), "next_hop_pool",
                 fmt::format("{} has no next hop pool", owner));
      continue;
    }
    CheckPoolReference(ctx, pool.edge.next_hop_pool, EdgeOrigin(pool), "next_hop_pool",
                       "next hop pool", owner, "a standard-edition, front-end or director pool",
                       RunsIis, candidates.iis);
  }
  CheckDesignatedPools(ctx, candidates);
}

}  // namespace lynctopo::validation
