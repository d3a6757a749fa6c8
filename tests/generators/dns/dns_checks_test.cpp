// DNS consistency rules LT6010 / LT6011 on hand-built plans.

#include <memory>

#include <catch2/catch.hpp>

#include "generators/certificates/certificate_model.hpp"
#include "generators/check/check.hpp"
#include "generators/dns/dns_checks.hpp"
#include "tests/generators/dns/dns_test_plan.hpp"

namespace lynctopo {
namespace {

using testing::Codes;
using testing::DnsTestPlan;
using V = std::vector<std::string>;

constexpr View kInt = View::kInternal;
constexpr View kExt = View::kExternal;

ArtifactSet Artifacts(const DnsTestPlan& t) {
  ArtifactSet artifacts;
  artifacts.plan = &const_cast<DnsTestPlan&>(t).plan();
  Diagnostics ignored;
  artifacts.dns = std::make_shared<const DnsRecordSet>(t.Build(ignored));
  return artifacts;
}

TEST_CASE("LT6010: every SRV target has an A/AAAA record in its view", "[dns][check]") {
  DnsTestPlan t({"contoso.com"});
  t.Service(kInt, "_sipinternaltls._tcp", "contoso.com", "sip.contoso.com", 5061,
            "internal-sign-in");
  t.Service(kExt, "_sip._tls", "contoso.com", "sip.contoso.com", 443, "external-sign-in");
  t.Service(kExt, "_sipfederationtls._tcp", "contoso.com", "access.contoso.com", 5061,
            "federation");
  // sip.contoso.com resolves only inside; access.contoso.com outside is an alias.
  t.Name(kInt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.10"});
  t.Alias(kExt, "access.contoso.com", NameRole::kAccessEdge, "edge.contoso.com");
  t.Name(kExt, "edge.contoso.com", NameRole::kAccessEdge, TargetKind::kEdgePublic,
         {"131.107.155.10"});
  Diagnostics d;
  CheckDnsSrvTargets(Artifacts(t), d);
  REQUIRE(Codes(d) == V{"LT6010", "LT6010"});
  CHECK(d.items()[1].message.find("is a CNAME") != std::string::npos);
  CHECK(d.items()[0].message.find("_sip._tls.contoso.com") != std::string::npos);

  t.Name(kExt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kEdgePublic, {"2001:db8::10"});
  t.plan().services.back().target = testing::F("sip.contoso.com");
  Diagnostics d2;
  CheckDnsSrvTargets(Artifacts(t), d2);
  CHECK(d2.empty());
}

TEST_CASE("LT6011: discovery and internal web names stay in their view", "[dns][check]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kExt, "lyncdiscover.contoso.com", NameRole::kLyncDiscover, TargetKind::kReverseProxy,
         {"131.107.155.40"});
  t.Name(kInt, "lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal,
         TargetKind::kVip, {"10.0.0.11"});
  t.Name(kInt, "webint.contoso.com", NameRole::kInternalWeb, TargetKind::kVip, {"10.0.0.11"});
  SECTION("as the spec wants: clean") {
    Diagnostics d;
    CheckDnsViewScopes(Artifacts(t), d);
    CHECK(d.empty());
  }
  SECTION("each name in the wrong view is reported once") {
    t.Name(kInt, "lyncdiscover.contoso.com", NameRole::kLyncDiscover, TargetKind::kVip,
           {"10.0.0.11", "10.0.0.12"});
    t.Name(kExt, "lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal,
           TargetKind::kReverseProxy, {"131.107.155.40"});
    t.Name(kExt, "webint.contoso.com", NameRole::kExternalWeb, TargetKind::kReverseProxy,
           {"131.107.155.40"});
    Diagnostics d;
    CheckDnsViewScopes(Artifacts(t), d);
    CHECK(Codes(d) == V{"LT6011", "LT6011", "LT6011"});
  }
}

TEST_CASE("LT6012: every certificate host name has a DNS record in its clients' view",
          "[dns][check]") {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "fe01.contoso.local", NameRole::kServer, TargetKind::kServerAddress, {"10.0.0.21"});
  t.Name(kExt, "webext.contoso.com", NameRole::kExternalWeb, TargetKind::kReverseProxy,
         {"131.107.155.40"});
  t.Name(kInt, "admin.contoso.com", NameRole::kAdmin, TargetKind::kVip, {"10.0.0.11"});
  ArtifactSet artifacts = Artifacts(t);
  auto certificates = std::make_shared<CertificateSet>();
  PlannedCertificate fe;
  fe.id = "fe01";
  fe.role = CertificateRole::kFrontEnd;
  fe.subject = "fe01.contoso.local";
  fe.sans = {"contoso.com", "fe01.contoso.local", "webext.contoso.com", "*.contoso.com"};
  PlannedCertificate proxy;
  proxy.id = "rp1";
  proxy.role = CertificateRole::kReverseProxy;
  proxy.subject = "webext.contoso.com";
  proxy.sans = {"webext.contoso.com", "admin.contoso.com", "meet.contoso.com"};
  certificates->certificates = {fe, proxy};
  artifacts.certificates = certificates;
  Diagnostics d;
  CheckDnsCertificateNames(artifacts, d);
  // webext is on an internal certificate and resolves only outside: the plan keeps a pool's
  // external web FQDN out of internal DNS (docs/domain-calls.md), so outside is its clients'
  // view. admin resolves only inside (never on a public certificate), meet nowhere.
  REQUIRE(Codes(d) == V{"LT6012", "LT6012"});
  CHECK(d.items()[0].message.find("admin.contoso.com, which has no external") != std::string::npos);
  CHECK(d.items()[1].message.find("meet.contoso.com") != std::string::npos);
}

TEST_CASE("DNS rules are in the consistency table and skip a missing model", "[dns][check]") {
  V codes;
  for (const ConsistencyRule& rule : AllConsistencyRules()) codes.push_back(rule.code);
  CHECK(std::count(codes.begin(), codes.end(), "LT6010") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "LT6011") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "LT6012") == 1);
  ArtifactSet empty;
  Diagnostics d;
  CheckDnsSrvTargets(empty, d);
  CheckDnsViewScopes(empty, d);
  CheckDnsCertificateNames(empty, d);
  CHECK(d.empty());
}

}  // namespace
}  // namespace lynctopo
