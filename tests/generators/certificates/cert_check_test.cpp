// `certs check` findings on certificates made here with a throwaway CA.

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "generators/certificates/cert_check.hpp"
#include "tests/generators/certificates/hand_plan.hpp"
#include "tests/generators/certificates/test_certs.hpp"

namespace lynctopo {
namespace {

using testing::HandPlan;
using testing::LeafSpec;
using testing::TestCa;

const TestCa& Ca() {
  static const TestCa ca;
  return ca;
}

// The C11 Edge plus a Front End pool, built by hand.
struct Fixture {
  HandPlan h;
  CertificateSet set;
  Fixture() {
    h.SipDomains({"contoso.com", "fabrikam.com"});
    h.Pool(PoolKind::kFrontEnd, "pool01.contoso.net", {"fe01.contoso.net"});
    h.Pool(PoolKind::kEdge, "lsedge.contoso.net", {"edge01.contoso.net"});
    h.Name(NameRole::kAccessEdge, View::kExternal, "sip.contoso.com", "lsedge.contoso.net");
    h.Name(NameRole::kWebConferencingEdge, View::kExternal, "webcon.contoso.com",
           "lsedge.contoso.net");
    h.Name(NameRole::kSipDomain, View::kExternal, "sip.contoso.com", "lsedge.contoso.net");
    h.Name(NameRole::kSipDomain, View::kExternal, "sip.fabrikam.com", "lsedge.contoso.net");
    Diagnostics diagnostics;
    set = BuildCertificates(h.plan, diagnostics);
  }

