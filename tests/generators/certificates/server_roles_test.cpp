// Certificates of the roles beyond SE / FE / Director / Edge: stand-alone Mediation pools and
// Survivable Branch Appliances with the example values of
// lync-server-2013-certificate-requirements-for-internal-servers, Persistent Chat servers
// (lync-server-2013-certificate-requirements-for-persistent-chat-server, which has no name
// table: docs/certificates.md) and the Office Web Apps Server farm
// (lync-server-2013-publishing-office-web-apps-server-using-a-reverse-proxy-server).

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <catch2/catch.hpp>

#include "generators/certificates/certificate_checks.hpp"
#include "generators/certificates/certificate_model.hpp"
#include "generators/certificates/certificate_views.hpp"
#include "generators/check/check.hpp"
#include "tests/generators/certificates/hand_plan.hpp"

namespace lynctopo {
namespace {

using testing::HandPlan;
using Names = std::vector<std::string>;

const PlannedCertificate& Get(const CertificateSet& set, std::string_view id) {
  const PlannedCertificate* cert = set.Find(id);
  if (!cert) FAIL("no certificate " << id);
  return *cert;
}

size_t CountRole(const CertificateSet& set, CertificateRole role) {
  return std::count_if(set.certificates.begin(), set.certificates.end(),
                       [&](const PlannedCertificate& c) { return c.role == role; });
}

TEST_CASE("the new certificate roles keep their public names", "[certificates]") {
  const std::pair<CertificateRole, const char*> roles[] = {
      {CertificateRole::kSurvivableBranch, "survivable-branch"},
      {CertificateRole::kMediation, "mediation"},
      {CertificateRole::kPersistentChat, "persistent-chat"},
      {CertificateRole::kOfficeWebApps, "office-web-apps"},
      {CertificateRole::kOAuth, "oauth"},
  };
  for (const auto& [role, name] : roles) {
    CHECK(std::string(ToString(role)) == name);
    CertificateRole parsed = CertificateRole::kFrontEnd;
    CHECK(Parse(name, &parsed));
    CHECK(parsed == role);
  }
}

TEST_CASE("stand-alone Mediation pool: Default per member, the documented example",
          "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  // SN=medsvr-pool.contoso.net; SAN=medsvr-pool.contoso.net; SAN=medsvr01.contoso.net
  h.Pool(PoolKind::kMediation, "medsvr-pool.contoso.net",
         {"medsvr01.contoso.net", "medsvr02.contoso.net"});
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  REQUIRE(CountRole(set, CertificateRole::kMediation) == 2);
  const PlannedCertificate& cert = Get(set, "medsvr01.contoso.net-default");
  CHECK(cert.role == CertificateRole::kMediation);
  CHECK(cert.uses == Names{"Default"});
  CHECK(cert.subject == "medsvr-pool.contoso.net");
  CHECK(Strings(cert.sans) == Names{"medsvr-pool.contoso.net", "medsvr01.contoso.net"});
  CHECK(cert.server == "medsvr01.contoso.net");
  CHECK(cert.install_on == Names{"medsvr01.contoso.net"});
  CHECK(cert.ca == CaKind::kInternal);
  CHECK_FALSE(cert.exportable_key);
  CHECK(Strings(Get(set, "medsvr02.contoso.net-default").sans) ==
        Names{"medsvr-pool.contoso.net", "medsvr02.contoso.net"});
}

TEST_CASE("Survivable Branch Appliance: sip.<sipdomain> from the plan, the documented example",
          "[certificates]") {
  HandPlan h;
  // SN=sba01.contoso.net; SAN=sip.contoso.com; SAN=sip.fabrikam.com. The third SIP domain has
  // no sip. name in the plan: none is made up for it.
  h.SipDomains({"contoso.com", "fabrikam.com", "noname.example"});
  h.Pool(PoolKind::kFrontEnd, "pool.contoso.net", {"fe01.contoso.net"});
  h.Pool(PoolKind::kSurvivableBranch, "sba01.contoso.net", {"sba01.contoso.net"}, "Seattle");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "pool.contoso.net",
         "contoso.com");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.fabrikam.com", "pool.contoso.net",
         "fabrikam.com");
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const PlannedCertificate& cert = Get(set, "sba01.contoso.net-default");
  CHECK(cert.role == CertificateRole::kSurvivableBranch);
  CHECK(cert.uses == Names{"Default"});
  CHECK(cert.subject == "sba01.contoso.net");
  CHECK(cert.site == "Seattle");
  // The subject repeated, as on every certificate of the plan.
  CHECK(Strings(cert.sans) == Names{"sba01.contoso.net", "sip.contoso.com", "sip.fabrikam.com"});
  CHECK(cert.install_on == Names{"sba01.contoso.net"});
}

