// Rules of spec §A, checked against the documentation's worked values (Contoso examples,
// Edge oracles C11–C16, Director summaries C8–C10) on plans built by hand.

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "generators/certificates/certificate_model.hpp"
#include "tests/generators/certificates/hand_plan.hpp"

namespace lynctopo {
namespace {

using testing::HandPlan;
using Names = std::vector<std::string>;

Names Sorted(Names names) {
  std::sort(names.begin(), names.end());
  return names;
}

const PlannedCertificate& Get(const CertificateSet& set, std::string_view id) {
  const PlannedCertificate* cert = set.Find(id);
  if (!cert) FAIL("no certificate " << id);
  return *cert;
}

bool HasCode(const Diagnostics& diagnostics, std::string_view code) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.code == code) return true;
  }
  return false;
}

// The Contoso Standard Edition server of A.3: se01.contoso.com, SIP domains contoso.com and
// fabrikam.com, Meet per domain, Dialin, Admin, external web webcon01.contoso.com. The server is
// the automatic sign-in target (internal sip.<domain> leads to it).
void ContosoStandardEdition(HandPlan& h) {
  h.SipDomains({"contoso.com", "fabrikam.com"});
  PlannedPool& se = h.Pool(PoolKind::kStandardEdition, "se01.contoso.com", {"se01.contoso.com"});
  se.external_web_fqdn = testing::F("webcon01.contoso.com");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "se01.contoso.com",
         "contoso.com");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.fabrikam.com", "se01.contoso.com",
         "fabrikam.com");
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.contoso.com", "contoso.com", "se01.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.fabrikam.com", "fabrikam.com", "se01.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kDialin, "dialin.contoso.com", "*", "se01.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kAdmin, "admin.contoso.com", "*", "se01.contoso.com");
}

TEST_CASE("A.3 Standard Edition: separate certificates carry the documented names",
          "[certificates]") {
  HandPlan h;
  ContosoStandardEdition(h);
  h.topology.certificates.separate_web_certificates = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(diagnostics.empty());

  const PlannedCertificate& def = Get(set, "se01.contoso.com-default");
  CHECK(def.role == CertificateRole::kStandardEdition);
  CHECK(def.uses == Names{"Default"});
  CHECK(def.subject == "se01.contoso.com");
  // SN=se01.contoso.com; SAN=se01.contoso.com (+ sip.contoso.com, sip.fabrikam.com).
  CHECK(Strings(def.sans) == Names{"se01.contoso.com", "sip.contoso.com", "sip.fabrikam.com"});

  const PlannedCertificate& internal = Get(set, "se01.contoso.com-web-internal");
  CHECK(internal.uses == Names{"WebServicesInternal"});
  CHECK(internal.subject == "se01.contoso.com");
  CHECK(Strings(internal.sans) ==
        Sorted({"se01.contoso.com", "meet.contoso.com", "meet.fabrikam.com", "dialin.contoso.com",
                "admin.contoso.com"}));

  const PlannedCertificate& external = Get(set, "se01.contoso.com-web-external");
  CHECK(external.uses == Names{"WebServicesExternal"});
  // The doc's SAN list plus the subject repeated (A.1): Admin never external (call 3).
  CHECK(Strings(external.sans) ==
        Sorted({"se01.contoso.com", "webcon01.contoso.com", "meet.contoso.com", "meet.fabrikam.com",
                "dialin.contoso.com"}));
  for (const PlannedCertificate* cert : {&def, &internal, &external}) {
    CHECK(cert->ca == CaKind::kInternal);
    CHECK(cert->install_on == Names{"se01.contoso.com"});
    CHECK(cert->server == "se01.contoso.com");
    CHECK(cert->eku == Names{"serverAuth"});
    CHECK_FALSE(cert->exportable_key);
  }
}

