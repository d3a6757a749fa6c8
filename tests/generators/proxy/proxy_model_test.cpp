#include <catch2/catch.hpp>

#include <algorithm>

#include "generators/proxy/proxy_model.hpp"
#include "tests/generators/proxy/plan_builder.hpp"

using namespace lynctopo;
using lynctopo::testing::ProxyPlanBuilder;

namespace {

const ProxyRule* FindRule(const ProxyRuleSet& set, std::string_view host, int port) {
  for (const ProxyRule& r : set.rules) {
    if (r.public_host.str() == host && r.listen_port == port) return &r;
  }
  return nullptr;
}

bool HasCode(const Diagnostics& d, std::string_view code) {
  return std::any_of(d.items().begin(), d.items().end(),
                     [&](const Diagnostic& x) { return x.code == code; });
}

// Contoso with a Director: simple URLs and lyncdiscover go to the Director (C.7), the FE pool
// is still published.
ProxyPlanBuilder WithDirector() {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kTmg)
      .Publish(NameRole::kExternalWeb, "webext.contoso.com", "rp1", "pool01.contoso.local",
               "webext.contoso.com")
      .Publish(NameRole::kExternalWeb, "webdirext.contoso.com", "rp1", "dir01.contoso.local",
               "webdirext.contoso.com")
      .Publish(NameRole::kMeet, "meet.contoso.com", "rp1", "dir01.contoso.local",
               "webdirext.contoso.com")
      .Publish(NameRole::kDialin, "dialin.contoso.com", "rp1", "dir01.contoso.local",
               "webdirext.contoso.com")
      .Publish(NameRole::kLyncDiscover, "lyncdiscover.contoso.com", "rp1", "dir01.contoso.local",
               "webdirext.contoso.com", /*with_http=*/false)
      .InternalName(NameRole::kAdmin, "admin.contoso.com", "dir01.contoso.local");
  return b;
}

}  // namespace

TEST_CASE("Director present: simple URLs and lyncdiscover go to the Director", "[proxy]") {
  ProxyPlanBuilder b = WithDirector();
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(d.empty());
  REQUIRE(set.rules.size() == 9);  // 4 hosts x (443, 80) + lyncdiscover 443

  const ProxyRule* fe = FindRule(set, "webext.contoso.com", 443);
  REQUIRE(fe);
  CHECK(fe->purpose == "external-web");
  CHECK(fe->backend_host == "webext.contoso.com");
  CHECK(fe->backend_port == 4443);
  CHECK(fe->pool == "pool01.contoso.local");
  CHECK(fe->path == "/*");
  CHECK(fe->forward_host_header);
  CHECK(fe->preauth == "none");
  CHECK(fe->delegation == "none-client-may-authenticate-directly");
  CHECK(fe->tls_to_backend);
  CHECK_FALSE(fe->link_translation);
  CHECK(fe->timeout_seconds == 960);
  CHECK(fe->certificate == "proxy-rp1");
  CHECK(fe->name == "webext.contoso.com-443");

  for (const char* host : {"meet.contoso.com", "dialin.contoso.com", "lyncdiscover.contoso.com"}) {
    const ProxyRule* r = FindRule(set, host, 443);
    REQUIRE(r);
    CHECK(r->backend_host == "webdirext.contoso.com");
    CHECK(r->pool == "dir01.contoso.local");
  }
  CHECK(FindRule(set, "meet.contoso.com", 443)->purpose == "meet");
  CHECK(FindRule(set, "dialin.contoso.com", 443)->purpose == "dialin");
  CHECK(FindRule(set, "lyncdiscover.contoso.com", 443)->purpose == "lyncdiscover");
  CHECK_FALSE(FindRule(set, "lyncdiscover.contoso.com", 80));

  const ProxyRule* http = FindRule(set, "meet.contoso.com", 80);
  REQUIRE(http);
  CHECK(http->backend_port == 8080);
  CHECK_FALSE(http->listen_tls);
  CHECK_FALSE(http->tls_to_backend);
  CHECK(http->certificate.empty());

  CHECK_FALSE(FindRule(set, "admin.contoso.com", 443));
  REQUIRE(set.proxies.size() == 1);
  CHECK(set.proxies[0].certificate == "proxy-rp1");
  CHECK(set.proxies[0].product == ProxyProduct::kTmg);
}

