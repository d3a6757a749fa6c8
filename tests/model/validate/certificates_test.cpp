#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1120 1024-bit keys are warned about", "[validate]") {
  Topology t = ValidBase();
  t.certificates.key_bits = 1024;
  CHECK(Only(t) ==
        "warning: key size 1024 bits is allowed by Lync but weak; use 2048 or more [LT1120]");
  t.certificates.key_bits = 4096;
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1121 unsupported key size", "[validate]") {
  Topology t = ValidBase();
  t.certificates.key_bits = 3072;
  CHECK(Only(t) == "error: key size 3072 bits is not one of 1024, 2048 or 4096 [LT1121]");
}

TEST_CASE("LT1122 SHA-1 is warned about", "[validate]") {
  Topology t = ValidBase();
  t.certificates.hash = "SHA1";
  CHECK(Only(t) ==
        "warning: hash 'sha1' is deprecated; public CAs no longer issue SHA-1 certificates "
        "[LT1122]");
}

TEST_CASE("LT1123 unknown hash", "[validate]") {
  Topology t = ValidBase();
  t.certificates.hash = "md5";
  CHECK(Only(t) == "error: hash 'md5' is not one of sha1, sha256, sha384 or sha512 [LT1123]");
  t.certificates.hash = "sha384";
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1124 max_sans below 1", "[validate]") {
  Topology t = ValidBase();
  t.certificates.max_sans = 0;
  CHECK(Only(t) == "error: max_sans 0 must be at least 1 [LT1124]");
}