TEST_CASE("A.3 wildcard form replaces simple URLs only, never the subject", "[certificates]") {
  HandPlan h;
  ContosoStandardEdition(h);
  h.topology.certificates.separate_web_certificates = true;
  h.topology.certificates.wildcard_simple_urls = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  // SN=se01.contoso.com; SAN=se01.contoso.com; SAN=*.contoso.com (and *.fabrikam.com for
  // meet.fabrikam.com).
  CHECK(Strings(Get(set, "se01.contoso.com-web-internal").sans) ==
        Names{"*.contoso.com", "*.fabrikam.com", "se01.contoso.com"});
  CHECK(Strings(Get(set, "se01.contoso.com-web-external").sans) ==
        Names{"*.contoso.com", "*.fabrikam.com", "se01.contoso.com", "webcon01.contoso.com"});
  // sip.<domain> is not a simple URL: the Default certificate stays explicit.
  CHECK(Strings(Get(set, "se01.contoso.com-default").sans) ==
        Names{"se01.contoso.com", "sip.contoso.com", "sip.fabrikam.com"});
  for (const PlannedCertificate& cert : set.certificates) CHECK_FALSE(IsWildcard(cert.subject));
}

TEST_CASE("sip.<domain> names only when the policy asks", "[certificates]") {
  HandPlan h;
  ContosoStandardEdition(h);
  h.topology.certificates.separate_web_certificates = true;
  h.topology.certificates.sip_names_on_default = false;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(Strings(Get(set, "se01.contoso.com-default").sans) == Names{"se01.contoso.com"});
}

// A.4: EE pool eepool.contoso.com with member ee01.contoso.com (the sign-in target).
void ContosoFrontEndPool(HandPlan& h) {
  h.SipDomains({"contoso.com", "fabrikam.com"});
  PlannedPool& pool =
      h.Pool(PoolKind::kFrontEnd, "eepool.contoso.com", {"ee01.contoso.com", "ee02.contoso.com"});
  pool.internal_web_fqdn = testing::F("webint.contoso.com");
  pool.internal_web_overridden = true;
  pool.external_web_fqdn = testing::F("webcon01.contoso.com");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "eepool.contoso.com");
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.fabrikam.com", "eepool.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.contoso.com", "contoso.com", "eepool.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.fabrikam.com", "fabrikam.com", "eepool.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kDialin, "dialin.contoso.com", "*", "eepool.contoso.com");
  h.SimpleUrl(SimpleUrlKind::kAdmin, "admin.contoso.com", "*", "eepool.contoso.com");
}

TEST_CASE("A.4 Front End pool: one combined certificate per member, union of three uses",
          "[certificates]") {
  HandPlan h;
  ContosoFrontEndPool(h);
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const PlannedCertificate& ee01 = Get(set, "ee01.contoso.com-default");
  CHECK(ee01.role == CertificateRole::kFrontEnd);
  CHECK(ee01.uses == Names{"Default", "WebServicesInternal", "WebServicesExternal"});
  CHECK(ee01.subject == "eepool.contoso.com");  // DERIVED: SN = pool FQDN
  CHECK(ee01.pool == "eepool.contoso.com");
  // Admin rides on the combined certificate because it also serves the internal site (call 3).
  CHECK(Strings(ee01.sans) ==
        Sorted({"eepool.contoso.com", "ee01.contoso.com", "sip.contoso.com", "sip.fabrikam.com",
                "webint.contoso.com", "webcon01.contoso.com", "meet.contoso.com",
                "meet.fabrikam.com", "dialin.contoso.com", "admin.contoso.com"}));
  const PlannedCertificate& ee02 = Get(set, "ee02.contoso.com-default");
  CHECK(ee02.subject == "eepool.contoso.com");
  CHECK(std::count(ee02.sans.begin(), ee02.sans.end(), "ee02.contoso.com") == 1);
  CHECK(std::count(ee02.sans.begin(), ee02.sans.end(), "ee01.contoso.com") == 0);
  CHECK(ee02.install_on == Names{"ee02.contoso.com"});
}