TEST_CASE("Persistent Chat server: server FQDN subject, server and pool FQDN, internal CA policy",
          "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kPersistentChat, "pchat.contoso.net",
         {"pchat01.contoso.net", "pchat02.contoso.net"});
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  REQUIRE(CountRole(set, CertificateRole::kPersistentChat) == 2);
  const PlannedCertificate& cert = Get(set, "pchat02.contoso.net-default");
  CHECK(cert.uses == Names{"Default"});
  CHECK(cert.subject == "pchat02.contoso.net");
  CHECK(Strings(cert.sans) == Names{"pchat.contoso.net", "pchat02.contoso.net"});
  CHECK(cert.ca == CaKind::kInternal);
  // "the same CA as the internal Lync servers": whatever the policy names for them.
  h.topology.certificates.internal_ca = CaKind::kPublic;
  CertificateSet public_ca = BuildCertificates(h.plan, diagnostics);
  CHECK(Get(public_ca, "pchat02.contoso.net-default").ca == CaKind::kPublic);
}

TEST_CASE("Office Web Apps farm: one certificate with the farm and published FQDNs on every member",
          "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  PlannedPool& farm = h.Pool(PoolKind::kOfficeWebApps, "officewebapps01.contoso.com",
                             {"owa01.contoso.net", "owa02.contoso.net"});
  farm.external_web_fqdn = testing::F("owa.contoso.com");
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  REQUIRE(CountRole(set, CertificateRole::kOfficeWebApps) == 1);
  const PlannedCertificate& cert = Get(set, "officewebapps01.contoso.com-farm");
  CHECK(cert.uses.empty());  // not a Lync certificate: no Set-CsCertificate use
  CHECK(cert.subject == "officewebapps01.contoso.com");
  CHECK(Strings(cert.sans) == Names{"officewebapps01.contoso.com", "owa.contoso.com"});
  CHECK(cert.server.empty());
  CHECK(cert.install_on == Names{"owa01.contoso.net", "owa02.contoso.net"});
  CHECK(cert.exportable_key);
  CHECK(cert.ca == CaKind::kInternal);

  // Not published: the internal farm FQDN alone.
  h.plan.pools.back().external_web_fqdn = Fqdn();
  CertificateSet internal_only = BuildCertificates(h.plan, diagnostics);
  CHECK(Strings(Get(internal_only, "officewebapps01.contoso.com-farm").sans) ==
        Names{"officewebapps01.contoso.com"});
}

