// Addresses are stored in one spelling (RFC 5952 for IPv6) so that every artifact and every
// consistency rule agrees on them (issue: a valid but uncompressed IPv6 address made the DNS
// proof report its own records missing).

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "model/address.hpp"
#include "model/load.hpp"

namespace lynctopo {

TEST_CASE("addresses: the canonical spelling of IPv4 and IPv6", "[model][address]") {
  CHECK(CanonicalAddress("192.168.10.10") == "192.168.10.10");
  CHECK(CanonicalAddress("FD00:0010:0:0::10") == "fd00:10::10");
  CHECK(CanonicalAddress("2001:DB8:0:0:0:0:0:1") == "2001:db8::1");
  CHECK(CanonicalAddress("::ffff:192.0.2.1") == "::ffff:192.0.2.1");
  CHECK_FALSE(CanonicalAddress("192.168.010.10"));  // leading zeros: octal or decimal?
  CHECK_FALSE(CanonicalAddress("fe01.contoso.local"));
  CHECK_FALSE(CanonicalAddress(""));
  CHECK_FALSE(CanonicalAddress(std::string_view("10.0.0.1\0", 9)));
}

TEST_CASE("addresses: the loader stores every address field canonically", "[model][address]") {
  Topology topology;
  topology.dns.internal_ns_addresses = {"FD00::0053"};
  Site site;
  ReverseProxy proxy;
  proxy.external_addresses = {"2001:DB8::0:80"};
  proxy.internal_addresses = {"FD00:0:0:0:0:0:0:40", "not an address"};
  site.reverse_proxies.push_back(proxy);
  Pool pool;
  pool.vip = "FD00::A";
  pool.internal_web_vip = "FD00::00B";
  pool.external_web_vip = "FD00::0C";
  pool.edge.external_vips.access = "2001:DB8::1:0";
  Server server;
  server.addresses = {"FD00:0010::10", "10.0.0.1"};
  server.edge_external.audio_video = "2001:0DB8::12";
  server.edge_public.web_conferencing = "2001:DB8:0::11";
  pool.servers.push_back(server);
  site.pools.push_back(pool);
  topology.sites.push_back(site);

  NormalizeAddresses(topology);
  const Pool& p = topology.sites[0].pools[0];
  CHECK(topology.dns.internal_ns_addresses[0] == "fd00::53");
  CHECK(topology.sites[0].reverse_proxies[0].external_addresses[0] == "2001:db8::80");
  CHECK(topology.sites[0].reverse_proxies[0].internal_addresses ==
        std::vector<std::string>{"fd00::40", "not an address"});
  CHECK(p.vip == "fd00::a");
  CHECK(p.internal_web_vip == "fd00::b");
  CHECK(p.external_web_vip == "fd00::c");
  CHECK(p.edge.external_vips.access == "2001:db8::1:0");
  CHECK(p.servers[0].addresses == std::vector<std::string>{"fd00:10::10", "10.0.0.1"});
  CHECK(p.servers[0].edge_external.audio_video == "2001:db8::12");
  CHECK(p.servers[0].edge_public.web_conferencing == "2001:db8::11");
}

TEST_CASE("addresses: a loaded file is normalised", "[model][address]") {
  std::ifstream in(std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / "small-business.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t at = text.find("\"fd00:10::10\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 13, "\"FD00:0010:0:0::10\"");
  auto path = std::filesystem::temp_directory_path() / "lynctopo-address-test.json";
  std::ofstream(path) << text;
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  std::filesystem::remove(path);
  REQUIRE(topology);
  bool found = false;
  for (const Site& site : topology->sites) {
    for (const Pool& pool : site.pools) {
      for (const Server& server : pool.servers) {
        for (const std::string& a : server.addresses) found = found || a == "fd00:10::10";
      }
    }
  }
  CHECK(found);
}

}  // namespace lynctopo
