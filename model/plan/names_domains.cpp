// The per-SIP-domain fan-out: lyncdiscoverinternal, lyncdiscover, sip (inside and out) and xmpp.

#include <optional>
#include <unordered_set>

#include "model/plan/derive.hpp"
#include "model/plan/internal_zones.hpp"

namespace lynctopo::plan_detail {

namespace {

std::optional<Fqdn> Prefixed(std::string_view prefix, const Fqdn& domain) {
  return Fqdn::Parse(std::string(prefix) + "." + domain.str());
}

PlannedName DomainName(const Fqdn& fqdn, NameRole role, View view, const PlannedPool& pool,
                       const Fqdn& domain, const Target& target) {
  PlannedName name;
  name.fqdn = fqdn;
  name.role = role;
  name.view = view;
  name.pool = pool.fqdn.str();
  name.sip_domain = domain.str();
  name.target = target.kind;
  name.addresses = target.addresses;
  return name;
}

// XMPP federation covers the configured XMPP domains, by default every SIP domain.
std::vector<Fqdn> XmppDomains(const DeriveContext& ctx) {
  const std::vector<std::string>& configured = ctx.topology.federation.xmpp_domains;
  if (configured.empty()) return ctx.plan.sip_domains;
  std::vector<Fqdn> domains;
  std::unordered_set<std::string> seen;
  for (const std::string& text : configured) {
    std::optional<Fqdn> domain = Fqdn::Parse(text);
    if (domain && seen.insert(domain->str()).second) domains.push_back(*domain);
  }
  return domains;
}

}  // namespace

namespace {

// The pool UC devices reach through ucupdates-r2.<SIP domain> before anyone has signed in:
// the Device Update Web service runs on Front End pools and Standard Edition servers, so the
// sign-in target when it is one, else the first of them (a Director hosts no updates).
const PlannedPool* DeviceUpdatePool(const DeriveContext& ctx) {
  const PlannedPool* target = ctx.Pool(ctx.org_target);
  auto hosts_updates = [](const PlannedPool& pool) {
    return pool.kind == PoolKind::kFrontEnd || pool.kind == PoolKind::kStandardEdition;
  };
  if (target != nullptr && hosts_updates(*target)) return target;
  for (const PlannedPool& pool : ctx.plan.pools) {
    if (hosts_updates(pool)) return &pool;
  }
  return nullptr;
}

void AddDeviceUpdateNames(DeriveContext& ctx) {
  const PlannedPool* pool = DeviceUpdatePool(ctx);
  if (pool == nullptr) return;
  // The service is a web service: its address is the pool's internal web one (the web VIP
  // behind a hardware load balancer). DNS requirements for Front End pools, Lync Server 2013.
  Target web = InternalWebTarget(*pool);
  for (const Fqdn& domain : ctx.plan.sip_domains) {
    if (auto fqdn = Prefixed("ucupdates-r2", domain)) {
      AddName(ctx, DomainName(*fqdn, NameRole::kUcUpdates, View::kInternal, *pool, domain, web));
    }
  }
}

}  // namespace

void AddSipDomainNames(DeriveContext& ctx) {
  AddDeviceUpdateNames(ctx);
  const PlannedPool* target = ctx.Pool(ctx.org_target);
  const PlannedPool* edge = ctx.Pool(ctx.federation_edge);
  if (target != nullptr) {
    // Computed once: the same answer for every SIP domain.
    Target web = InternalWebTarget(*target);
    Target sign_in = PoolTarget(*target);
    const bool cname = ctx.topology.dns.lyncdiscover_records == "cname";
    // A pin-point zone holds its name at the apex, next to SOA and NS: no CNAME can live there.
    // A CNAME only within the SIP domain: mobile clients fail over one into another domain.
    auto alias = [&](PlannedName& name, const Fqdn& to, const Fqdn& domain) {
      if (!cname || to.empty() || !to.IsWithin(domain.str())) return;
      if (name.view == View::kInternal && IsPinpointDomain(ctx.topology, domain.str())) return;
      name.target = TargetKind::kAlias;
      name.alias_of = to.str();
      name.addresses.clear();
    };
    for (const Fqdn& domain : ctx.plan.sip_domains) {
      if (auto fqdn = Prefixed("lyncdiscoverinternal", domain)) {
        PlannedName name = DomainName(*fqdn, NameRole::kLyncDiscoverInternal, View::kInternal,
                                      *target, domain, web);
        alias(name, target->internal_web_fqdn, domain);
        AddName(ctx, std::move(name));
      }
      if (auto fqdn = Prefixed("lyncdiscover", domain)) {
        size_t before = ctx.plan.names.size();
        AddPublishedName(ctx, *fqdn, NameRole::kLyncDiscover, target, "", domain.str());
        // Published by the proxy that publishes the pool's external web FQDN, which answers
        // for both, so the CNAME leads to the same address.
        if (ctx.plan.names.size() > before)
          alias(ctx.plan.names.back(), target->external_web_fqdn, domain);
      }
      if (auto fqdn = Prefixed("sip", domain)) {
        AddName(ctx,
                DomainName(*fqdn, NameRole::kSipDomain, View::kInternal, *target, domain, sign_in));
      }
    }
  }

  if (edge != nullptr) {
    Target access = EdgeServiceTarget(*edge, EdgeService::kAccess);
    for (const Fqdn& domain : ctx.plan.sip_domains) {
      if (auto fqdn = Prefixed("sip", domain)) {
        AddName(ctx,
                DomainName(*fqdn, NameRole::kSipDomain, View::kExternal, *edge, domain, access));
      }
    }
  } else if (!ctx.plan.sip_domains.empty()) {
    ctx.diagnostics.Note("LT2003", ctx.file(), ctx.topology.origin.loc,
                         "the topology has no Edge pool: external sip.<domain> names and the "
                         "_sip._tls / _sipfederationtls SRV records are not planned (no remote "
                         "access or federation)");
  }

  if (!ctx.topology.federation.xmpp) return;
  const PlannedPool* xmpp_edge = ctx.Pool(ctx.xmpp_edge);
  if (xmpp_edge == nullptr) {
    ctx.diagnostics.Warning("LT2006", ctx.file(), ctx.topology.federation.origin.loc,
                            "XMPP federation is enabled but the topology has no Edge pool to "
                            "host it; no xmpp.<domain> names are planned");
    return;
  }
  Target access = EdgeServiceTarget(*xmpp_edge, EdgeService::kAccess);
  for (const Fqdn& domain : XmppDomains(ctx)) {
    if (auto fqdn = Prefixed("xmpp", domain)) {
      AddName(ctx, DomainName(*fqdn, NameRole::kXmpp, View::kExternal, *xmpp_edge, domain, access));
    }
  }
}

std::vector<Fqdn> PlanXmppDomains(const DeriveContext& ctx) {
  return XmppDomains(ctx);
}

}  // namespace lynctopo::plan_detail