TEST_CASE("No Director: simple URLs go to the designated pool", "[proxy]") {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kNginx)
      .Publish(NameRole::kExternalWeb, "webext.contoso.com", "rp1", "pool01.contoso.local",
               "webext.contoso.com")
      .Publish(NameRole::kExternalWeb, "webext2.contoso.com", "rp1", "pool02.contoso.local",
               "webext2.contoso.com")
      .Publish(NameRole::kMeet, "meet.contoso.com", "rp1", "pool02.contoso.local",
               "webext2.contoso.com");
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(d.empty());
  const ProxyRule* meet = FindRule(set, "meet.contoso.com", 443);
  REQUIRE(meet);
  CHECK(meet->backend_host == "webext2.contoso.com");
  CHECK(meet->pool == "pool02.contoso.local");
  CHECK(FindRule(set, "webext.contoso.com", 443)->pool == "pool01.contoso.local");
}

TEST_CASE("Site-level simple URLs are published by the site's proxy to the site's pool",
          "[proxy]") {
  ProxyPlanBuilder b;
  b.Proxy("rp-redmond", ProxyProduct::kArr)
      .Proxy("rp-dublin", ProxyProduct::kHaproxy, {"198.51.100.7"})
      .Publish(NameRole::kMeet, "meet.contoso.com", "rp-redmond", "pool01.contoso.local",
               "webext.contoso.com")
      .Publish(NameRole::kMeet, "meet-eu.contoso.com", "rp-dublin", "dir-eu.contoso.local",
               "webdir-eu.contoso.com")
      .Publish(NameRole::kDialin, "dialin-eu.contoso.com", "rp-dublin", "dir-eu.contoso.local",
               "webdir-eu.contoso.com");
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(d.empty());
  auto dublin = set.RulesOf("rp-dublin");
  REQUIRE(dublin.size() == 4);
  for (const ProxyRule& r : dublin) {
    CHECK(r.proxy == "rp-dublin");
    CHECK(r.backend_host == "webdir-eu.contoso.com");
    CHECK(r.pool == "dir-eu.contoso.local");
  }
  CHECK(dublin[0].listen_port == 80);  // 80 sorts before 443
  CHECK(dublin[1].certificate == "proxy-rp-dublin");
  auto redmond = set.RulesOf("rp-redmond");
  REQUIRE(redmond.size() == 2);
  CHECK(redmond[0].backend_host == "webext.contoso.com");
  CHECK(set.RulesOf("nobody").empty());
  // Plan order for the listeners, sorted order for the rules.
  CHECK(set.proxies[0].name == "rp-redmond");
  CHECK(set.rules.front().proxy == "rp-dublin");
}

TEST_CASE("lyncdiscover over HTTP: port 80 to 8080, no certificate", "[proxy]") {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kNginx).LyncDiscoverOverHttp(true);
  b.Publish(NameRole::kLyncDiscover, "lyncdiscover.contoso.com", "rp1", "pool01.contoso.local",
            "webext.contoso.com", /*with_http=*/false);
  // Replace the 443 endpoint with the 80 one the plan derives for lyncdiscover_over_http.
  b.plan().endpoints.clear();
  b.Endpoint("lyncdiscover.contoso.com", 80, "http", "rp1", "webext.contoso.com", 8080,
             "pool01.contoso.local");
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(d.empty());
  REQUIRE(set.rules.size() == 1);
  const ProxyRule& r = set.rules[0];
  CHECK(r.listen_port == 80);
  CHECK(r.backend_port == 8080);
  CHECK_FALSE(r.listen_tls);
  CHECK_FALSE(r.tls_to_backend);
  CHECK(r.certificate.empty());
  CHECK(r.purpose == "lyncdiscover");
  CHECK(r.delegation == "none-client-cannot-authenticate");  // C.4 HTTP autodiscover rule
}

