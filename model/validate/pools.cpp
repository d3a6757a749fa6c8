// Pools and servers: host names and addresses, and the per-kind rules of spec §F
// (F4 Standard Edition, F7 DNS load balancing, F12 pool size, F13/F23 load balancing).

#include <string>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

constexpr size_t kMaxFrontEnds = 12;

void CheckNamesAndAddresses(Context& ctx, const Site& site, const Pool& pool) {
  bool inventory = IsInventory(pool);
  if (pool.fqdn.empty()) {
    ctx.Report("LT1006", pool.origin, "fqdn",
               fmt::format("a {} pool in site '{}' has no FQDN", ToString(pool.kind), site.name));
  } else {
    CheckHostName(ctx, pool.fqdn, pool.origin, "fqdn", "pool FQDN", inventory);
  }
  if (!pool.internal_web_fqdn.empty()) {
    CheckHostName(ctx, pool.internal_web_fqdn, pool.origin, "internal_web_fqdn",
                  "internal web FQDN", inventory);
  }
  if (!pool.external_web_fqdn.empty()) {
    CheckHostName(ctx, pool.external_web_fqdn, pool.origin, "external_web_fqdn",
                  "external web FQDN", inventory);
  }
  CheckAddress(ctx, pool.vip, pool.origin, "vip", "vip of " + DescribePool(pool));
  CheckAddress(ctx, pool.internal_web_vip, pool.origin, "internal_web_vip",
               "internal web vip of " + DescribePool(pool));
  CheckAddress(ctx, pool.external_web_vip, pool.origin, "external_web_vip",
               "external web vip of " + DescribePool(pool));

  if (pool.servers.empty() && IsCorePool(pool.kind)) {
    ctx.Report("LT1048", pool.origin, "servers",
               fmt::format("{} has no servers", DescribePool(pool)));
  }
  // Imported single-machine inventory pools (a SQL store, a gateway) may name only the pool.
  bool empty_server_allowed = inventory && pool.servers.size() == 1;
  for (const Server& server : pool.servers) {
    if (server.fqdn.empty()) {
      if (!empty_server_allowed) {
        ctx.Report("LT1006", server.origin, "fqdn",
                   fmt::format("a server of {} has no FQDN", DescribePool(pool)));
      }
    } else {
      CheckHostName(ctx, server.fqdn, server.origin, "fqdn", "server FQDN", inventory);
    }
    std::string label =
        fmt::format("address of server '{}'", server.fqdn.empty() ? pool.fqdn : server.fqdn);
    for (const std::string& address : server.addresses) {
      CheckAddress(ctx, address, server.origin, "addresses", label);
    }
  }
}

void CheckStandardEdition(Context& ctx, const Pool& pool) {
  if (pool.servers.size() > 1) {
    ctx.Report("LT1041", pool.origin, "servers",
               fmt::format("{} has {} servers; a standard edition pool has exactly one",
                           DescribePool(pool), pool.servers.size()));
  }
  if (!pool.servers.empty() && !pool.servers.front().fqdn.empty() &&
      ToLower(pool.servers.front().fqdn) != ToLower(pool.fqdn)) {
    ctx.Report("LT1042", pool.servers.front().origin, "fqdn",
               fmt::format("standard-edition pool FQDN '{}' differs from its server FQDN '{}'",
                           pool.fqdn, pool.servers.front().fqdn));
  }
  if (!pool.internal_web_fqdn.empty() && ToLower(pool.internal_web_fqdn) != ToLower(pool.fqdn)) {
    ctx.Report("LT1043", pool.origin, "internal_web_fqdn",
               fmt::format("{} overrides its internal web FQDN with '{}'; standard edition "
                           "cannot",
                           DescribePool(pool), pool.internal_web_fqdn));
  }
  if (pool.load_balancing != LoadBalancing::kNone &&
      pool.load_balancing != LoadBalancing::kUnknown) {
    ctx.Report("LT1044", pool.origin, "load_balancing",
               fmt::format("{} uses {} load balancing; standard edition is never load balanced",
                           DescribePool(pool), ToString(pool.load_balancing)));
  }
}

void CheckLoadBalancing(Context& ctx, const Pool& pool) {
  bool web_pool = pool.kind == PoolKind::kFrontEnd || pool.kind == PoolKind::kDirector;
  bool balanced_kind = web_pool || pool.kind == PoolKind::kEdge;
  if (pool.servers.size() > 1 && pool.load_balancing == LoadBalancing::kNone && balanced_kind) {
    ctx.Report("LT1046", pool.origin, "load_balancing",
               fmt::format("{} has {} servers but no load balancing: clients reach one server "
                           "only and nothing fails over; Lync spreads a pool's traffic by DNS or "
                           "hardware load balancing (set `load_balancing`)",
                           DescribePool(pool), pool.servers.size()));
  }
  if (pool.servers.size() > 1 && pool.load_balancing == LoadBalancing::kUnknown && balanced_kind) {
    ctx.Report("LT1049", pool.origin, "load_balancing",
               fmt::format("{} has {} servers and its load balancing is unknown (Lync files do not "
                           "record it): planned as Lync's default, DNS load balancing with one A "
                           "record per server for the pool FQDN{}; set the pool's "
                           "`load_balancing` (and `vip`, `internal_web_vip`, `external_web_vip` "
                           "for hardware) in an overlay",
                           DescribePool(pool), pool.servers.size(),
                           web_pool ? ", and its web services, which need a hardware load "
                                      "balancer VIP, get no address record"
                                    : ""));
  }
  if (web_pool && pool.load_balancing == LoadBalancing::kDns &&
      (pool.internal_web_fqdn.empty() || ToLower(pool.internal_web_fqdn) == ToLower(pool.fqdn))) {
    ctx.Report("LT1045", pool.origin, "internal_web_fqdn",
               fmt::format("{} uses DNS load balancing but its internal web FQDN is the pool "
                           "FQDN: DNS load balancing cannot balance HTTPS, so internal web "
                           "services need a name of their own behind a hardware load balancer "
                           "(override `internal_web_fqdn`)",
                           DescribePool(pool)));
  }
  if (IsCorePool(pool.kind) && pool.kind != PoolKind::kStandardEdition &&
      pool.load_balancing == LoadBalancing::kHardware && pool.vip.empty()) {
    ctx.Report("LT1047", pool.origin, "vip",
               fmt::format("{} uses hardware load balancing but has no vip", DescribePool(pool)));
  }
}

}  // namespace

void CheckPools(Context& ctx) {
  for (const PoolRef& ref : ctx.pools) {
    const Pool& pool = *ref.pool;
    CheckNamesAndAddresses(ctx, *ref.site, pool);
    if (pool.kind == PoolKind::kStandardEdition) CheckStandardEdition(ctx, pool);
    if (pool.kind == PoolKind::kFrontEnd && pool.servers.size() > kMaxFrontEnds) {
      ctx.Report("LT1040", pool.origin, "servers",
                 fmt::format("{} has {} servers; a front-end pool holds at most {}",
                             DescribePool(pool), pool.servers.size(), kMaxFrontEnds));
    }
    CheckLoadBalancing(ctx, pool);
  }
}

}  // namespace lynctopo::validation
