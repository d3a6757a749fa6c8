#include <catch2/catch.hpp>

#include "model/fqdn.hpp"

using lynctopo::Fqdn;
using lynctopo::FqdnError;

TEST_CASE("Fqdn accepts and lower-cases valid names", "[fqdn]") {
  auto f = Fqdn::Parse("Pool01.Contoso.COM.");
  REQUIRE(f);
  CHECK(f->str() == "pool01.contoso.com");
  CHECK(f->FirstLabel() == "pool01");
  CHECK(f->Parent() == "contoso.com");
  CHECK(f->IsWithin("CONTOSO.com"));
  CHECK_FALSE(f->IsWithin("toso.com"));
  CHECK(*f == *Fqdn::Parse("pool01.contoso.com"));
}

TEST_CASE("Fqdn rejects names against the Lync rules", "[fqdn]") {
  CHECK(Fqdn::Check("") == FqdnError::kEmpty);
  CHECK(Fqdn::Check("server") == FqdnError::kSingleLabel);
  CHECK(Fqdn::Check("sql_01.contoso.com") == FqdnError::kBadCharacter);
  CHECK(Fqdn::Check("caf\xc3\xa9.contoso.com") == FqdnError::kBadCharacter);
  CHECK(Fqdn::Check("a..contoso.com") == FqdnError::kEmptyLabel);
  CHECK(Fqdn::Check("-a.contoso.com") == FqdnError::kHyphenAtEdge);
  CHECK(Fqdn::Check("10.0.0.1") == FqdnError::kNumericTld);
  CHECK(Fqdn::Check(std::string(64, 'a') + ".com") == FqdnError::kLabelTooLong);
  std::string longname;
  for (int i = 0; i < 51; ++i) longname += "abcd.";
  longname += "com";
  CHECK(Fqdn::Check(longname) == FqdnError::kTooLong);
  CHECK(Fqdn::Check(std::string(63, 'a') + ".com") == FqdnError::kNone);
}
