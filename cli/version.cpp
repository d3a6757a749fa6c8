#include "cli/version.hpp"

#include <fmt/format.h>
#include <ldns/ldns.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <CLI/Version.hpp>
#include <pugixml.hpp>

#include "build_info.hpp"

namespace lynctopo::cli {

namespace {

// PUGIXML_VERSION is major * 1000 + minor * 10 (1.13 = 1130) since 1.12, major * 100 +
// minor before.
std::string PugixmlVersion() {
  const int v = PUGIXML_VERSION;
  return v >= 1000 ? fmt::format("{}.{}", v / 1000, (v % 1000) / 10)
                   : fmt::format("{}.{}", v / 100, v % 100);
}

}  // namespace

nlohmann::json VersionJson() {
  nlohmann::json libraries = {
      {"pugixml", PugixmlVersion()},
      {"nlohmann_json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR,
                                    NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
      {"cli11", CLI11_VERSION},
      // The library actually loaded, which may be newer than the headers built against.
      {"openssl", OpenSSL_version(OPENSSL_VERSION)},
      {"mustache", LYNCTOPO_MUSTACHE_VERSION},
      {"fmt",
       fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"ldns", LDNS_VERSION},
  };
  return {{"format_version", 1},           {"version", LYNCTOPO_VERSION},
          {"git", LYNCTOPO_GIT_DESCRIBE},  {"build_type", LYNCTOPO_BUILD_TYPE},
          {"compiler", LYNCTOPO_COMPILER}, {"libraries", libraries}};
}

std::string VersionText() {
  nlohmann::json v = VersionJson();
  std::string out =
      fmt::format("lynctopo {} (git {})\nbuild: {}, {}\n", v["version"].get<std::string>(),
                  v["git"].get<std::string>(), v["build_type"].get<std::string>(),
                  v["compiler"].get<std::string>());
  for (const auto& [name, version] : v["libraries"].items()) {
    out += fmt::format("{}: {}\n", name, version.get<std::string>());
  }
  return out;
}

}  // namespace lynctopo::cli
