#include <catch2/catch.hpp>

#include <deque>

#include "generators/iis/iis_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"

using namespace lynctopo;

namespace {

// A plan built by hand: the Kerberos and IIS models read only sites and pools.
struct PlanFixture {
  Topology topology;
  std::deque<KerberosAccount> accounts;  // stable addresses for PlannedSite pointers
  Plan plan;

  PlanFixture() {
    topology.ad_domain = "contoso.local";
    plan.topology = &topology;
  }

  void AddSite(const std::string& name, const std::string& account = "",
               const std::string& container = "") {
    PlannedSite site;
    site.name = name;
    if (!account.empty()) {
      accounts.push_back({account, container, {}});
      site.kerberos_account = &accounts.back();
    }
    plan.sites.push_back(site);
    lynctopo::Site model_site;
    model_site.name = name;
    topology.sites.push_back(model_site);
  }

  PlannedPool& AddPool(PoolKind kind, const std::string& site, const std::string& fqdn,
                       std::vector<std::string> servers, const std::string& internal_web = "") {
    PlannedPool pool;
    pool.kind = kind;
    pool.site = site;
    pool.fqdn = *Fqdn::Parse(fqdn);
    pool.internal_web_fqdn = *Fqdn::Parse(internal_web.empty() ? fqdn : internal_web);
    pool.internal_web_overridden = !internal_web.empty();
    for (const auto& s : servers) pool.servers.push_back({*Fqdn::Parse(s), {"10.0.0.1"}, {}, {}});
    plan.pools.push_back(pool);
    return plan.pools.back();
  }
};

std::vector<std::string> Codes(const Diagnostics& d) {
  std::vector<std::string> codes;
  for (const auto& item : d.items()) codes.push_back(item.code);
  return codes;
}

}  // namespace

TEST_CASE("an SPN per IIS pool of an assigned site, registered by Enable-CsTopology",
          "[kerberos]") {
  PlanFixture f;
  f.AddSite("Redmond", "CONTOSO\\kerbauth", "CN=Users,DC=contoso,DC=local");
  f.AddPool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local", {"fe01.contoso.local"});
  f.AddPool(PoolKind::kDirector, "Redmond", "dir01.contoso.local", {"dir01.contoso.local"});
  f.AddPool(PoolKind::kEdge, "Redmond", "edge.contoso.local", {"edge01.contoso.local"});
  Diagnostics d;
  KerberosPlan k = BuildKerberosPlan(f.plan, d);
  CHECK(d.empty());
  REQUIRE(k.accounts.size() == 1);
  CHECK(k.accounts[0].account == "CONTOSO\\kerbauth");
  CHECK(k.accounts[0].distinguished_name == "CN=kerbauth,CN=Users,DC=contoso,DC=local");
  CHECK(k.accounts[0].sites == std::vector<std::string>{"Redmond"});
  REQUIRE(k.spns.size() == 2);  // no SPN for the Edge: it runs no IIS
  CHECK(k.spns[0].spn == "HTTP/dir01.contoso.local");
  CHECK(k.spns[1].spn == "HTTP/pool01.contoso.local");
  CHECK(k.spns[1].registered_by == SpnRegistration::kEnableCsTopology);
  CHECK(k.spns[1].account == "CONTOSO\\kerbauth");
}

TEST_CASE("an overridden internal web FQDN adds a manual setspn SPN", "[kerberos]") {
  PlanFixture f;
  f.AddSite("Redmond", "CONTOSO\\kerbauth");
  f.AddPool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local", {"fe01.contoso.local"},
            "webint.contoso.local");
  Diagnostics d;
  KerberosPlan k = BuildKerberosPlan(f.plan, d);
  REQUIRE(k.spns.size() == 2);
  CHECK(k.spns[0].spn == "HTTP/pool01.contoso.local");
  CHECK(k.spns[1].spn == "HTTP/webint.contoso.local");
  CHECK(k.spns[1].registered_by == SpnRegistration::kSetspn);
  // Default container when none is given: CN=Computers of the AD domain.
  CHECK(k.accounts[0].distinguished_name == "CN=kerbauth,CN=Computers,DC=contoso,DC=local");
}

TEST_CASE("one account shared by two sites holds the union of their SPNs", "[kerberos]") {
  PlanFixture f;
  f.AddSite("Redmond", "CONTOSO\\kerbauth");
  f.AddSite("Dublin", "contoso\\KerbAuth");  // same account, other case
  f.AddPool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local", {"fe01.contoso.local"});
  f.AddPool(PoolKind::kStandardEdition, "Dublin", "se01.contoso.local", {"se01.contoso.local"});
  Diagnostics d;
  KerberosPlan k = BuildKerberosPlan(f.plan, d);
  CHECK(d.empty());
  REQUIRE(k.accounts.size() == 1);
  CHECK(k.accounts[0].sites == std::vector<std::string>{"Redmond", "Dublin"});
  REQUIRE(k.spns.size() == 2);
  CHECK(k.spns[0].site == "Redmond");
  CHECK(k.spns[1].spn == "HTTP/se01.contoso.local");
  CHECK(k.spns[1].site == "Dublin");
}

