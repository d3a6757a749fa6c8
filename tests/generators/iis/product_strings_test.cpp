// One table of product-specific strings keyed by version (docs/domain-calls.md): the IIS site
// names the binding checks of iis/ and request-certificates.ps1 look for are the ones each
// product's setup creates ("Lync Server External Web Site" for Lync Server 2013, "Skype for
// Business Server External Web Site" for Skype for Business Server 2015 / 2019).

#include <catch2/catch.hpp>

#include "generators/certificates/certificate_model.hpp"
#include "generators/certificates/certificate_views.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/product_strings.hpp"
#include "tests/generators/certificates/hand_plan.hpp"

using namespace lynctopo;
using lynctopo::testing::HandPlan;

namespace {

std::vector<std::string> SitesOf(const IisPlan& iis) {
  std::vector<std::string> sites;
  for (const IisBinding& b : iis.servers.at(0).bindings) sites.push_back(b.web_site);
  return sites;
}

}  // namespace

TEST_CASE("IIS site names follow the product version", "[iis][product]") {
  HandPlan h;
  h.SipDomains({"contoso.com"});
  h.Pool(PoolKind::kStandardEdition, "se01.contoso.com", {"se01.contoso.com"});
  Diagnostics d;

  h.topology.version = ProductVersion::kLync2013;
  CHECK(SitesOf(BuildIisPlan(h.plan, d)) ==
        std::vector<std::string>{"Lync Server Internal Web Site", "Lync Server Internal Web Site",
                                 "Lync Server External Web Site", "Lync Server External Web Site"});
  for (ProductVersion version : {ProductVersion::kSkype2015, ProductVersion::kSkype2019}) {
    h.topology.version = version;
    std::vector<std::string> sites = SitesOf(BuildIisPlan(h.plan, d));
    CHECK(sites.front() == "Skype for Business Server Internal Web Site");
    CHECK(sites.back() == "Skype for Business Server External Web Site");
    // request-certificates.ps1 checks the same external site.
    nlohmann::json view = CertificatesView(h.plan, BuildCertificates(h.plan, d)).Materialized();
    CHECK(view["external_web_site_ps"] == "'Skype for Business Server External Web Site'");
    CHECK(view["management_shell"] == "Skype for Business Server Management Shell");
  }
  CHECK(std::string(ProductStringsFor(ProductVersion::kSkype2019).product) ==
        "Skype for Business Server 2019");
}
