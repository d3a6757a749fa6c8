#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1160 quote in a pool FQDN", "[validate]") {
  Topology t = ValidBase();
  Director(t).external_web_fqdn = "dirext.contoso.com'";
  CHECK(Only(t) ==
        "error: external web FQDN 'dirext.contoso.com'' contains a single quote, which could "
        "break quoting in generated scripts [LT1160]");
}

TEST_CASE("LT1160 every unsafe character is named", "[validate]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a\"b.contoso.com", "a double quote"},
      {"a\\b.contoso.com", "a backslash"},
      {"a$b.contoso.com", "a dollar sign"},
      {"a`b.contoso.com", "a backtick"},
      {"a;b.contoso.com", "a semicolon"},
      {"a b.contoso.com", "whitespace"},
      {"a\tb.contoso.com", "whitespace"},
      {std::string("a\x01") + "b.contoso.com", "a control character"}};
  for (const auto& [value, name] : cases) {
    Topology t = ValidBase();
    t.sites[0].reverse_proxies[0].fqdn = value;
    CHECK(Only(t) == "error: reverse proxy FQDN '" + value + "' contains " + name +
                         ", which could break quoting in generated scripts [LT1160]");
  }
}

TEST_CASE("LT1160 unsafe characters in URLs, accounts and DNs", "[validate]") {
  Topology t = ValidBase();
  t.simple_urls[2].url = "https://dialin.contoso.com/$(calc)";
  t.sites[0].kerberos_account->account = "CONTOSO\\kerb`auth";
  t.sites[1].kerberos_account->account = "CONTOSO\\kerb\\dub";
  t.sites[1].kerberos_account->container_dn = "CN=Computers,DC=contoso;DC=local";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: dialin URL 'https://dialin.contoso.com/$(calc)' contains a dollar "
                   "sign, which could break quoting in generated scripts [LT1160]",
                   "error: Kerberos account 'CONTOSO\\kerb`auth' contains a backtick, which "
                   "could break quoting in generated scripts [LT1160]",
                   "error: Kerberos account 'CONTOSO\\kerb\\dub' contains a backslash, which "
                   "could break quoting in generated scripts [LT1160]",
                   "error: Kerberos container DN 'CN=Computers,DC=contoso;DC=local' contains a "
                   "semicolon, which could break quoting in generated scripts [LT1160]"});
}

TEST_CASE("free text may hold anything", "[validate]") {
  Topology t = ValidBase();
  Site& dublin = SiteNamed(t, "Dublin");
  dublin.description = "O'Connell St; \"HQ\" $5 `x`\n";
  dublin.location = "Baile Átha Cliath";
  FrontEnd(t).description = "it's \\ fine";
  t.name = "Contoso; \"Ltd\"";
  CHECK(Validate(t).empty());
}
