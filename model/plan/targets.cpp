// Which pool serves sign-in and simple URLs, which Edge is published for federation and XMPP,
// and what a pool's names resolve to (member addresses, VIPs, Edge public addresses).

#include "model/plan/derive.hpp"

namespace lynctopo::plan_detail {

namespace {

bool ServesClients(const PlannedPool& pool) {
  return RunsIis(pool.kind);
}

// A designated pool named by the topology or a site: the index when it exists and runs IIS.
size_t DesignatedPool(DeriveContext& ctx, const std::string& name, const Origin& origin,
                      const std::string& where) {
  if (name.empty()) return kNone;
  std::optional<Fqdn> fqdn = Fqdn::Parse(name);
  size_t index = fqdn ? ctx.FindPoolIndex(fqdn->str()) : kNone;
  if (index != kNone && ServesClients(ctx.plan.pools[index])) return index;
  ctx.diagnostics.Warning(
      "LT2004", ctx.file(), origin.Field("designated_pool"),
      where + " designated pool '" + name +
          "' is not a Standard Edition, Front End or Director pool of the topology; ignored");
  return kNone;
}

std::vector<std::string> MemberAddresses(const PlannedPool& pool) {
  std::vector<std::string> addresses;
  for (const PlannedServer& server : pool.servers) AppendAddresses(addresses, server.addresses);
  DedupeAddresses(addresses);
  return addresses;
}

std::string ServiceAddress(const EdgeServiceAddresses& addresses, EdgeService service) {
  switch (service) {
    case EdgeService::kAccess:
      return addresses.access;
    case EdgeService::kWebConferencing:
      return addresses.web_conferencing;
    case EdgeService::kAudioVideo:
      return addresses.audio_video;
  }
  return {};
}

// With "single FQDN and IP" all three services share one external interface, so the one
// address recorded serves all three (spec call 11); otherwise a missing address stays missing.
std::string EdgeAddress(const EdgeServiceAddresses& addresses, EdgeService service,
                        bool single_interface) {
  std::string address = ServiceAddress(addresses, service);
  if (!address.empty() || !single_interface) return address;
  for (EdgeService other :
       {EdgeService::kAccess, EdgeService::kWebConferencing, EdgeService::kAudioVideo}) {
    address = ServiceAddress(addresses, other);
    if (!address.empty()) return address;
  }
  return {};
}

bool SingleExternalInterface(const EdgeSettings& edge) {
  return !edge.access_fqdn.empty() && edge.access_fqdn == edge.web_conferencing_fqdn &&
         edge.access_fqdn == edge.audio_video_fqdn;
}

}  // namespace

void ChooseTargets(DeriveContext& ctx) {
  const Plan& plan = ctx.plan;
  const Topology& topology = ctx.topology;

  // Organisation: the first Director pool of a central site, else the designated pool, else the
  // first Standard Edition / Front End pool, all in input order.
  for (size_t i = 0; i < plan.pools.size() && ctx.org_target == kNone; ++i) {
    if (plan.pools[i].kind == PoolKind::kDirector &&
        plan.sites[ctx.pool_site[i]].kind == SiteKind::kCentral) {
      ctx.org_target = i;
    }
  }
  if (ctx.org_target == kNone) {
    ctx.org_target =
        DesignatedPool(ctx, topology.designated_pool, topology.origin, "the topology's");
  } else if (!topology.designated_pool.empty()) {
    DesignatedPool(ctx, topology.designated_pool, topology.origin, "the topology's");
  }
  for (size_t i = 0; i < plan.pools.size() && ctx.org_target == kNone; ++i) {
    PoolKind kind = plan.pools[i].kind;
    if (kind == PoolKind::kStandardEdition || kind == PoolKind::kFrontEnd) ctx.org_target = i;
  }
  if (ctx.org_target == kNone) {
    ctx.diagnostics.Error("LT2002", ctx.file(), topology.origin.loc,
                          "no Standard Edition, Front End or Director pool to serve sign-in, "
                          "autodiscover and simple URLs");
  }

  // Sites (for site-scoped simple URLs): the site's Director, else its designated pool, else
  // its first Standard Edition / Front End pool (the URLs exist so the site answers its own
  // users), else the organisation's target.
  ctx.site_targets.assign(plan.sites.size(), kNone);
  std::vector<size_t> site_first_pool(plan.sites.size(), kNone);
  for (size_t i = 0; i < plan.pools.size(); ++i) {
    size_t site = ctx.pool_site[i];
    PoolKind kind = plan.pools[i].kind;
    if (kind == PoolKind::kDirector && ctx.site_targets[site] == kNone) {
      ctx.site_targets[site] = i;
    }
    if ((kind == PoolKind::kStandardEdition || kind == PoolKind::kFrontEnd) &&
        site_first_pool[site] == kNone) {
      site_first_pool[site] = i;
    }
  }
  for (size_t site = 0; site < plan.sites.size(); ++site) {
    const Site& model = *ctx.site_models[site];
    if (ctx.site_targets[site] == kNone) {
      ctx.site_targets[site] =
          DesignatedPool(ctx, model.designated_pool, model.origin, "site '" + model.name + "'");
    } else if (!model.designated_pool.empty()) {
      DesignatedPool(ctx, model.designated_pool, model.origin, "site '" + model.name + "'");
    }
    if (ctx.site_targets[site] == kNone) ctx.site_targets[site] = site_first_pool[site];
    if (ctx.site_targets[site] == kNone) ctx.site_targets[site] = ctx.org_target;
  }

  // An internal pool's A/V Edge must be an Edge pool of the topology (validation normally
  // reports this first; the plan keeps the text but says it leads nowhere).
  for (const PlannedPool& pool : plan.pools) {
    if (pool.edge_pool.empty()) continue;
    size_t edge = ctx.FindPoolIndex(pool.edge_pool);
    if (edge == kNone || plan.pools[edge].kind != PoolKind::kEdge) {
      ctx.diagnostics.Warning("LT2008", ctx.file(), pool.source->origin.Field("edge_pool"),
                              "pool '" + pool.fqdn.str() + "' names edge pool '" + pool.edge_pool +
                                  "', which is not an Edge pool of the topology");
    }
  }

  // Edges: the one flagged for federation (else the first) and the one hosting XMPP.
  size_t first_edge = kNone;
  for (size_t i = 0; i < plan.pools.size(); ++i) {
    const PlannedPool& pool = plan.pools[i];
    if (pool.kind != PoolKind::kEdge) continue;
    if (first_edge == kNone) first_edge = i;
    if (ctx.federation_edge == kNone && pool.source->edge.federation) ctx.federation_edge = i;
    if (ctx.xmpp_edge == kNone && pool.source->edge.xmpp) ctx.xmpp_edge = i;
  }
  if (ctx.federation_edge == kNone) ctx.federation_edge = first_edge;
  if (ctx.xmpp_edge == kNone) ctx.xmpp_edge = ctx.federation_edge;
}

Target PoolTarget(const PlannedPool& pool) {
  Target target;
  const Pool& model = *pool.source;
  if (pool.load_balancing == LoadBalancing::kHardware && !model.vip.empty()) {
    target.kind = TargetKind::kVip;
    target.addresses.push_back(model.vip);
    return target;
  }
  target.addresses = MemberAddresses(pool);
  target.kind = pool.load_balancing == LoadBalancing::kDns || pool.servers.size() > 1
                    ? TargetKind::kPoolMembers
                    : TargetKind::kServerAddress;
  return target;
}

// A multi-server pool whose load balancing Lync files do not record is planned as Lync's
// default, DNS load balancing; its web traffic needs a hardware load balancer VIP that is not
// known, so web names get no address rather than the member addresses (LT1049).
bool WebVipUnknown(const PlannedPool& pool) {
  return pool.load_balancing == LoadBalancing::kUnknown && pool.servers.size() > 1;
}

Target InternalWebTarget(const PlannedPool& pool) {
  const Pool& model = *pool.source;
  if (!model.internal_web_vip.empty()) return Target{TargetKind::kVip, {model.internal_web_vip}};
  if (WebVipUnknown(pool)) return Target{TargetKind::kVip, {}};
  return PoolTarget(pool);
}

Target ExternalWebInsideTarget(const PlannedPool& pool) {
  const Pool& model = *pool.source;
  if (!model.external_web_vip.empty()) return Target{TargetKind::kVip, {model.external_web_vip}};
  return InternalWebTarget(pool);
}

Target EdgeInternalTarget(const PlannedPool& pool) {
  return PoolTarget(pool);
}

Target EdgeServiceTarget(const PlannedPool& pool, EdgeService service) {
  const EdgeSettings& edge = pool.source->edge;
  bool single = SingleExternalInterface(edge);
  Target target;
  target.kind = TargetKind::kEdgePublic;
  if (pool.load_balancing == LoadBalancing::kHardware) {
    std::string vip = EdgeAddress(edge.external_vips, service, single);
    if (!vip.empty()) target.addresses.push_back(vip);
    return target;
  }
  for (const PlannedServer& server : pool.servers) {
    std::string address =
        EdgeAddress(edge.nat ? server.edge_public : server.edge_external, service, single);
    if (!address.empty()) target.addresses.push_back(address);
  }
  DedupeAddresses(target.addresses);
  return target;
}

}  // namespace lynctopo::plan_detail
