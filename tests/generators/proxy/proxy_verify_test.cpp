#include <catch2/catch.hpp>

#include "generators/proxy/proxy_verify.hpp"

using namespace lynctopo::proxy;

TEST_CASE("verify proxy reports an unreachable proxy per host, never throws", "[proxy]") {
  // Port 9 on 127.0.0.1 (discard) is not listening in the test environment.
  VerifyReport report = VerifyProxyHosts({"meet.contoso.com", "webext.contoso.com"},
                                         "127.0.0.1", 9, 2);
  REQUIRE(report.hosts.size() == 2);
  CHECK_FALSE(report.ok());
  CHECK_FALSE(report.hosts[0].connected);
  CHECK_FALSE(report.hosts[0].error.empty());
  nlohmann::json doc = VerifyReportToJson(report);
  CHECK(doc["format_version"] == 1);
  CHECK(doc["ok"] == false);
  CHECK(doc["hosts"][1]["host"] == "webext.contoso.com");
  CHECK(VerifyReportToText(report).find("0 of 2 public hosts verified") != std::string::npos);
}
