// The SOA serial moves exactly when a zone's content does (docs/domain-calls.md, "Name servers
// and the SOA serial").

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "generators/dns/dns_render.hpp"

namespace lynctopo {
namespace {

TEST_CASE("SOA serial: read back from a zone file", "[dns][serial]") {
  CHECK(SoaSerialOf("$ORIGIN contoso.com.\n@ IN SOA ns1.contoso.com. h.contoso.com. (\n"
                    "    41 ; serial\n    3600 ; refresh\n)\n") == 41u);
  CHECK(SoaSerialOf("@ 3600 IN SOA ns1. h. 2026120101 3600 900 1209600 3600\n") == 2026120101u);
  // A comment mentioning SOA is not the record.
  CHECK(SoaSerialOf("; the SOA below\n@ IN SOA a. b. ( 7 1 1 1 1 )\n") == 7u);
  CHECK_FALSE(SoaSerialOf("no record here\n").has_value());
  CHECK_FALSE(SoaSerialOf("@ IN SOA a. b. ( 99999999999 1 1 1 1 )\n").has_value());
}

TEST_CASE("SOA serial: kept when the zone is unchanged, next when it changed", "[dns][serial]") {
  auto zone = [](const std::string& body) {
    return [body](uint32_t serial) {
      return "@ IN SOA ns1.contoso.com. h.contoso.com. ( " + std::to_string(serial) +
             " 3600 900 1209600 3600 )\n" + body;
    };
  };
  const auto before = zone("sip IN A 10.0.0.10\n");
  CHECK(NextSoaSerial(std::nullopt, before) == 1u);                     // no history
  CHECK(NextSoaSerial(before(7), before) == 7u);                        // same content: same serial
  CHECK(NextSoaSerial(before(7), zone("sip IN A 10.0.0.11\n")) == 8u);  // changed
  CHECK(NextSoaSerial(before(4294967295u), zone("x IN A 10.0.0.1\n")) == 1u);  // wraps, never 0
  CHECK(NextSoaSerial(std::string("garbage"), before) == 1u);                  // unreadable history
}

}  // namespace
}  // namespace lynctopo
