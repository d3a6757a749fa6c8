#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1100 Kerberos account not DOMAIN\\name", "[validate]") {
  Topology t = ValidBase();
  t.sites[0].kerberos_account->account = "kerbauth@contoso.local";
  CHECK(Only(t) ==
        "error: Kerberos account 'kerbauth@contoso.local' of site 'Redmond' is not of the form "
        "DOMAIN\\name (user@domain is not accepted) [LT1100]");
  t.sites[0].kerberos_account->account = "CONTOSO\\";
  CHECK(Only(t) ==
        "error: Kerberos account 'CONTOSO\\' of site 'Redmond' is not of the form DOMAIN\\name "
        "[LT1100]");
}

TEST_CASE("LT1101 Kerberos account name longer than 15 characters", "[validate]") {
  Topology t = ValidBase();
  t.sites[0].kerberos_account->account = "CONTOSO\\kerberosaccount1";
  CHECK(Only(t) ==
        "error: Kerberos account name 'kerberosaccount1' of site 'Redmond' is longer than 15 "
        "characters [LT1101]");
  t.sites[0].kerberos_account->account = "CONTOSO\\kerberosaccount";  // exactly 15
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1104 Kerberos account name with a forbidden character", "[validate]") {
  Topology t = ValidBase();
  t.sites[0].kerberos_account->account = "CONTOSO\\kerb.auth";
  CHECK(Only(t) ==
        "error: Kerberos account name 'kerb.auth' of site 'Redmond' contains '.', which a "
        "computer account name cannot [LT1104]");
}

TEST_CASE("LT1103 Kerberos account outside the NetBIOS domain", "[validate]") {
  Topology t = ValidBase();
  t.sites[1].kerberos_account->account = "FABRIKAM\\kerbdub";
  CHECK(Only(t) ==
        "warning: Kerberos account 'FABRIKAM\\kerbdub' of site 'Dublin' is in domain "
        "'FABRIKAM', not in the NetBIOS domain 'CONTOSO' [LT1103]");
}

TEST_CASE("LT1102 Kerberos container DN syntax", "[validate]") {
  Topology t = ValidBase();
  auto& kerberos = *t.sites[0].kerberos_account;
  kerberos.container_dn = "OU=Lync Servers,DC=contoso,DC=local";
  CHECK(Validate(t).empty());
  kerberos.container_dn = "Computers/contoso.local";
  CHECK(Only(t) ==
        "error: Kerberos container DN 'Computers/contoso.local' of site 'Redmond' is not a "
        "distinguished name like CN=Computers,DC=contoso,DC=local [LT1102]");
  kerberos.container_dn = "CN=Computers,,DC=local";
  CHECK(Validate(t).size() == 1);
  kerberos.container_dn = "CN=Computers";
  CHECK(Validate(t).size() == 1);
}

TEST_CASE("Kerberos findings point at the account, else at its site", "[validate]") {
  Topology t = ValidBase();
  t.source_file = "t.json";
  t.sites[0].origin.loc = {10, 3, "/sites/0"};
  t.sites[0].kerberos_account->account = "kerbauth";
  CHECK(Only(t) ==
        "t.json:10:3: error: Kerberos account 'kerbauth' of site 'Redmond' is not of the form "
        "DOMAIN\\name [LT1100]");
  t.sites[0].kerberos_account->origin.SetField("account",
                                               {12, 18, "/sites/0/kerberos_account/account"});
  CHECK(Only(t).starts_with("t.json:12:18: error: Kerberos account 'kerbauth'"));
}
