// Names a public CA will not issue (docs/domain-calls.md): since November 2015 the CA/Browser
// Forum Baseline Requirements forbid internal names (single label, non-delegated or reserved
// top-level domains) on publicly trusted certificates. Internal-only domains stay valid inside.

#include <catch2/catch.hpp>

#include <memory>

#include "generators/certificates/certificate_model.hpp"
#include "generators/certificates/public_ca_names.hpp"
#include "generators/dns/dns_model.hpp"
#include "tests/generators/certificates/hand_plan.hpp"

using namespace lynctopo;
using lynctopo::testing::HandPlan;

namespace {

size_t Count(const Diagnostics& d, const std::string& code) {
  size_t n = 0;
  for (const Diagnostic& item : d.items()) n += item.code == code;
  return n;
}

}  // namespace

TEST_CASE("Which names a public CA refuses", "[certificates][public-ca]") {
  for (const char* name : {"pool01.contoso.local", "fe01.contoso.corp", "lyncsrv", "*.contoso.lan",
                           "sip.contoso.internal", "x.home.arpa", "meet.contoso.test", "a.b.123",
                           "LYNC.CONTOSO.LOCAL."}) {
    INFO(name);
    CHECK(PublicCaRefuses(name).has_value());
  }
  for (const char* name : {"sip.contoso.com", "webext.contoso.com", "*.fabrikam.com",
                           "meet.localhost-example.net", "contoso.co.uk", "lync.home.com"}) {
    INFO(name);
    CHECK_FALSE(PublicCaRefuses(name).has_value());
  }
  CHECK(*PublicCaRefuses("pool01.contoso.local") == "the internal-only top-level domain '.local'");
  CHECK(*PublicCaRefuses("lyncsrv") == "a single-label name");
}

TEST_CASE("LT5104: a public-CA certificate with a .local name; never for an internal CA",
          "[certificates][public-ca][check]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kStandardEdition, "se01.contoso.local", {"se01.contoso.local"});
  h.Name(NameRole::kSipDomain, View::kInternal, "sip.contoso.com", "se01.contoso.local");
  Diagnostics build;
  ArtifactSet artifacts;
  artifacts.plan = &h.plan;

  // Real deployments name their servers in contoso.local: fine with the internal CA.
  artifacts.certificates = std::make_shared<const CertificateSet>(BuildCertificates(h.plan, build));
  Diagnostics internal;
  CheckPublicCaNames(artifacts, internal);
  CHECK(Count(internal, "LT5104") == 0);

  h.topology.certificates.internal_ca = CaKind::kPublic;
  artifacts.certificates = std::make_shared<const CertificateSet>(BuildCertificates(h.plan, build));
  Diagnostics found;
  CheckPublicCaNames(artifacts, found);
  REQUIRE(Count(found, "LT5104") >= 1);
  const std::string message = found.items().front().message;
  CHECK(message.find("se01.contoso.local") != std::string::npos);          // the name
  CHECK(message.find("se01.contoso.local-default") != std::string::npos);  // the certificate
}

TEST_CASE("LT6014: an external zone for an internal-only domain", "[dns][public-ca][check]") {
  DnsRecordSet set;
  set.zones = {{View::kInternal, "contoso.local"}, {View::kExternal, "contoso.com"}};
  ArtifactSet artifacts;
  artifacts.dns = std::make_shared<const DnsRecordSet>(set);
  Diagnostics clean;
  CheckExternalZonesArePublic(artifacts, clean);
  CHECK(clean.empty());

  set.zones.push_back({View::kExternal, "contoso.local"});
  artifacts.dns = std::make_shared<const DnsRecordSet>(set);
  Diagnostics found;
  CheckExternalZonesArePublic(artifacts, found);
  CHECK(Count(found, "LT6014") == 1);
}