TEST_CASE("a site with IIS pools and no account is warned about, with the consequence",
          "[kerberos]") {
  PlanFixture f;
  f.AddSite("Redmond");
  f.AddPool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local", {"fe01.contoso.local"});
  Diagnostics d;
  KerberosPlan k = BuildKerberosPlan(f.plan, d);
  CHECK(k.spns.empty());
  CHECK(k.sites_without_account == std::vector<std::string>{"Redmond"});
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "LT8004");
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK_THAT(d.items()[0].message, Catch::Contains("password can expire"));
}

TEST_CASE("a branch site with only a Survivable Branch Appliance needs no account or SPN",
          "[kerberos]") {
  PlanFixture f;
  f.AddSite("Branch");
  f.AddPool(PoolKind::kSurvivableBranch, "Branch", "sba01.contoso.local", {"sba01.contoso.local"});
  Diagnostics d;
  KerberosPlan k = BuildKerberosPlan(f.plan, d);
  CHECK(k.spns.empty());
  CHECK(k.sites_without_account.empty());
  CHECK(d.empty());
}

TEST_CASE("an SPN claimed by two accounts is an error", "[kerberos]") {
  PlanFixture f;
  f.AddSite("Redmond", "CONTOSO\\kerbred");
  f.AddSite("Dublin", "CONTOSO\\kerbdub");
  // Dublin's pool overrides its internal web FQDN with Redmond's pool name.
  f.AddPool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local", {"fe01.contoso.local"});
  f.AddPool(PoolKind::kFrontEnd, "Dublin", "pool02.contoso.local", {"fe02.contoso.local"},
            "pool01.contoso.local");
  Diagnostics d;
  BuildKerberosPlan(f.plan, d);
  REQUIRE(Codes(d) == std::vector<std::string>{"LT8003"});
  CHECK(d.items()[0].message ==
        "SPN 'HTTP/pool01.contoso.local' would be registered on both 'CONTOSO\\kerbred' and "
        "'CONTOSO\\kerbdub'; an SPN must belong to one account");
}

TEST_CASE("an account name over 15 characters is an error", "[kerberos]") {
  PlanFixture f;
  f.AddSite("Redmond", "CONTOSO\\kerberosaccount01");
  Diagnostics d;
  BuildKerberosPlan(f.plan, d);
  // The site has no IIS pool, so it is also skipped (LT8005); the name is still checked.
  CHECK(Codes(d) == std::vector<std::string>{"LT8001", "LT8005"});
}

TEST_CASE("IIS plan: every server of every web services pool, with both web sites", "[iis]") {
  PlanFixture f;
  f.AddSite("Redmond");
  PlannedPool& pool =
      f.AddPool(PoolKind::kFrontEnd, "Redmond", "pool01.contoso.local",
                {"fe02.contoso.local", "fe01.contoso.local"}, "webint.contoso.local");
  pool.external_web_fqdn = *Fqdn::Parse("webext.contoso.com");
  f.AddPool(PoolKind::kEdge, "Redmond", "edge.contoso.local", {"edge01.contoso.local"});
  f.AddPool(PoolKind::kSurvivableBranch, "Redmond", "sba.contoso.local", {"sba.contoso.local"});
  Diagnostics d;
  IisPlan iis = BuildIisPlan(f.plan, d);
  REQUIRE(iis.servers.size() == 2);
  CHECK(iis.servers[0].server == "fe01.contoso.local");
  CHECK(iis.servers[1].server == "fe02.contoso.local");
  const auto& b = iis.servers[0].bindings;
  REQUIRE(b.size() == 4);
  CHECK(b[0].web_site == "Lync Server Internal Web Site");
  CHECK(b[0].port == 443);
  CHECK(b[0].host == "webint.contoso.local");
  CHECK(b[0].certificate_use == "Default");
  CHECK(b[2].web_site == "Lync Server External Web Site");
  CHECK(b[2].port == 4443);
  CHECK(b[2].host == "webext.contoso.com");
  CHECK(b[3].port == 8080);
  std::vector<std::string> names;
  for (const auto& feature : iis.servers[0].features) names.emplace_back(feature.name);
  for (const char* required :
       {"Web-Server", "Web-Request-Monitor", "Web-Asp-Net45", "NET-WCF-HTTP-Activation45",
        "Web-ISAPI-Ext", "Web-ISAPI-Filter", "Web-Log-Libraries", "Web-Http-Tracing",
        "Web-Basic-Auth", "Web-Windows-Auth", "Web-Scripting-Tools", "Web-Mgmt-Compat"}) {
    CHECK(std::find(names.begin(), names.end(), required) != names.end());
  }
}

TEST_CASE("IIS plan: separate web certificates bind WebServicesInternal/External", "[iis]") {
  PlanFixture f;
  f.topology.certificates.separate_web_certificates = true;
  f.AddSite("Redmond");
  f.AddPool(PoolKind::kStandardEdition, "Redmond", "se01.contoso.local", {"se01.contoso.local"});
  Diagnostics d;
  IisPlan iis = BuildIisPlan(f.plan, d);
  REQUIRE(iis.servers.size() == 1);
  CHECK(iis.servers[0].bindings[0].certificate_use == "WebServicesInternal");
  CHECK(iis.servers[0].bindings[2].certificate_use == "WebServicesExternal");
  CHECK(iis.servers[0].bindings[2].host.empty());  // not published
}