TEST_CASE("A.4 separate certificates: Default, web internal and web external rows",
          "[certificates]") {
  HandPlan h;
  ContosoFrontEndPool(h);
  h.topology.certificates.separate_web_certificates = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  // SN=eepool.contoso.com; SAN=eepool.contoso.com; SAN=ee01.contoso.com (+ sip names).
  CHECK(Strings(Get(set, "ee01.contoso.com-default").sans) ==
        Sorted({"eepool.contoso.com", "ee01.contoso.com", "sip.contoso.com", "sip.fabrikam.com"}));
  // DERIVED web-internal: pool, server, internal web FQDN, Meet, Dialin, Admin.
  CHECK(Strings(Get(set, "ee01.contoso.com-web-internal").sans) ==
        Sorted({"eepool.contoso.com", "ee01.contoso.com", "webint.contoso.com", "meet.contoso.com",
                "meet.fabrikam.com", "dialin.contoso.com", "admin.contoso.com"}));
  // DERIVED web-external: external web FQDN, Meet, Dialin (never Admin), + subject and server.
  CHECK(Strings(Get(set, "ee01.contoso.com-web-external").sans) ==
        Sorted({"eepool.contoso.com", "ee01.contoso.com", "webcon01.contoso.com",
                "meet.contoso.com", "meet.fabrikam.com", "dialin.contoso.com"}));
  CHECK(set.certificates.size() == 2 * 3 + 1);  // two members x three uses + OAuth
}

// C9: Director pool dirpool01.contoso.net (HLB) with dir01.contoso.net; simple URLs and
// autodiscover names; the Director is not the sign-in target.
TEST_CASE("A.5/A.6 Director pool Default certificate (C9 oracle)", "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kDirector, "dirpool01.contoso.net", {"dir01.contoso.net"});
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.contoso.com", "contoso.com", "dirpool01.contoso.net");
  h.SimpleUrl(SimpleUrlKind::kDialin, "dialin.contoso.com", "*", "dirpool01.contoso.net");
  h.Name(NameRole::kLyncDiscoverInternal, View::kInternal, "lyncdiscoverinternal.contoso.com",
         "dirpool01.contoso.net", "contoso.com");
  h.Name(NameRole::kLyncDiscover, View::kExternal, "lyncdiscover.contoso.com",
         "dirpool01.contoso.net", "contoso.com");
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const PlannedCertificate& dir = Get(set, "dir01.contoso.net-default");
  CHECK(dir.role == CertificateRole::kDirector);
  CHECK(dir.subject == "dirpool01.contoso.net");
  CHECK(
      Strings(dir.sans) ==
      Sorted({"dirpool01.contoso.net", "dir01.contoso.net", "dialin.contoso.com",
              "meet.contoso.com", "lyncdiscoverinternal.contoso.com", "lyncdiscover.contoso.com"}));
  // "optional *.contoso.com": with the wildcard policy, simple URLs and autodiscover collapse.
  h.topology.certificates.wildcard_simple_urls = true;
  CertificateSet wild = BuildCertificates(h.plan, diagnostics);
  CHECK(Strings(Get(wild, "dir01.contoso.net-default").sans) ==
        Names{"*.contoso.com", "dir01.contoso.net", "dirpool01.contoso.net"});

  // A Director is never where the OAuthTokenIssuer certificate is assigned: without a Front End
  // pool none is planned (LT5020).
  CHECK(set.Find("oauth") == nullptr);
}

// lync-server-2013-assigning-a-server-to-server-authentication-certificate-to-lync-server-2013.md:
// any web server certificate with the SIP domain in the Subject, at least 2048 bits, assigned
// once globally from one Front End Server and replicated to every Front End Server.
TEST_CASE("OAuthTokenIssuer: SIP domain subject, assigned from a Front End, never a Director",
          "[certificates][oauth]") {
  HandPlan h;
  h.SipDomains({"contoso.com", "fabrikam.com"});
  // The Director comes first and is the sign-in target: still not where OAuth is assigned.
  h.Pool(PoolKind::kDirector, "dirpool01.contoso.net", {"dir01.contoso.net"});
  h.Pool(PoolKind::kFrontEnd, "eepool.contoso.com", {"ee01.contoso.com", "ee02.contoso.com"});
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "dirpool01.contoso.net");
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const PlannedCertificate& oauth = Get(set, "oauth");
  CHECK(oauth.uses == Names{"OAuthTokenIssuer"});
  CHECK(oauth.subject == "contoso.com");  // the default SIP domain
  CHECK(oauth.sans.empty());
  CHECK(oauth.pool == "eepool.contoso.com");
  CHECK(oauth.key_bits >= 2048);
  CHECK(oauth.install_on == Names{"ee01.contoso.com", "ee02.contoso.com"});  // no Director
}

