#include <catch2/catch.hpp>

#include "generators/output_set.hpp"

using lynctopo::Diagnostics;
using lynctopo::OutputSet;

namespace {

// The code of the one diagnostic Add reported, or "" when it accepted the path.
std::string AddCode(OutputSet& set, const std::string& path) {
  Diagnostics diagnostics;
  bool added = set.Add(path, "x", "test", diagnostics);
  if (added) {
    CHECK(diagnostics.empty());
    return "";
  }
  REQUIRE(diagnostics.items().size() == 1);
  return diagnostics.items()[0].code;
}

}  // namespace

TEST_CASE("OutputSet accepts relative paths and keeps them sorted", "[generators][output]") {
  OutputSet set;
  CHECK(AddCode(set, "dns/zone.txt") == "");
  CHECK(AddCode(set, "certificates/requests/fe01.inf") == "");
  CHECK(AddCode(set, "README.txt") == "");
  CHECK(AddCode(set, "a.b/..c/c..") == "");  // dots inside names are fine
  std::vector<std::string> paths;
  for (const auto& [path, artifact] : set.artifacts()) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{"README.txt", "a.b/..c/c..",
                                          "certificates/requests/fe01.inf", "dns/zone.txt"});
  CHECK(set.artifacts().at("dns/zone.txt").generator == "test");
}

TEST_CASE("OutputSet rejects unsafe paths with a diagnostic", "[generators][output]") {
  OutputSet set;
  CHECK(AddCode(set, "/etc/passwd") == "LT4001");
  CHECK(AddCode(set, "C:/x.txt") == "LT4001");
  CHECK(AddCode(set, "") == "LT4002");
  CHECK(AddCode(set, "../x") == "LT4002");
  CHECK(AddCode(set, "dns/../../x") == "LT4002");
  CHECK(AddCode(set, "dns/./x") == "LT4002");
  CHECK(AddCode(set, ".") == "LT4002");
  CHECK(AddCode(set, "dns//x") == "LT4002");
  CHECK(AddCode(set, "dns/") == "LT4002");
  CHECK(AddCode(set, "dns\\x") == "LT4003");
  CHECK(AddCode(set, std::string("dns/x\ny")) == "LT4003");
  CHECK(AddCode(set, "manifest.json") == "LT4005");
  CHECK(set.size() == 0);
}

TEST_CASE("OutputSet rejects a second claim of one path", "[generators][output]") {
  OutputSet set;
  Diagnostics diagnostics;
  REQUIRE(set.Add("dns/zone.txt", "first", "dns", diagnostics));
  CHECK_FALSE(set.Add("dns/zone.txt", "second", "proxy", diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].code == "LT4004");
  CHECK(diagnostics.items()[0].message.find("proxy") != std::string::npos);
  CHECK(diagnostics.items()[0].message.find("dns") != std::string::npos);
  CHECK(set.artifacts().at("dns/zone.txt").content == "first");
}
