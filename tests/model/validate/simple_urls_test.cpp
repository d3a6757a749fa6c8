#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

namespace {
SimpleUrl& Url(Topology& t, SimpleUrlKind kind, const std::string& domain = "*") {
  for (SimpleUrl& url : t.simple_urls) {
    if (url.kind == kind && url.domain == domain) return url;
  }
  throw std::logic_error("no such simple URL");
}
}  // namespace

TEST_CASE("LT1080 Meet URL missing for a SIP domain", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kMeet, "fabrikam.com").active = false;
  CHECK(Only(t) ==
        "warning: the global scope has no active meet URL for SIP domain 'fabrikam.com': its "
        "users' meetings have no join link, and no Meet name is planned for it (no DNS record, "
        "certificate name or proxy rule) [LT1080]");
}

TEST_CASE("LT1081 Dialin missing", "[validate]") {
  Topology t = ValidBase();
  std::erase_if(t.simple_urls, [](const SimpleUrl& u) { return u.kind == SimpleUrlKind::kDialin; });
  CHECK(Only(t) ==
        "warning: the global scope has no active dialin URL: dial-in conferencing has no "
        "settings page, and no Dialin name is planned [LT1081]");
}

TEST_CASE("LT1082 two active Dialin URLs; inactive entries do not count", "[validate]") {
  Topology t = ValidBase();
  t.simple_urls.push_back(MakeUrl(SimpleUrlKind::kDialin, "*", "https://dialin2.contoso.com"));
  CHECK(Only(t) ==
        "error: dialin URL 'https://dialin2.contoso.com' is a second active dialin URL in the "
        "global scope besides 'https://dialin.contoso.com' [LT1082]");
  t.simple_urls.back().active = false;
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1083 two active Admin URLs", "[validate]") {
  Topology t = ValidBase();
  t.simple_urls.push_back(MakeUrl(SimpleUrlKind::kAdmin, "*", "https://cscp.contoso.com"));
  CHECK(Only(t) ==
        "error: admin URL 'https://cscp.contoso.com' is a second active admin URL in the global "
        "scope besides 'https://admin.contoso.com' [LT1083]");
}

TEST_CASE("LT1084 URL not https", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kDialin).url = "http://dialin.contoso.com";
  CHECK(Only(t) ==
        "error: dialin URL 'http://dialin.contoso.com' does not start with https:// [LT1084]");
}

TEST_CASE("LT1084 empty URL", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kMeet, "contoso.com").url.clear();
  CHECK(Only(t) == "error: meet URL for domain 'contoso.com' is empty [LT1084]");
}

TEST_CASE("LT1085 URL with a port", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kMeet, "contoso.com").url = "https://meet.contoso.com:88/meet";
  CHECK(Only(t) ==
        "error: meet URL 'https://meet.contoso.com:88/meet' names a port; simple URLs are served "
        "on 443 only [LT1085]");
}

TEST_CASE("LT1086 URL containing a pool FQDN", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kDialin).url = "https://Pool01.contoso.local/dialin";
  CHECK(Only(t) ==
        "error: dialin URL 'https://Pool01.contoso.local/dialin' uses the FQDN of front-end pool "
        "'pool01.contoso.local' [LT1086]");
}

TEST_CASE("LT1004 URL with an invalid host", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kAdmin).url = "https://admin_site.contoso.com";
  CHECK(Only(t) ==
        "error: host 'admin_site.contoso.com' of admin URL 'https://admin_site.contoso.com' "
        "contains a character other than letters, digits, hyphen and dot [LT1004]");
}

TEST_CASE("LT1087 URL prefix of another", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kMeet, "contoso.com").url = "https://lync.contoso.com/Meet";
  Url(t, SimpleUrlKind::kDialin).url = "https://lync.contoso.com/Meet/Dialin";
  Url(t, SimpleUrlKind::kAdmin).url = "https://lync.contoso.com/Meet-Admin";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "warning: admin URL 'https://lync.contoso.com/Meet-Admin' has a hyphen in its "
                   "path; Lync documents only letters, digits and '.' there [LT1094]",
                   "error: dialin URL 'https://lync.contoso.com/Meet/Dialin' lies below the meet "
                   "URL 'https://lync.contoso.com/Meet'; no simple URL may be a prefix of another "
                   "[LT1087]"});
}