TEST_CASE("A.6 lyncdiscover stays on server certificates when published on port 80",
          "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kStandardEdition, "se01.contoso.com", {"se01.contoso.com"});
  h.Name(NameRole::kLyncDiscover, View::kExternal, "lyncdiscover.contoso.com", "se01.contoso.com");
  h.topology.mobility.lyncdiscover_over_http = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const auto& sans = Get(set, "se01.contoso.com-default").sans;
  CHECK(std::find(sans.begin(), sans.end(), "lyncdiscover.contoso.com") != sans.end());
}

// C11/C12: Edge pool lsedge.contoso.net; access sip.contoso.com, webconf webcon.contoso.com,
// A/V av.contoso.com; SIP domains contoso.com and fabrikam.com.
void ContosoEdge(HandPlan& h, std::vector<std::string> servers) {
  h.SipDomains({"contoso.com", "fabrikam.com"});
  h.Pool(PoolKind::kEdge, "lsedge.contoso.net", std::move(servers));
  h.Name(NameRole::kEdgeInternal, View::kInternal, "lsedge.contoso.net", "lsedge.contoso.net");
  h.Name(NameRole::kAccessEdge, View::kExternal, "sip.contoso.com", "lsedge.contoso.net");
  h.Name(NameRole::kSipDomain, View::kExternal, "sip.contoso.com", "lsedge.contoso.net",
         "contoso.com");
  h.Name(NameRole::kSipDomain, View::kExternal, "sip.fabrikam.com", "lsedge.contoso.net",
         "fabrikam.com");
  h.Name(NameRole::kWebConferencingEdge, View::kExternal, "webcon.contoso.com",
         "lsedge.contoso.net");
  h.Name(NameRole::kAudioVideoEdge, View::kExternal, "av.contoso.com", "lsedge.contoso.net");
}

TEST_CASE("A.7 Edge certificates (C11 single Edge, C12 scaled Edge oracles)", "[certificates]") {
  for (const Names& servers :
       {Names{"edge01.contoso.net"}, Names{"edge01.contoso.net", "edge02.contoso.net"}}) {
    HandPlan h;
    ContosoEdge(h, servers);
    h.topology.certificates.wildcard_simple_urls = true;  // never applies to the Edge
    Diagnostics diagnostics;
    CertificateSet set = BuildCertificates(h.plan, diagnostics);
    CHECK_FALSE(diagnostics.HasErrors());

    const PlannedCertificate& external = Get(set, "lsedge.contoso.net-external");
    CHECK(external.role == CertificateRole::kEdgeExternal);
    CHECK(external.subject == "sip.contoso.com");
    CHECK(Strings(external.sans) ==
          Names{"sip.contoso.com", "sip.fabrikam.com", "webcon.contoso.com"});
    CHECK(external.uses ==
          Names{"AccessEdgeExternal", "DataEdgeExternal", "AudioVideoAuthentication"});
    CHECK(external.ca == CaKind::kPublic);
    CHECK(external.exportable_key);
    CHECK(external.eku == Names{"serverAuth"});  // client EKU only for AOL, not modelled
    CHECK(external.install_on == servers);
    CHECK(external.server.empty());

    const PlannedCertificate& internal = Get(set, "lsedge.contoso.net-internal");
    CHECK(internal.role == CertificateRole::kEdgeInternal);
    CHECK(internal.subject == "lsedge.contoso.net");
    CHECK(Strings(internal.sans) == Names{"lsedge.contoso.net"});
    CHECK(internal.uses == Names{"Internal"});
    CHECK(internal.ca == CaKind::kInternal);
    CHECK(internal.exportable_key);
    CHECK(internal.install_on == servers);
  }
}

