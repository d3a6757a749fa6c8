#include <catch2/catch.hpp>

#include <set>

#include "generators/proxy/proxy_checks.hpp"
#include "tests/generators/proxy/plan_builder.hpp"

using namespace lynctopo;
using lynctopo::testing::ProxyPlanBuilder;

TEST_CASE("Proxy consistency: published, resolvable, Admin never published", "[proxy][check]") {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kNginx)
      .Publish(NameRole::kExternalWeb, "webext.contoso.com", "rp1", "pool01.contoso.local",
               "webext.contoso.com");
  PlannedPool fe;
  fe.fqdn = *Fqdn::Parse("pool01.contoso.local");
  fe.kind = PoolKind::kFrontEnd;
  fe.external_web_fqdn = *Fqdn::Parse("webext.contoso.com");
  b.plan().pools.push_back(fe);
  const Plan& good = b.Build();
  Diagnostics d;
  ProxyRuleSet rules = BuildProxyRules(good, d);
  CHECK(CheckProxyConsistency(good, rules, d) == 0);
  CHECK(d.empty());

  // A second FE pool whose external web FQDN nobody publishes.
  PlannedPool fe2 = fe;
  fe2.fqdn = *Fqdn::Parse("pool02.contoso.local");
  fe2.external_web_fqdn = *Fqdn::Parse("webext2.contoso.com");
  b.plan().pools.push_back(fe2);
  // The external name no longer points at the proxy.
  for (PlannedName& n : b.plan().names) n.proxy = "rp-other";
  // An Admin host sneaks into the rules.
  b.InternalName(NameRole::kAdmin, "webext.contoso.com", "pool01.contoso.local");
  const Plan& bad = b.Build();
  Diagnostics d2;
  // LT7022 once per rule (443 and 80), LT7021 once; LT7020 reads the DNS model (see the
  // mutation table in tests/generators/check/).
  CHECK(CheckProxyConsistency(bad, rules, d2) == 3);
  std::set<std::string> codes;
  for (const Diagnostic& x : d2.items()) codes.insert(x.code);
  CHECK(codes == std::set<std::string>{"LT7021", "LT7022"});
}