TEST_CASE("request-certificates view: certreq for the farm, Default for the Lync roles",
          "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kMediation, "med01.contoso.net", {"med01.contoso.net"});
  PlannedPool& farm = h.Pool(PoolKind::kOfficeWebApps, "owas.contoso.net",
                             {"owa01.contoso.net", "owa02.contoso.net"});
  farm.external_web_fqdn = testing::F("owas.contoso.com");
  Diagnostics diagnostics;
  nlohmann::json view =
      CertificatesView(h.plan, BuildCertificates(h.plan, diagnostics)).Materialized();
  auto server = [&](std::string_view fqdn) {
    for (const nlohmann::json& s : view["servers"]) {
      if (s["fqdn"] == fqdn) return s;
    }
    FAIL("no server " << fqdn);
    return nlohmann::json();
  };
  nlohmann::json med = server("med01.contoso.net");
  REQUIRE(med["requests"].size() == 1);
  CHECK(med["requests"][0]["lync"] == true);
  CHECK(med["requests"][0]["types"] == "Default");
  CHECK(med["assignments"][0]["lync"] == true);

  nlohmann::json first = server("owa01.contoso.net");
  REQUIRE(first["requests"].size() == 1);
  CHECK(first["requests"][0]["certreq"] == true);
  CHECK(first["requests"][0]["lync"] == false);
  REQUIRE(first["assignments"].size() == 1);
  CHECK(first["assignments"][0]["farm"] == true);
  CHECK(first["assignments"][0]["lync"] == false);  // never Set-CsCertificate
  CHECK(first["assignments"][0]["friendly_ps"] == "'lynctopo owas.contoso.net-farm'");
  // The other member imports the same certificate (same friendly name) and assigns nothing:
  // the farm's certificate is a farm-wide setting.
  nlohmann::json second = server("owa02.contoso.net");
  REQUIRE(second["requests"].size() == 1);
  CHECK(second["requests"][0]["import"] == true);
  CHECK(second["requests"][0]["certreq"] == true);
  CHECK(second["assignments"].empty());
}

// The new certificates in a deployment whose names all resolve: the rules accept them, and a
// name the plan does not have on one of them is caught.
TEST_CASE("consistency rules check the new certificates' names", "[certificates][check]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kSurvivableBranch, "sba01.contoso.net", {"sba01.contoso.net"});
  h.Pool(PoolKind::kMediation, "med01.contoso.net", {"med01.contoso.net"});
  h.Pool(PoolKind::kPersistentChat, "pchat.contoso.net", {"pchat01.contoso.net"});
  PlannedPool& farm = h.Pool(PoolKind::kOfficeWebApps, "owas.contoso.net", {"owa01.contoso.net"});
  farm.external_web_fqdn = testing::F("owas.contoso.com");
  for (const char* name : {"sba01.contoso.net", "med01.contoso.net", "pchat.contoso.net",
                           "pchat01.contoso.net", "owa01.contoso.net"})
    h.Name(NameRole::kServer, View::kInternal, name).addresses = {"10.0.0.1"};
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "", "contoso.com").addresses = {
      "10.0.0.2"};
  h.Name(NameRole::kOfficeWebApps, View::kInternal, "owas.contoso.net", "owas.contoso.net")
      .addresses = {"10.0.0.3"};
  h.Name(NameRole::kOfficeWebApps, View::kExternal, "owas.contoso.com", "owas.contoso.net")
      .addresses = {"131.107.0.1"};
  auto run = [&](const CertificateSet& set) {
    ArtifactSet artifacts;
    artifacts.plan = &h.plan;
    artifacts.certificates = std::make_shared<const CertificateSet>(set);
    Diagnostics diagnostics;
    RunConsistencyCheck(artifacts, diagnostics);
    std::vector<std::string> codes;
    for (const Diagnostic& d : diagnostics.items()) codes.push_back(d.code);
    return codes;
  };
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  REQUIRE(set.certificates.size() == 4);
  std::vector<std::string> clean = run(set);
  INFO(fmt::format("{}", fmt::join(clean, " ")));
  CHECK(clean.empty());
  const std::string nowhere = "nowhere.contoso.net";  // a named string: g++ 12 -O3 warns
                                                      // (-Warray-bounds) on a temporary here
  for (const char* id : {"sba01.contoso.net-default", "med01.contoso.net-default",
                         "pchat01.contoso.net-default", "owas.contoso.net-farm"}) {
    CertificateSet broken = set;
    for (PlannedCertificate& cert : broken.certificates) {
      if (cert.id == id) cert.sans.push_back(nowhere);
    }
    INFO(id);
    std::vector<std::string> codes = run(broken);
    CHECK(std::find(codes.begin(), codes.end(), "LT5103") != codes.end());
  }
}

}  // namespace
}  // namespace lynctopo