TEST_CASE("A.7/call 4 XMPP names on the Edge external certificate", "[certificates]") {
  HandPlan h;
  ContosoEdge(h, {"edge01.contoso.net"});
  h.topology.federation.xmpp = true;
  h.Name(NameRole::kXmpp, View::kExternal, "xmpp.contoso.com", "lsedge.contoso.net");
  h.Name(NameRole::kXmpp, View::kExternal, "xmpp.fabrikam.com", "lsedge.contoso.net");
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(Strings(Get(set, "lsedge.contoso.net-external").sans) ==
        Sorted({"sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com", "xmpp.contoso.com",
                "xmpp.fabrikam.com", "contoso.com", "fabrikam.com"}));
  h.topology.federation.xmpp_domains = {"contoso.com"};
  CertificateSet chosen = BuildCertificates(h.plan, diagnostics);
  const auto& sans = Get(chosen, "lsedge.contoso.net-external").sans;
  CHECK(std::find(sans.begin(), sans.end(), "fabrikam.com") == sans.end());
  CHECK(std::find(sans.begin(), sans.end(), "contoso.com") != sans.end());
}

TEST_CASE("A.7 an Edge pool without an Access Edge name is reported", "[certificates]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kEdge, "lsedge.contoso.net", {"edge01.contoso.net"});
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(HasCode(diagnostics, "LT5012"));
  CHECK(set.Find("lsedge.contoso.net-internal") != nullptr);
  CHECK(set.Find("lsedge.contoso.net-external") == nullptr);
}

// A.11 Contoso reverse proxy.
void ContosoProxy(HandPlan& h) {
  h.SipDomains({"contoso.com"});
  PlannedPool& fe = h.Pool(PoolKind::kFrontEnd, "pool01.contoso.net", {"fe01.contoso.net"});
  fe.external_web_fqdn = testing::F("webext.contoso.com");
  fe.publishing_proxy = "rp1";
  PlannedPool& dir = h.Pool(PoolKind::kDirector, "dirpool.contoso.net", {"dir01.contoso.net"});
  dir.external_web_fqdn = testing::F("webdirext.contoso.com");
  dir.publishing_proxy = "rp1";
  h.SimpleUrl(SimpleUrlKind::kMeet, "meet.contoso.com", "contoso.com", "dirpool.contoso.net");
  h.SimpleUrl(SimpleUrlKind::kDialin, "dialin.contoso.com", "*", "dirpool.contoso.net");
  h.Name(NameRole::kExternalWeb, View::kExternal, "webext.contoso.com", "pool01.contoso.net");
  h.Name(NameRole::kExternalWeb, View::kExternal, "webdirext.contoso.com", "dirpool.contoso.net");
  h.Name(NameRole::kOfficeWebApps, View::kExternal, "officewebapps01.contoso.com");
  h.Name(NameRole::kLyncDiscover, View::kExternal, "lyncdiscover.contoso.com",
         "dirpool.contoso.net");
  h.Proxy("rp1", {"dialin.contoso.com", "lyncdiscover.contoso.com", "meet.contoso.com",
                  "officewebapps01.contoso.com", "webdirext.contoso.com", "webext.contoso.com"});
}

TEST_CASE("A.11 reverse proxy certificate (Contoso example)", "[certificates]") {
  HandPlan h;
  ContosoProxy(h);
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const PlannedCertificate& rp = Get(set, "proxy-rp1");
  CHECK(rp.role == CertificateRole::kReverseProxy);
  CHECK(rp.subject == "webext.contoso.com");
  CHECK(Strings(rp.sans) ==
        Sorted({"webext.contoso.com", "webdirext.contoso.com", "meet.contoso.com",
                "dialin.contoso.com", "officewebapps01.contoso.com", "lyncdiscover.contoso.com"}));
  CHECK(rp.uses.empty());
  CHECK(rp.install_on == Names{"rp1"});
  CHECK(rp.ca == CaKind::kPublic);
  CHECK(rp.eku == Names{"serverAuth", "clientAuth"});
  CHECK(rp.exportable_key);
}

TEST_CASE("call 9: lyncdiscover on port 80 leaves the proxy certificate", "[certificates]") {
  HandPlan h;
  ContosoProxy(h);
  h.topology.mobility.lyncdiscover_over_http = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const auto& sans = Get(set, "proxy-rp1").sans;
  CHECK(std::find(sans.begin(), sans.end(), "lyncdiscover.contoso.com") == sans.end());
  CHECK(sans.size() == 5);
}

TEST_CASE("A.12 proxy wildcard covers simple URLs and lyncdiscover only", "[certificates]") {
  HandPlan h;
  ContosoProxy(h);
  h.topology.certificates.wildcard_simple_urls = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(Strings(Get(set, "proxy-rp1").sans) ==
        Sorted({"*.contoso.com", "webext.contoso.com", "webdirext.contoso.com",
                "officewebapps01.contoso.com"}));
}

