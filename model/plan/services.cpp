// SRV-style service locations per SIP domain (spec B.4, B.6, calls 4 and 12).

#include <algorithm>
#include <optional>
#include <tuple>

#include "model/plan/derive.hpp"

namespace lynctopo::plan_detail {

namespace {

void AddService(DeriveContext& ctx, View view, const char* service, const Fqdn& domain,
                std::string_view target_prefix, int port, const PlannedPool& pool,
                const char* purpose) {
  std::optional<Fqdn> target = Fqdn::Parse(std::string(target_prefix) + "." + domain.str());
  if (!target) return;
  PlannedService planned;
  planned.view = view;
  planned.service = service;
  planned.domain = domain.str();
  planned.target = *target;  // always inside the SRV's own domain (F26)
  planned.port = port;
  planned.pool = pool.fqdn.str();
  planned.purpose = purpose;
  ctx.plan.services.push_back(std::move(planned));
}

}  // namespace

void BuildServices(DeriveContext& ctx) {
  const PlannedPool* target = ctx.Pool(ctx.org_target);
  const PlannedPool* edge = ctx.Pool(ctx.federation_edge);
  for (const Fqdn& domain : ctx.plan.sip_domains) {
    if (target != nullptr) {
      AddService(ctx, View::kInternal, "_sipinternaltls._tcp", domain, "sip", 5061, *target,
                 "internal-sign-in");
    }
    if (edge != nullptr) {
      AddService(ctx, View::kExternal, "_sip._tls", domain, "sip", edge->source->edge.access_port,
                 *edge, "external-sign-in");
      AddService(ctx, View::kExternal, "_sipfederationtls._tcp", domain, "sip", 5061, *edge,
                 "federation");
    }
  }
  const PlannedPool* xmpp_edge = ctx.Pool(ctx.xmpp_edge);
  if (ctx.topology.federation.xmpp && xmpp_edge != nullptr) {
    for (const Fqdn& domain : PlanXmppDomains(ctx)) {
      AddService(ctx, View::kExternal, "_xmpp-server._tcp", domain, "xmpp", 5269, *xmpp_edge,
                 "xmpp");
    }
  }
  std::stable_sort(ctx.plan.services.begin(), ctx.plan.services.end(),
                   [](const PlannedService& a, const PlannedService& b) {
                     return std::tie(a.view, a.domain, a.service) <
                            std::tie(b.view, b.domain, b.service);
                   });
}

}  // namespace lynctopo::plan_detail