  CertCheckReport Check(const LeafSpec& spec, const std::string& selector = "") const {
    std::vector<LoadedCertificate> certs;
    certs.push_back(Ca().Leaf(spec));
    CertCheckOptions options;
    options.for_selector = selector;
    return CheckCertificates(certs, SelectPlanned(set, selector), options);
  }
};

LeafSpec GoodEdge() {
  LeafSpec spec;
  spec.cn = "sip.contoso.com";
  spec.sans = {"sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"};
  return spec;
}

std::vector<std::string> Codes(const CertCheckReport& report) {
  std::vector<std::string> out;
  for (const auto& cert : report.certificates) {
    for (const auto& f : cert.findings) out.push_back(f.code);
  }
  return out;
}

bool Has(const CertCheckReport& report, const std::string& code) {
  auto codes = Codes(report);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST_CASE("certs check: the planned Edge external certificate passes", "[certs-check]") {
  Fixture f;
  CertCheckReport report = f.Check(GoodEdge());
  REQUIRE(report.certificates.size() == 1);
  const CheckedCertificate& cert = report.certificates[0];
  REQUIRE(cert.planned != nullptr);
  CHECK(cert.planned->id == "lsedge.contoso.net-external");
  CHECK(Codes(report) == std::vector<std::string>{"LT5315"});  // the exportability note only
  CHECK_FALSE(report.FallsShort());
  CHECK(cert.key_type == "RSA");
  CHECK(cert.key_bits == 2048);
  CHECK(cert.hash == "sha256");
  CHECK(cert.subject == "sip.contoso.com");
  nlohmann::json json = CertCheckReportJson(report);
  CHECK(json["format_version"] == 1);
  CHECK(json["result"] == "ok");
  CHECK(json["certificates"][0]["planned"] == "lsedge.contoso.net-external");
}

TEST_CASE("certs check: missing and extra SANs", "[certs-check]") {
  Fixture f;
  LeafSpec missing = GoodEdge();
  missing.sans = {"sip.contoso.com", "webcon.contoso.com"};
  CertCheckReport report = f.Check(missing);
  CHECK(Has(report, "LT5301"));
  CHECK(report.FallsShort());
  CHECK(CertCheckReportText(report).find("missing SAN sip.fabrikam.com") != std::string::npos);

  LeafSpec extra = GoodEdge();
  extra.sans.push_back("legacy.contoso.com");
  CertCheckReport extra_report = f.Check(extra);
  CHECK(Has(extra_report, "LT5302"));
  CHECK(extra_report.errors() == 0);
  CHECK(extra_report.FallsShort());  // a warning still falls short
}

TEST_CASE("certs check: subject mismatch and wildcards", "[certs-check]") {
  Fixture f;
  LeafSpec subject = GoodEdge();
  subject.cn = "webcon.contoso.com";
  CHECK(Has(f.Check(subject, "edge-external"), "LT5303"));

  LeafSpec wild_subject = GoodEdge();
  wild_subject.cn = "*.contoso.com";
  CHECK(Has(f.Check(wild_subject, "lsedge.contoso.net-external"), "LT5304"));

  LeafSpec wild_san = GoodEdge();
  wild_san.sans = {"sip.contoso.com", "*.contoso.com", "sip.fabrikam.com"};
  CertCheckReport report = f.Check(wild_san, "edge-external");
  CHECK(Has(report, "LT5304"));        // no wildcard on the Edge external certificate (A.12)
  CHECK_FALSE(Has(report, "LT5301"));  // the wildcard still covers webcon.contoso.com
}

TEST_CASE("certs check: EKU and CRL distribution point", "[certs-check]") {
  Fixture f;
  LeafSpec no_cdp = GoodEdge();
  no_cdp.cdp = false;
  CHECK(Has(f.Check(no_cdp), "LT5306"));
  LeafSpec no_eku = GoodEdge();
  no_eku.server_eku = false;
  CHECK(Has(f.Check(no_eku), "LT5305"));
}

TEST_CASE("certs check: key sizes and algorithms", "[certs-check]") {
  Fixture f;
  LeafSpec small = GoodEdge();
  small.rsa_bits = 1024;
  CertCheckReport report = f.Check(small);
  CHECK(Has(report, "LT5308"));
  CHECK(report.errors() == 0);

  LeafSpec odd = GoodEdge();
  odd.rsa_bits = 3072;
  CHECK(Has(f.Check(odd), "LT5307"));

  for (const char* curve : {"P-256", "P-384", "P-521"}) {
    LeafSpec ec = GoodEdge();
    ec.ec_curve = curve;
    CertCheckReport ec_report = f.Check(ec);
    CHECK(ec_report.certificates[0].curve == curve);
    CHECK_FALSE(ec_report.FallsShort());
  }
  LeafSpec koblitz = GoodEdge();
  koblitz.ec_curve = "secp256k1";
  CHECK(Has(f.Check(koblitz), "LT5317"));
}

TEST_CASE("certs check: signatures", "[certs-check]") {
  Fixture f;
  LeafSpec pss = GoodEdge();
  pss.pss = true;
  CertCheckReport pss_report = f.Check(pss);
  CHECK(Has(pss_report, "LT5309"));
  CHECK(pss_report.certificates[0].hash == "sha256");

  LeafSpec sha1 = GoodEdge();
  sha1.md = EVP_sha1();
  CertCheckReport sha1_report = f.Check(sha1);
  CHECK(Has(sha1_report, "LT5311"));
  CHECK(sha1_report.errors() == 0);

  LeafSpec sha512 = GoodEdge();
  sha512.md = EVP_sha512();
  CHECK_FALSE(f.Check(sha512).FallsShort());
}

TEST_CASE("certs check: validity period", "[certs-check]") {
  Fixture f;
  LeafSpec expired = GoodEdge();
  expired.not_before_days = -400;
  expired.not_after_days = -1;
  CHECK(Has(f.Check(expired), "LT5314"));

  LeafSpec future = GoodEdge();
  future.not_before_days = 10;
  CHECK(Has(f.Check(future), "LT5312"));

  LeafSpec soon = GoodEdge();
  soon.not_after_days = 10;
  CertCheckReport report = f.Check(soon);
  CHECK(Has(report, "LT5313"));
  CHECK(report.errors() == 0);
}

TEST_CASE("certs check: matching by names, --for and no match", "[certs-check]") {
  Fixture f;
  LeafSpec unrelated;
  unrelated.cn = "www.example.org";
  unrelated.sans = {"www.example.org"};
  CertCheckReport report = f.Check(unrelated);
  CHECK(Has(report, "LT5316"));
  CHECK(report.certificates[0].planned == nullptr);

  LeafSpec internal;
  internal.cn = "lsedge.contoso.net";
  internal.sans = {"lsedge.contoso.net"};
  CertCheckReport by_names = f.Check(internal);
  REQUIRE(by_names.certificates[0].planned);
  CHECK(by_names.certificates[0].planned->id == "lsedge.contoso.net-internal");
  CHECK_FALSE(by_names.FallsShort());

  CHECK(SelectPlanned(f.set, "edge01.contoso.net").size() == 2);
  CHECK(SelectPlanned(f.set, "front-end").size() == 1);
  CHECK(SelectPlanned(f.set, "oauth").size() == 1);
  CHECK(SelectPlanned(f.set, "nothing.contoso.net").empty());
  CHECK(SelectPlanned(f.set, "").size() == f.set.certificates.size());
}

TEST_CASE("certs check: OAuth needs 2048 bits", "[certs-check]") {
  Fixture f;
  LeafSpec oauth;
  oauth.cn = "pool01.contoso.net";
  oauth.sans = {};
  oauth.rsa_bits = 1024;
  CertCheckReport report = f.Check(oauth, "oauth");
  CHECK(Has(report, "LT5318"));
}

TEST_CASE("certs check: PEM bundles and DER files load with their chain", "[certs-check]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("lynctopo-certs-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  X509Ptr leaf = Ca().Issue(GoodEdge());
  {
    std::ofstream pem(dir / "bundle.pem");
    pem << TestCa::Pem(leaf.get()) << TestCa::Pem(Ca().cert());
    unsigned char* der = nullptr;
    int length = i2d_X509(leaf.get(), &der);
    std::ofstream out(dir / "leaf.der", std::ios::binary);
    out.write(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    std::ofstream junk(dir / "junk.pem");
    junk << "not a certificate\n";
  }
  Diagnostics diagnostics;
  auto bundle = LoadCertificateFile((dir / "bundle.pem").string(), diagnostics);
  REQUIRE(bundle.size() == 2);
  CHECK(bundle[0].leaf);
  CHECK_FALSE(bundle[1].leaf);
  CHECK(bundle[1].source.ends_with("bundle.pem#2"));
  auto der = LoadCertificateFile((dir / "leaf.der").string(), diagnostics);
  REQUIRE(der.size() == 1);
  CHECK(der[0].leaf);
  CHECK(diagnostics.empty());

  Fixture f;
  CertCheckReport report = CheckCertificates(bundle, SelectPlanned(f.set, ""), {});
  REQUIRE(report.certificates.size() == 2);
  CHECK(report.certificates[1].findings.empty());  // the CA: not compared with the plan
  CHECK_FALSE(report.FallsShort());

  LoadCertificateFile((dir / "junk.pem").string(), diagnostics);
  LoadCertificateFile((dir / "absent.pem").string(), diagnostics);
  CHECK(diagnostics.error_count() == 2);
  fs::remove_all(dir);
}

TEST_CASE("certs check: a refused connection is an error, not a crash", "[certs-check]") {
  Diagnostics diagnostics;
  auto none = FetchCertificates("127.0.0.1:1", 2, diagnostics);
  CHECK(none.empty());
  CHECK(diagnostics.HasErrors());
  Diagnostics bad;
  FetchCertificates("no-port", 1, bad);
  CHECK(bad.HasErrors());
}

}  // namespace
}  // namespace lynctopo