TEST_CASE("call 3: an Admin host never reaches the proxy certificate", "[certificates]") {
  HandPlan h;
  ContosoProxy(h);
  // A plan that (wrongly) lists Admin as published must still not put it on the certificate.
  h.Name(NameRole::kAdmin, View::kExternal, "admin.contoso.com");
  h.plan.proxies[0].public_hosts.push_back(testing::F("admin.contoso.com"));
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  const auto& sans = Get(set, "proxy-rp1").sans;
  CHECK(std::find(sans.begin(), sans.end(), "admin.contoso.com") == sans.end());
}

TEST_CASE("A.8/call 5 OAuth key is at least 2048 bits; the policy key size elsewhere",
          "[certificates]") {
  HandPlan h;
  ContosoFrontEndPool(h);
  h.topology.certificates.key_bits = 1024;  // warned by validation (LT1120)
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(diagnostics.empty());
  CHECK(Get(set, "oauth").key_bits == 2048);
  CHECK(Get(set, "ee01.contoso.com-default").key_bits == 1024);
  CHECK(Get(set, "oauth").install_on == Names{"ee01.contoso.com", "ee02.contoso.com"});

  h.topology.certificates.key_bits = 4096;
  Diagnostics big;
  CertificateSet bigger = BuildCertificates(h.plan, big);
  CHECK(Get(bigger, "oauth").key_bits == 4096);
  CHECK(Get(bigger, "ee01.contoso.com-default").key_bits == 4096);
}

TEST_CASE("the policy hash is used lower-case on every certificate", "[certificates]") {
  HandPlan h;
  ContosoFrontEndPool(h);
  h.topology.certificates.hash = "SHA384";
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  for (const PlannedCertificate& cert : set.certificates) CHECK(cert.hash == "sha384");
}

TEST_CASE("internal CA policy applies to server certificates only", "[certificates]") {
  HandPlan h;
  ContosoEdge(h, {"edge01.contoso.net"});
  h.Pool(PoolKind::kStandardEdition, "se01.contoso.com", {"se01.contoso.com"});
  h.topology.certificates.internal_ca = CaKind::kPublic;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(Get(set, "se01.contoso.com-default").ca == CaKind::kPublic);
  CHECK(Get(set, "lsedge.contoso.net-internal").ca == CaKind::kPublic);
  CHECK(Get(set, "lsedge.contoso.net-external").ca == CaKind::kPublic);
}

// Many SIP domains on one Edge: more names than max_sans.
void ManyDomainsEdge(HandPlan& h, int domains) {
  std::vector<std::string> sip_domains;
  for (int i = 0; i < domains; ++i) sip_domains.push_back(fmt::format("d{}.example", i));
  h.SipDomains(sip_domains);
  h.Pool(PoolKind::kEdge, "edge.corp.example", {"edge01.corp.example"});
  h.Name(NameRole::kAccessEdge, View::kExternal, "sip.d0.example", "edge.corp.example");
  h.Name(NameRole::kWebConferencingEdge, View::kExternal, "webcon.d0.example", "edge.corp.example");
  for (const auto& d : sip_domains) {
    h.Name(NameRole::kSipDomain, View::kExternal, "sip." + d, "edge.corp.example", d);
  }
}

TEST_CASE("max_sans: over the limit warns without a split", "[certificates]") {
  HandPlan h;
  ManyDomainsEdge(h, 12);
  h.topology.certificates.max_sans = 5;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(HasCode(diagnostics, "LT5010"));
  CHECK(Get(set, "edge.corp.example-external").sans.size() == 13);
  CHECK(set.Find("edge.corp.example-external-part2") == nullptr);
}