TEST_CASE("LT1087 a host-only URL is a prefix of its paths, across scopes", "[validate]") {
  Topology t = ValidBase();
  Site& redmond = SiteNamed(t, "Redmond");
  redmond.simple_urls = {
      MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://meet.contoso.com/redmond"),
      MakeUrl(SimpleUrlKind::kMeet, "fabrikam.com", "https://meet.fabrikam.com/redmond"),
      MakeUrl(SimpleUrlKind::kDialin, "*", "https://dialin.contoso.com/redmond"),
      MakeUrl(SimpleUrlKind::kAdmin, "*", "https://admin.contoso.com/redmond")};
  std::vector<std::string> all = Validate(t);
  REQUIRE(all.size() == 4);
  CHECK(all[0] ==
        "error: admin URL 'https://admin.contoso.com/redmond' of site 'Redmond' lies below the "
        "admin URL 'https://admin.contoso.com'; no simple URL may be a prefix of another "
        "[LT1087]");
}

TEST_CASE("LT1088 the same URL twice", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kMeet, "fabrikam.com").url = "https://MEET.contoso.com/";
  CHECK(Only(t) ==
        "error: meet URL 'https://MEET.contoso.com/' duplicates the meet URL "
        "'https://meet.contoso.com' [LT1088]");
}

TEST_CASE("LT1089 URL characters", "[validate]") {
  Topology t = ValidBase();
  Url(t, SimpleUrlKind::kDialin).url = "https://dialin.contoso.com/dial_in?x=1";
  CHECK(Only(t) ==
        "error: dialin URL 'https://dialin.contoso.com/dial_in?x=1' contains '_'; use letters, "
        "digits, '.' and '/' only [LT1089]");
}

TEST_CASE("LT1091 simple URL domain is not a SIP domain", "[validate]") {
  Topology t = ValidBase();
  t.simple_urls.push_back(MakeUrl(SimpleUrlKind::kMeet, "litware.com", "https://meet.litware.com"));
  Url(t, SimpleUrlKind::kDialin).domain = "litware.com";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: dialin URL 'https://dialin.contoso.com' names domain 'litware.com', "
                   "which is neither '*' nor a SIP domain [LT1091]",
                   "error: meet URL 'https://meet.litware.com' names domain 'litware.com', which "
                   "is not a SIP domain [LT1091]"});
}

TEST_CASE("LT1092 incomplete site-scoped simple URLs (F20)", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Dublin").simple_urls = {
      MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://dublinmeet.contoso.com")};
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: site 'Dublin' scopes some simple URLs but has no active meet URL for "
                   "SIP domain 'fabrikam.com'; a site scopes all of them or none [LT1092]",
                   "error: site 'Dublin' scopes some simple URLs but has no active dialin URL; a "
                   "site scopes all of them or none [LT1092]",
                   "error: site 'Dublin' scopes some simple URLs but has no active admin URL; a "
                   "site scopes all of them or none [LT1092]"});
}

TEST_CASE("complete site-scoped simple URLs are valid", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Dublin").simple_urls = {
      MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://dublinmeet.contoso.com"),
      MakeUrl(SimpleUrlKind::kMeet, "fabrikam.com", "https://dublinmeet.fabrikam.com"),
      MakeUrl(SimpleUrlKind::kDialin, "*", "https://dublindialin.contoso.com"),
      MakeUrl(SimpleUrlKind::kAdmin, "*", "https://dublinadmin.contoso.com")};
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1093 site-scoped simple URLs on a branch site", "[validate]") {
  Topology t = ValidBase();
  SiteNamed(t, "Branch1").simple_urls = {
      MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://b1meet.contoso.com"),
      MakeUrl(SimpleUrlKind::kMeet, "fabrikam.com", "https://b1meet.fabrikam.com"),
      MakeUrl(SimpleUrlKind::kDialin, "*", "https://b1dialin.contoso.com"),
      MakeUrl(SimpleUrlKind::kAdmin, "*", "https://b1admin.contoso.com")};
  CHECK(Only(t) ==
        "error: branch site 'Branch1' has site-scoped simple URLs; only central sites can "
        "[LT1093]");
}
