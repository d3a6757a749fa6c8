#include "model/plan/plan.hpp"

#include "model/plan/derive.hpp"

namespace lynctopo {

const PlannedPool* Plan::FindPool(std::string_view fqdn) const {
  auto it = pool_index.find(std::string(fqdn));
  if (it != pool_index.end() && it->second < pools.size() && pools[it->second].fqdn.str() == fqdn) {
    return &pools[it->second];
  }
  // Hand-built or edited plans may have a stale or empty index: scan.
  for (const PlannedPool& pool : pools) {
    if (pool.fqdn.str() == fqdn) return &pool;
  }
  return nullptr;
}

// The steps run in this order because each reads what the previous ones built: targets need
// the pool index, simple URLs need targets, names need simple URLs, endpoints need the names.
Plan DerivePlan(const Topology& topology, Diagnostics& diagnostics) {
  Plan plan;
  plan.topology = &topology;
  plan_detail::DeriveContext ctx(topology, diagnostics, plan);
  plan_detail::BuildInventory(ctx);
  plan_detail::ChooseTargets(ctx);
  plan_detail::BuildSimpleUrls(ctx);
  plan_detail::AddPoolNames(ctx);
  plan_detail::AddSimpleUrlNames(ctx);
  plan_detail::AddSipDomainNames(ctx);
  plan_detail::FinishNames(ctx);
  plan_detail::BuildServices(ctx);
  plan_detail::BuildEndpoints(ctx);
  return plan;
}

const char* ToString(View view) {
  return view == View::kInternal ? "internal" : "external";
}

const char* ToString(NameRole role) {
  switch (role) {
    case NameRole::kPool:
      return "pool";
    case NameRole::kServer:
      return "server";
    case NameRole::kInternalWeb:
      return "internal-web";
    case NameRole::kExternalWeb:
      return "external-web";
    case NameRole::kMeet:
      return "meet";
    case NameRole::kDialin:
      return "dialin";
    case NameRole::kAdmin:
      return "admin";
    case NameRole::kLyncDiscover:
      return "lyncdiscover";
    case NameRole::kLyncDiscoverInternal:
      return "lyncdiscoverinternal";
    case NameRole::kUcUpdates:
      return "ucupdates";
    case NameRole::kAccessEdge:
      return "access-edge";
    case NameRole::kWebConferencingEdge:
      return "web-conferencing-edge";
    case NameRole::kAudioVideoEdge:
      return "audio-video-edge";
    case NameRole::kEdgeInternal:
      return "edge-internal";
    case NameRole::kSipDomain:
      return "sip";
    case NameRole::kXmpp:
      return "xmpp";
    case NameRole::kOfficeWebApps:
      return "office-web-apps";
    case NameRole::kReverseProxy:
      return "reverse-proxy";
  }
  return "unknown";
}

const char* ToString(TargetKind target) {
  switch (target) {
    case TargetKind::kServerAddress:
      return "server";
    case TargetKind::kPoolMembers:
      return "pool-members";
    case TargetKind::kVip:
      return "vip";
    case TargetKind::kReverseProxy:
      return "reverse-proxy";
    case TargetKind::kEdgePublic:
      return "edge-public";
    case TargetKind::kAlias:
      return "alias";
  }
  return "unknown";
}

}  // namespace lynctopo