TEST_CASE("Several SIP domains: one lyncdiscover and Meet rule per domain", "[proxy]") {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kNginx);
  for (const char* domain : {"contoso.com", "fabrikam.com", "litware.com"}) {
    std::string dom = domain;
    b.Publish(NameRole::kLyncDiscover, "lyncdiscover." + dom, "rp1", "pool01.contoso.local",
              "webext.contoso.com", false, 4443, 8080, dom);
    b.Publish(NameRole::kMeet, "meet." + dom, "rp1", "pool01.contoso.local", "webext.contoso.com",
              true, 4443, 8080, dom);
  }
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(d.empty());
  CHECK(set.rules.size() == 3 * 3);
  for (const char* domain : {"contoso.com", "fabrikam.com", "litware.com"}) {
    CHECK(FindRule(set, std::string("lyncdiscover.") + domain, 443));
    CHECK(FindRule(set, std::string("meet.") + domain, 80));
  }
  CHECK(std::is_sorted(set.rules.begin(), set.rules.end(), [](const auto& a, const auto& b) {
    return std::tie(a.proxy, a.public_host, a.listen_port) <
           std::tie(b.proxy, b.public_host, b.listen_port);
  }));
}

TEST_CASE("Office Web Apps: 443 to 443 and 80 to 80, no bridging", "[proxy]") {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kTmg)
      .Publish(NameRole::kOfficeWebApps, "officewebapps01.contoso.com", "rp1",
               "owas01.contoso.local", "owas01.contoso.local", true, 443, 80);
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(d.empty());
  const ProxyRule* https = FindRule(set, "officewebapps01.contoso.com", 443);
  const ProxyRule* http = FindRule(set, "officewebapps01.contoso.com", 80);
  REQUIRE(https);
  REQUIRE(http);
  CHECK(https->purpose == "office-web-apps");
  CHECK(https->backend_host == "owas01.contoso.local");
  CHECK(https->backend_port == 443);
  CHECK(https->tls_to_backend);
  CHECK(http->backend_port == 80);
  CHECK(https->pool == "owas01.contoso.local");
}

TEST_CASE("Admin host is never published", "[proxy]") {
  ProxyPlanBuilder b = WithDirector();
  b.Endpoint("admin.contoso.com", 443, "https", "rp1", "webdirext.contoso.com", 4443,
             "dir01.contoso.local");
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(HasCode(d, "LT7003"));
  CHECK_FALSE(FindRule(set, "admin.contoso.com", 443));
}

TEST_CASE("Broken plans are reported, not crashed on", "[proxy]") {
  ProxyPlanBuilder b = WithDirector();
  b.Endpoint("webext.contoso.com", 443, "https", "rp-ghost", "webext.contoso.com", 4443, "");
  b.Endpoint("webext.contoso.com", 443, "tls", "rp1", "elsewhere.contoso.com", 4443, "");
  b.Endpoint("bad_host.contoso.com", 443, "https", "rp1", "x.contoso.com", 4443, "");
  b.Endpoint("nothing.contoso.com", 443, "https", "rp1", "", 0, "");
  b.plan().proxies[0].public_hosts.push_back(*Fqdn::Parse("forgotten.contoso.com"));
  Diagnostics d;
  ProxyRuleSet set = BuildProxyRules(b.Build(), d);
  CHECK(HasCode(d, "LT7001"));  // unknown proxy
  CHECK(HasCode(d, "LT7002"));  // invalid host
  CHECK(HasCode(d, "LT7004"));  // no publishable purpose
  CHECK(HasCode(d, "LT7006"));  // two backends for one host/port
  CHECK(HasCode(d, "LT7007"));  // public host without endpoint
  CHECK(FindRule(set, "webext.contoso.com", 443));
  CHECK(std::count_if(set.rules.begin(), set.rules.end(), [](const ProxyRule& r) {
          return r.public_host.str() == "webext.contoso.com" && r.listen_port == 443;
        }) == 1);
}

TEST_CASE("Same plan, same rules (deterministic), at hosting scale", "[proxy]") {
  ProxyPlanBuilder b;
  b.Proxy("rp1", ProxyProduct::kHaproxy);
  for (int i = 0; i < 5000; ++i) {
    std::string dom = "tenant" + std::to_string(i) + ".example.com";
    b.Publish(NameRole::kLyncDiscover, "lyncdiscover." + dom, "rp1", "pool01.contoso.local",
              "webext.contoso.com", false, 4443, 8080, dom);
  }
  const Plan& plan = b.Build();
  Diagnostics d1, d2;
  ProxyRuleSet a = BuildProxyRules(plan, d1);
  ProxyRuleSet c = BuildProxyRules(plan, d2);
  REQUIRE(a.rules.size() == 5000);
  for (size_t i = 0; i < a.rules.size(); ++i) CHECK(a.rules[i].name == c.rules[i].name);
}
