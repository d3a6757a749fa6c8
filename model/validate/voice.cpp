// Stand-alone Mediation pools and their trunks, Survivable Branch Appliances, and the Windows
// Server release each server runs (settings the voice and IIS artifacts read).

#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

const Origin& TrunkOrigin(const Trunk& trunk, const Pool& pool) {
  return KnownOrigin(trunk.origin, KnownOrigin(pool.mediation.origin, pool.origin));
}

void CheckTrunks(Context& ctx, const Pool& pool) {
  std::unordered_set<std::string> gateways;
  const std::string owner = DescribePool(pool);
  for (const Trunk& trunk : pool.mediation.trunks) {
    const Origin& origin = TrunkOrigin(trunk, pool);
    for (auto [port, field] : {std::pair{trunk.gateway_port, "gateway_port"},
                               std::pair{trunk.mediation_port, "mediation_port"}}) {
      if (port < 1 || port > 65535) {
        ctx.Report("LT1065", origin, field,
                   fmt::format("trunk to '{}' of {}: {} {} is outside 1-65535", trunk.gateway,
                               owner, field, port));
      }
    }
    if (!trunk.gateway.empty() && !gateways.insert(ToLower(trunk.gateway)).second) {
      ctx.Report("LT1066", origin, "gateway",
                 fmt::format("{} has two trunks to gateway '{}'", owner, trunk.gateway));
    }
  }
}

// Settings that only one pool kind reads: a value on another kind would be silently ignored.
void CheckSettingsKind(Context& ctx, const Pool& pool) {
  const bool mediation_set =
      !pool.mediation.next_hop_pool.empty() || !pool.mediation.trunks.empty();
  if (mediation_set && pool.kind != PoolKind::kMediation) {
    ctx.Report("LT1067", KnownOrigin(pool.mediation.origin, pool.origin), "",
               fmt::format("{} has Mediation settings; only mediation pools use them",
                           DescribePool(pool)));
  }
  if (!pool.branch.backup_registrar_pool.empty() && pool.kind != PoolKind::kSurvivableBranch) {
    ctx.Report("LT1067", KnownOrigin(pool.branch.origin, pool.origin), "",
               fmt::format("{} has branch appliance settings; only survivable-branch pools use "
                           "them",
                           DescribePool(pool)));
  }
}

// Windows Server releases each product's requirements pages list (docs/iis.md): Lync Server
// 2013 runs on 2008 R2, 2012 and 2012 R2; Skype for Business Server 2015 on those, 2016 and
// (from Cumulative Update 9) 2019; Skype for Business Server 2019 on 2016 and 2019.
bool Supports(ProductVersion version, WindowsRelease release) {
  switch (version) {
    case ProductVersion::kLync2013:
      return release == WindowsRelease::k2008R2 || release == WindowsRelease::k2012 ||
             release == WindowsRelease::k2012R2;
    case ProductVersion::kSkype2015:
      return release == WindowsRelease::k2008R2 || release == WindowsRelease::k2012 ||
             release == WindowsRelease::k2012R2 || release == WindowsRelease::k2016 ||
             release == WindowsRelease::k2019;
    case ProductVersion::kSkype2019:
      return release == WindowsRelease::k2016 || release == WindowsRelease::k2019;
  }
  return true;
}

void CheckRelease(Context& ctx, const Origin& origin, WindowsRelease release,
                  const std::string& owner) {
  if (release == WindowsRelease::kDefault || Supports(ctx.topology.version, release)) return;
  ctx.Report("LT1068", origin, "os",
             fmt::format("{} runs {}, which {} does not support", owner, ToString(release),
                         ToString(ctx.topology.version)));
}

}  // namespace

void CheckVoiceAndReleases(Context& ctx) {
  for (const PoolRef& ref : ctx.pools) {
    const Pool& pool = *ref.pool;
    CheckSettingsKind(ctx, pool);
    if (pool.kind == PoolKind::kMediation) CheckTrunks(ctx, pool);
    CheckRelease(ctx, pool.origin, pool.os, DescribePool(pool));
    for (const Server& server : pool.servers) {
      CheckRelease(ctx, KnownOrigin(server.origin, pool.origin), server.os,
                   fmt::format("server '{}'", server.fqdn));
    }
  }
}

}  // namespace lynctopo::validation
