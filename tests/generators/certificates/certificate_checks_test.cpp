// Certificate consistency rules (LT5101–LT5103) on hand-built plans and certificate sets.

#include <catch2/catch.hpp>

#include "generators/certificates/certificate_checks.hpp"
#include "generators/certificates/certificate_model.hpp"
#include "generators/check/check.hpp"
#include "tests/generators/certificates/hand_plan.hpp"

namespace lynctopo {
namespace {

using testing::HandPlan;

// SE pool published by rp1; Edge with its external names; every name in its views.
void Deployment(HandPlan& h) {
  h.SipDomains({"contoso.com"});
  PlannedPool& se = h.Pool(PoolKind::kStandardEdition, "se01.contoso.net", {"se01.contoso.net"});
  se.external_web_fqdn = testing::F("webext.contoso.com");
  se.publishing_proxy = "rp1";
  h.Name(NameRole::kPool, View::kInternal, "se01.contoso.net", "se01.contoso.net");
  h.Name(NameRole::kExternalWeb, View::kExternal, "webext.contoso.com", "se01.contoso.net");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "se01.contoso.net");
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.contoso.com", "contoso.com", "se01.contoso.net");
  h.SimpleUrl(SimpleUrlKind::kDialin, "dialin.contoso.com", "*", "se01.contoso.net");
  h.SimpleUrl(SimpleUrlKind::kAdmin, "admin.contoso.com", "*", "se01.contoso.net");
  h.Name(NameRole::kLyncDiscover, View::kExternal, "lyncdiscover.contoso.com", "se01.contoso.net");
  h.Name(NameRole::kLyncDiscoverInternal, View::kInternal, "lyncdiscoverinternal.contoso.com",
         "se01.contoso.net");
  h.Pool(PoolKind::kEdge, "edge.contoso.net", {"edge01.contoso.net"});
  h.Name(NameRole::kEdgeInternal, View::kInternal, "edge.contoso.net", "edge.contoso.net");
  h.Name(NameRole::kAccessEdge, View::kExternal, "sip.contoso.com", "edge.contoso.net");
  h.Name(NameRole::kSipDomain, View::kExternal, "sip.contoso.com", "edge.contoso.net");
  h.Name(NameRole::kWebConferencingEdge, View::kExternal, "webconf.contoso.com",
         "edge.contoso.net");
  h.Proxy("rp1", {"dialin.contoso.com", "lyncdiscover.contoso.com", "meet.contoso.com",
                  "webext.contoso.com"});
}

struct Checked {
  Diagnostics diagnostics;
  bool Has(std::string_view code) const {
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.code == code) return true;
    }
    return false;
  }
};

Checked Run(const Plan& plan, CertificateSet set) {
  ArtifactSet artifacts;
  artifacts.plan = &plan;
  artifacts.certificates = std::make_shared<const CertificateSet>(std::move(set));
  Checked checked;
  RunConsistencyCheck(artifacts, checked.diagnostics);
  return checked;
}

PlannedCertificate& Find(CertificateSet& set, std::string_view id) {
  for (PlannedCertificate& cert : set.certificates) {
    if (cert.id == id) return cert;
  }
  FAIL("no certificate " << id);
  throw;
}

TEST_CASE("the planned certificates pass their consistency rules", "[certificates][check]") {
  for (bool wildcards : {false, true}) {
    HandPlan h;
    Deployment(h);
    h.topology.certificates.wildcard_simple_urls = wildcards;
    Diagnostics diagnostics;
    CertificateSet set = BuildCertificates(h.plan, diagnostics);
    Checked checked = Run(h.plan, set);
    INFO(checked.diagnostics.items().size());
    CHECK_FALSE(checked.Has("LT5101"));
    CHECK_FALSE(checked.Has("LT5102"));
    CHECK_FALSE(checked.Has("LT5103"));
  }
}

TEST_CASE("LT5101: an internal-only name on a public certificate", "[certificates][check]") {
  HandPlan h;
  Deployment(h);
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  Find(set, "proxy-rp1").sans.push_back("admin.contoso.com");
  CHECK(Run(h.plan, set).Has("LT5101"));
  CertificateSet pool_name = BuildCertificates(h.plan, diagnostics);
  Find(pool_name, "edge.contoso.net-external").sans.push_back("se01.contoso.net");
  CHECK(Run(h.plan, pool_name).Has("LT5101"));
}

TEST_CASE("LT5102: a public host missing from the proxy certificate", "[certificates][check]") {
  HandPlan h;
  Deployment(h);
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  auto& sans = Find(set, "proxy-rp1").sans;
  sans.erase(std::find(sans.begin(), sans.end(), "meet.contoso.com"));
  CHECK(Run(h.plan, set).Has("LT5102"));

  // Port 80 lyncdiscover (call 9): no certificate needed for it.
  h.topology.mobility.lyncdiscover_over_http = true;
  CertificateSet on_80 = BuildCertificates(h.plan, diagnostics);
  CHECK_FALSE(Run(h.plan, on_80).Has("LT5102"));
  h.topology.mobility.lyncdiscover_over_http = false;
  CHECK(Run(h.plan, on_80).Has("LT5102"));
}

TEST_CASE("LT5103: a certificate name the plan does not resolve", "[certificates][check]") {
  HandPlan h;
  Deployment(h);
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  Find(set, "se01.contoso.net-default").sans.push_back("legacy.contoso.com");
  CHECK(Run(h.plan, set).Has("LT5103"));
  // A public certificate needs the external view: an internal-only name does not do.
  CertificateSet edge = BuildCertificates(h.plan, diagnostics);
  Find(edge, "edge.contoso.net-external").sans.push_back("lyncdiscoverinternal.contoso.com");
  CHECK(Run(h.plan, edge).Has("LT5103"));
  // A wildcard over a domain with no name below it.
  CertificateSet wild = BuildCertificates(h.plan, diagnostics);
  Find(wild, "proxy-rp1").sans.push_back("*.fabrikam.com");
  CHECK(Run(h.plan, wild).Has("LT5103"));
}

}  // namespace
}  // namespace lynctopo
