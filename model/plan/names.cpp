// The names of pools, servers, web services, Edge services, Office Web Apps, reverse proxies
// and simple URL hosts; and the final sort of plan.names.

#include <algorithm>
#include <map>
#include <tuple>

#include "model/plan/derive.hpp"

namespace lynctopo::plan_detail {

namespace {

PlannedName MakeName(const Fqdn& fqdn, NameRole role, View view, const PlannedPool& pool,
                     Target target) {
  PlannedName name;
  name.fqdn = fqdn;
  name.role = role;
  name.view = view;
  name.site = pool.site;
  name.pool = pool.fqdn.str();
  name.target = target.kind;
  name.addresses = std::move(target.addresses);
  return name;
}

void AddServerNames(DeriveContext& ctx, const PlannedPool& pool) {
  for (const PlannedServer& server : pool.servers) {
    if (server.fqdn.empty()) continue;
    PlannedName name = MakeName(server.fqdn, NameRole::kServer, View::kInternal, pool,
                                Target{TargetKind::kServerAddress, server.addresses});
    name.server = server.fqdn.str();
    AddName(ctx, std::move(name));
  }
}

// Inside, a Director's external web name leads to the Director (the single-Director DNS summary
// lists it). A Front End pool's has no internal record by default: the Mobility Service is reached
// from the Internet only (technical requirements for mobility). `dns.external_web_internal:
// hairpin` gives it the publishing reverse proxy's public address instead, so inside clients take
// the Internet path. The reverse proxy reaches the pool through its own perimeter resolution
// (dns/perimeter/*.hosts), never through internal DNS. docs/domain-calls.md.
void AddExternalWebInside(DeriveContext& ctx, const PlannedPool& pool) {
  if (pool.kind == PoolKind::kDirector) {
    AddName(ctx, MakeName(pool.external_web_fqdn, NameRole::kExternalWeb, View::kInternal, pool,
                          ExternalWebInsideTarget(pool)));
    return;
  }
  if (ctx.topology.dns.external_web_internal != "hairpin") return;
  size_t proxy = ctx.PublishingProxyIndex(&pool);
  if (proxy == kNone) return;  // nothing public to hairpin through (LT2005 on the external name)
  PlannedName name =
      MakeName(pool.external_web_fqdn, NameRole::kExternalWeb, View::kInternal, pool,
               Target{TargetKind::kReverseProxy, ctx.plan.proxies[proxy].external_addresses});
  name.proxy = ctx.plan.proxies[proxy].name;
  AddName(ctx, std::move(name));
}

void AddIisPoolNames(DeriveContext& ctx, const PlannedPool& pool) {
  AddName(ctx, MakeName(pool.fqdn, NameRole::kPool, View::kInternal, pool, PoolTarget(pool)));
  AddServerNames(ctx, pool);
  AddName(ctx, MakeName(pool.internal_web_fqdn, NameRole::kInternalWeb, View::kInternal, pool,
                        InternalWebTarget(pool)));
  if (!pool.external_web_fqdn.empty()) {
    AddPublishedName(ctx, pool.external_web_fqdn, NameRole::kExternalWeb, &pool, pool.site, "");
    AddExternalWebInside(ctx, pool);
  }
}

void AddEdgeNames(DeriveContext& ctx, const PlannedPool& pool) {
  AddName(ctx, MakeName(pool.fqdn, NameRole::kEdgeInternal, View::kInternal, pool,
                        EdgeInternalTarget(pool)));
  AddServerNames(ctx, pool);
  const EdgeSettings& edge = pool.source->edge;
  const std::pair<const std::string*, std::pair<NameRole, EdgeService>> services[] = {
      {&edge.access_fqdn, {NameRole::kAccessEdge, EdgeService::kAccess}},
      {&edge.web_conferencing_fqdn,
       {NameRole::kWebConferencingEdge, EdgeService::kWebConferencing}},
      {&edge.audio_video_fqdn, {NameRole::kAudioVideoEdge, EdgeService::kAudioVideo}},
  };
  for (const auto& [text, kind] : services) {
    std::optional<Fqdn> fqdn = Fqdn::Parse(*text);
    if (!fqdn) continue;
    AddName(ctx, MakeName(*fqdn, kind.first, View::kExternal, pool,
                          EdgeServiceTarget(pool, kind.second)));
  }
}

void AddOfficeWebAppsNames(DeriveContext& ctx, const PlannedPool& pool) {
  AddName(ctx,
          MakeName(pool.fqdn, NameRole::kOfficeWebApps, View::kInternal, pool, PoolTarget(pool)));
  AddServerNames(ctx, pool);
  if (!pool.external_web_fqdn.empty()) {
    AddPublishedName(ctx, pool.external_web_fqdn, NameRole::kOfficeWebApps, &pool, pool.site, "");
  }
}

// Inventory pools (Mediation, SBA, SQL, file store, ...) get names only where the topology gives
// addresses: a Lync export often has none for them, and a name nothing resolves would block
// every DNS zone; they stay in plan.pools either way (LT2009).
void AddInventoryNames(DeriveContext& ctx, const PlannedPool& pool) {
  Target target = PoolTarget(pool);
  if (target.addresses.empty()) {
    ctx.unaddressed_inventory.push_back(pool.fqdn.str());
  } else {
    AddName(ctx, MakeName(pool.fqdn, NameRole::kPool, View::kInternal, pool, std::move(target)));
  }
  for (const PlannedServer& server : pool.servers) {
    if (server.fqdn.empty()) continue;
    if (server.addresses.empty()) {
      if (server.fqdn != pool.fqdn) ctx.unaddressed_inventory.push_back(server.fqdn.str());
      continue;
    }
    PlannedName name = MakeName(server.fqdn, NameRole::kServer, View::kInternal, pool,
                                Target{TargetKind::kServerAddress, server.addresses});
    name.server = server.fqdn.str();
    AddName(ctx, std::move(name));
  }
}

void AddProxyNames(DeriveContext& ctx) {
  for (const PlannedProxy& proxy : ctx.plan.proxies) {
    std::optional<Fqdn> fqdn = Fqdn::Parse(proxy.fqdn);
    if (!fqdn) continue;
    PlannedName name;
    name.fqdn = *fqdn;
    name.role = NameRole::kReverseProxy;
    name.view = View::kInternal;
    name.site = proxy.site;
    name.proxy = proxy.name;
    name.target = TargetKind::kServerAddress;
    name.addresses = proxy.internal_addresses;
    AddName(ctx, std::move(name));
  }
}

NameRole SimpleUrlRole(SimpleUrlKind kind) {
  switch (kind) {
    case SimpleUrlKind::kMeet:
      return NameRole::kMeet;
    case SimpleUrlKind::kDialin:
      return NameRole::kDialin;
    case SimpleUrlKind::kAdmin:
      return NameRole::kAdmin;
  }
  return NameRole::kMeet;
}

// "12 names (internal server): a, b, c and 9 more"
std::string Sample(const std::vector<std::string>& names) {
  constexpr size_t kShown = 5;
  std::string text;
  for (size_t i = 0; i < names.size() && i < kShown; ++i) {
    if (i > 0) text += ", ";
    text += names[i];
  }
  if (names.size() > kShown) text += " and " + std::to_string(names.size() - kShown) + " more";
  return text;
}

}  // namespace

void AddName(DeriveContext& ctx, PlannedName name) {
  if (name.fqdn.empty()) return;
  DedupeAddresses(name.addresses);
  name.address_unknown = name.addresses.empty() && name.target != TargetKind::kAlias;
  ctx.plan.names.push_back(std::move(name));
}

void AddPublishedName(DeriveContext& ctx, const Fqdn& fqdn, NameRole role, const PlannedPool* owner,
                      std::string site, std::string sip_domain) {
  PlannedName name;
  name.fqdn = fqdn;
  name.role = role;
  name.view = View::kExternal;
  name.site = std::move(site);
  name.pool = owner != nullptr ? owner->fqdn.str() : "";
  name.sip_domain = std::move(sip_domain);
  name.target = TargetKind::kReverseProxy;
  size_t proxy = ctx.PublishingProxyIndex(owner);
  if (proxy == kNone) {
    // A pool's external web FQDN is part of the topology and goes on the pool's certificate,
    // so it stays a name of the plan, its public address unknown (LT2005) until an overlay
    // names the reverse proxy. The other published names (lyncdiscover, simple URLs, Office
    // Web Apps) exist only through a proxy: left out (LT2001) rather than planned with nothing
    // to answer for them.
    if (role != NameRole::kExternalWeb) {
      ctx.unpublished.push_back(fqdn.str());
      return;
    }
    AddName(ctx, std::move(name));
    return;
  }
  name.proxy = ctx.plan.proxies[proxy].name;
  name.addresses = ctx.plan.proxies[proxy].external_addresses;
  ctx.proxy_hosts[proxy].push_back(fqdn);
  AddName(ctx, std::move(name));
}

void AddPoolNames(DeriveContext& ctx) {
  for (const PlannedPool& pool : ctx.plan.pools) {
    if (RunsIis(pool.kind)) {
      AddIisPoolNames(ctx, pool);
    } else if (pool.kind == PoolKind::kEdge) {
      AddEdgeNames(ctx, pool);
    } else if (pool.kind == PoolKind::kOfficeWebApps) {
      AddOfficeWebAppsNames(ctx, pool);
    } else {
      AddInventoryNames(ctx, pool);
    }
  }
  AddProxyNames(ctx);
}

void AddSimpleUrlNames(DeriveContext& ctx) {
  for (const PlannedSimpleUrl& url : ctx.plan.simple_urls) {
    const PlannedPool* pool = ctx.Pool(ctx.FindPoolIndex(url.target_pool));
    if (pool == nullptr) continue;  // no serving pool: LT2002 already reported
    NameRole role = SimpleUrlRole(url.kind);
    std::string sip_domain =
        url.kind == SimpleUrlKind::kMeet && url.domain != "*" ? url.domain : "";
    PlannedName name = MakeName(url.host, role, View::kInternal, *pool, InternalWebTarget(*pool));
    name.site = url.site;
    name.sip_domain = sip_domain;
    AddName(ctx, std::move(name));
    // Admin is internal only (spec call 3).
    if (url.kind != SimpleUrlKind::kAdmin) {
      AddPublishedName(ctx, url.host, role, pool, url.site, sip_domain);
    }
  }
}

void FinishNames(DeriveContext& ctx) {
  std::vector<PlannedName>& names = ctx.plan.names;
  auto key = [](const PlannedName& n) { return std::tie(n.view, n.fqdn, n.role); };
  std::stable_sort(names.begin(), names.end(),
                   [&](const PlannedName& a, const PlannedName& b) { return key(a) < key(b); });
  // One (fqdn, role, view) is one name: the first derived wins (Option 3 simple URLs share a
  // host between SIP domains).
  names.erase(
      std::unique(names.begin(), names.end(),
                  [&](const PlannedName& a, const PlannedName& b) { return key(a) == key(b); }),
      names.end());

  for (size_t i = 0; i < ctx.plan.proxies.size(); ++i) {
    std::vector<Fqdn>& hosts = ctx.proxy_hosts[i];
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    ctx.plan.proxies[i].public_hosts = std::move(hosts);
  }

  if (!ctx.unpublished.empty()) {
    std::sort(ctx.unpublished.begin(), ctx.unpublished.end());
    ctx.unpublished.erase(std::unique(ctx.unpublished.begin(), ctx.unpublished.end()),
                          ctx.unpublished.end());
    ctx.diagnostics.Warning(
        "LT2001", ctx.file(), ctx.topology.origin.loc,
        "the topology has no reverse proxy to publish " + std::to_string(ctx.unpublished.size()) +
            " external name(s); they are left out of the plan: " + Sample(ctx.unpublished));
  }

  if (!ctx.unaddressed_inventory.empty()) {
    std::sort(ctx.unaddressed_inventory.begin(), ctx.unaddressed_inventory.end());
    ctx.diagnostics.Note("LT2009", ctx.file(), ctx.topology.origin.loc,
                         std::to_string(ctx.unaddressed_inventory.size()) +
                             " inventory pool/server name(s) have no address and get no DNS "
                             "name in the plan (they stay in the inventory): " +
                             Sample(ctx.unaddressed_inventory));
  }

  // Names without any address, one finding per view and role (an import without addresses
  // would otherwise produce one line per server).
  std::map<std::pair<View, NameRole>, std::vector<std::string>> empty;
  for (const PlannedName& name : names) {
    // A VIP name without its VIP is a pool whose load balancing is unknown; validation already
    // said so once for the pool (LT1049), naming the overlay fields.
    if (name.address_unknown && name.target != TargetKind::kVip) {
      empty[{name.view, name.role}].push_back(name.fqdn.str());
    }
  }
  for (const auto& [what, fqdns] : empty) {
    ctx.diagnostics.Warning("LT2005", ctx.file(), ctx.topology.origin.loc,
                            std::to_string(fqdns.size()) + " " + ToString(what.first) + " " +
                                ToString(what.second) +
                                " name(s) have no address: " + Sample(fqdns));
  }
}

}  // namespace lynctopo::plan_detail
