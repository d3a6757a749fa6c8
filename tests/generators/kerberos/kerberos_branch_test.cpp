// Kerberos web authentication on a site without IIS (docs/domain-calls.md): the account
// authenticates IIS web services (lync-server-2013-setting-up-kerberos-authentication.md), so a
// branch holding only a Survivable Branch Appliance is warned about and skipped.

#include <catch2/catch.hpp>

#include <deque>

#include "generators/kerberos/kerberos_model.hpp"

using namespace lynctopo;

namespace {

struct Fixture {
  Topology topology;
  std::deque<KerberosAccount> accounts;
  Plan plan;
  Fixture() {
    topology.ad_domain = "contoso.local";
    plan.topology = &topology;
  }
  void Site(const std::string& name, const std::string& account) {
    PlannedSite site;
    site.name = name;
    accounts.push_back({account, "", {}});
    site.kerberos_account = &accounts.back();
    plan.sites.push_back(site);
  }
  void Pool(PoolKind kind, const std::string& site, const std::string& fqdn) {
    PlannedPool pool;
    pool.kind = kind;
    pool.site = site;
    pool.fqdn = *Fqdn::Parse(fqdn);
    pool.internal_web_fqdn = pool.fqdn;
    pool.servers.push_back({pool.fqdn, {"10.0.0.1"}, {}, {}});
    plan.pools.push_back(pool);
  }
};

}  // namespace

TEST_CASE("A branch with only an SBA gets no Kerberos assignment, with a warning", "[kerberos]") {
  Fixture f;
  f.Site("Redmond", "CONTOSO\\kerbauth");
  f.Site("Seattle", "CONTOSO\\kerbauth");
  f.Pool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local");
  f.Pool(PoolKind::kSurvivableBranch, "Seattle", "sba01.contoso.local");
  Diagnostics d;
  KerberosPlan k = BuildKerberosPlan(f.plan, d);
  REQUIRE(k.accounts.size() == 1);
  CHECK(k.accounts[0].sites == std::vector<std::string>{"Redmond"});  // Seattle skipped
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "LT8005");
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].message.find("Seattle") != std::string::npos);
  REQUIRE(k.spns.size() == 1);
  CHECK(k.spns[0].spn == "HTTP/pool01.contoso.local");

  SECTION("a site whose only account user is the branch keeps no account at all") {
    Fixture g;
    g.Site("Seattle", "CONTOSO\\kerbsba");
    g.Pool(PoolKind::kSurvivableBranch, "Seattle", "sba01.contoso.local");
    Diagnostics d2;
    CHECK(BuildKerberosPlan(g.plan, d2).accounts.empty());
  }
}