TEST_CASE("max_sans: a split covers every name exactly once within the limit", "[certificates]") {
  HandPlan h;
  ManyDomainsEdge(h, 12);
  h.topology.certificates.max_sans = 5;
  h.topology.certificates.split_over_max_sans = true;
  Diagnostics diagnostics;
  CertificateSet set = BuildCertificates(h.plan, diagnostics);
  CHECK(HasCode(diagnostics, "LT5011"));
  CHECK_FALSE(HasCode(diagnostics, "LT5010"));

  std::vector<const PlannedCertificate*> parts;
  for (const PlannedCertificate& cert : set.certificates) {
    if (cert.split_of == "edge.corp.example-external") parts.push_back(&cert);
  }
  REQUIRE(parts.size() == 3);  // 13 names, 5 per certificate
  CHECK(parts[0]->id == "edge.corp.example-external");
  CHECK(parts[0]->subject == "sip.d0.example");
  CHECK(parts[1]->id == "edge.corp.example-external-part2");
  CHECK(parts[2]->id == "edge.corp.example-external-part3");
  std::multiset<std::string> covered;
  for (size_t i = 0; i < parts.size(); ++i) {
    const PlannedCertificate& part = *parts[i];
    CHECK(part.part == static_cast<int>(i + 1));
    CHECK(part.parts == 3);
    CHECK(part.sans.size() <= 5);
    CHECK(std::is_sorted(part.sans.begin(), part.sans.end()));
    CHECK(std::find(part.sans.begin(), part.sans.end(), part.subject) != part.sans.end());
    CHECK(part.uses == parts[0]->uses);
    covered.insert(part.sans.begin(), part.sans.end());
  }
  CHECK(covered.size() == 13);
  CHECK(std::set<std::string>(covered.begin(), covered.end()).size() == 13);
}

TEST_CASE("certificate ids are unique and the set is deterministic", "[certificates]") {
  HandPlan h;
  ContosoProxy(h);
  ContosoEdge(h, {"edge01.contoso.net", "edge02.contoso.net"});
  h.Proxy("RP 1", {"webext.contoso.com"});
  Diagnostics d1, d2;
  CertificateSet a = BuildCertificates(h.plan, d1);
  CertificateSet b = BuildCertificates(h.plan, d2);
  std::set<std::string> ids;
  for (const PlannedCertificate& cert : a.certificates) {
    CHECK(ids.insert(cert.id).second);
    CHECK(cert.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos);
  }
  REQUIRE(a.certificates.size() == b.certificates.size());
  for (size_t i = 0; i < a.certificates.size(); ++i) {
    CHECK(a.certificates[i].id == b.certificates[i].id);
    CHECK(a.certificates[i].sans == b.certificates[i].sans);
  }
  CHECK(a.Find("proxy-rp-1") != nullptr);
}

TEST_CASE("SanCovers matches exact names and one-label wildcards", "[certificates]") {
  CHECK(SanCovers("meet.contoso.com", "meet.contoso.com"));
  CHECK(SanCovers("*.contoso.com", "meet.contoso.com"));
  CHECK_FALSE(SanCovers("*.contoso.com", "contoso.com"));
  CHECK_FALSE(SanCovers("*.contoso.com", "a.meet.contoso.com"));
  CHECK_FALSE(SanCovers("*.contoso.com", "meet.contoso.com.evil"));
  CHECK_FALSE(SanCovers("meet.contoso.com", "dialin.contoso.com"));
}

TEST_CASE("SanIndex answers exactly what any_of over SanCovers answers", "[certificates]") {
  const std::vector<std::string> sans = {"*.contoso.com", "meet.fabrikam.com", "*.", "sip.a.b"};
  const SanIndex index(sans);
  const std::vector<std::string> hosts = {"meet.contoso.com",
                                          "contoso.com",
                                          "a.meet.contoso.com",
                                          ".contoso.com",
                                          "*.contoso.com",
                                          "meet.fabrikam.com",
                                          "fabrikam.com",
                                          "x.",
                                          "x.y.",
                                          "sip.a.b",
                                          "a.b",
                                          "",
                                          "meet.contoso.com.evil"};
  for (const std::string& host : hosts) {
    INFO(host);
    bool scanned = std::any_of(sans.begin(), sans.end(),
                               [&](const std::string& san) { return SanCovers(san, host); });
    CHECK(index.Covers(host) == scanned);
  }
  const std::vector<std::string> none;
  CHECK_FALSE(SanIndex(none).Covers("meet.contoso.com"));
}

}  // namespace
}  // namespace lynctopo
