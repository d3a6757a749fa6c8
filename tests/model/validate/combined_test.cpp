#include <fmt/format.h>

#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("one run reports every problem", "[validate]") {
  Topology t = ValidBase();
  t.sip_domains.push_back("contoso.com");                     // LT1002
  FrontEnd(t).edge_pool = "edgepol.contoso.local";            // LT1027
  Director(t).external_web_fqdn = "webext.contoso.com";       // LT1061
  Edge(t).edge.audio_video_fqdn.clear();                      // LT1050
  StandardEdition(t).servers[0].addresses = {"10.1.0"};       // LT1007
  SiteNamed(t, "Branch1").parent = "Redmund";                 // LT1023
  t.sites[0].kerberos_account->account = "kerbauth";          // LT1100
  t.simple_urls[2].url = "http://dialin.contoso.com:80";      // LT1084, LT1085
  t.certificates.key_bits = 512;                              // LT1121
  t.sites[0].reverse_proxies[0].fqdn = "rp 1.contoso.local";  // LT1160
  std::vector<std::string> all = Validate(t);
  std::vector<std::string> codes;
  for (const std::string& line : all) codes.push_back(line.substr(line.rfind('[') + 1, 6));
  std::sort(codes.begin(), codes.end());
  CHECK(codes == std::vector<std::string>{"LT1002", "LT1007", "LT1023", "LT1027", "LT1050",
                                          "LT1061", "LT1084", "LT1085", "LT1100", "LT1121",
                                          "LT1160"});
}

// 10,000 servers and 5,000 SIP domains, the largest deployments we know of. No timing assert:
// a quadratic rule would make this test crawl, which is noticed; it must just complete cleanly
// and still find the planted problems.
TEST_CASE("validation scales to 10,000 servers and 5,000 SIP domains", "[validate][scale]") {
  Topology t = ValidBase();
  for (int d = 0; d < 5000; ++d) {
    std::string domain = fmt::format("tenant{}.com", d);
    t.sip_domains.push_back(domain);
    t.simple_urls.push_back(
        MakeUrl(SimpleUrlKind::kMeet, domain, fmt::format("https://meet.{}", domain)));
  }
  Site& redmond = SiteNamed(t, "Redmond");
  int server = 0;
  for (int p = 0; p < 834; ++p) {
    Pool pool;
    pool.kind = PoolKind::kFrontEnd;
    pool.fqdn = fmt::format("pool{}.contoso.local", p + 100);
    pool.load_balancing = LoadBalancing::kHardware;
    pool.vip = fmt::format("10.{}.{}.1", 10 + p / 250, p % 250);
    pool.external_web_fqdn = fmt::format("web{}.contoso.com", p + 100);
    pool.edge_pool = "edgepool.contoso.local";
    for (int s = 0; s < 12; ++s, ++server) {
      pool.servers.push_back(MakeServer(fmt::format("fe{}.contoso.local", server + 100),
                                        fmt::format("10.{}.{}.{}", 10 + p / 250, p % 250, s + 10)));
    }
    redmond.pools.push_back(std::move(pool));
  }
  REQUIRE(server >= 10000);
  CHECK(Validate(t).empty());

  // Planted problems at the far end of the indexes.
  redmond.pools.back().external_web_fqdn = "web100.contoso.com";
  redmond.pools.back().edge_pool = "edgepool.contoso.loca";
  t.simple_urls.back().url = "https://meet.tenant4998.com/x";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: edge pool 'edgepool.contoso.loca' of front-end pool "
                   "'pool933.contoso.local' does not exist (did you mean "
                   "'edgepool.contoso.local'?) [LT1027]",
                   "error: external web FQDN 'web100.contoso.com' is also used by front-end pool "
                   "'pool100.contoso.local' [LT1061]",
                   "error: meet URL 'https://meet.tenant4998.com/x' lies below the meet URL "
                   "'https://meet.tenant4998.com'; no simple URL may be a prefix of another "
                   "[LT1087]"});
}

TEST_CASE("an empty topology gets the essentials reported, not a crash", "[validate]") {
  Topology t;
  CHECK(Validate(t) ==
        std::vector<std::string>{"error: the topology has no SIP domain [LT1001]",
                                 "error: the topology has no standard-edition or front-end pool to "
                                 "sign in to [LT1008]",
                                 "warning: the topology has no simple URLs (Meet, Dialin, Admin), "
                                 "so none are planned: no simple-URL DNS records, certificate "
                                 "names or proxy rules, and meetings have no join link; "
                                 "published topology documents never hold them: read them with "
                                 "Get-CsSimpleUrlConfiguration and set `simple_urls` in an "
                                 "overlay [LT1079]"});
}

TEST_CASE("degenerate values never crash validation", "[validate]") {
  Topology t = ValidBase();
  t.sites.push_back(Site{});
  Site& odd = t.sites.back();
  odd.name = "Odd";
  odd.kind = SiteKind::kBranch;
  odd.parent = "Odd";
  odd.kerberos_account = KerberosAccount{};
  odd.kerberos_account->account = "\\";
  odd.kerberos_account->container_dn = ",=,";
  odd.simple_urls = {MakeUrl(SimpleUrlKind::kAdmin, "", "https://"),
                     MakeUrl(SimpleUrlKind::kDialin, "*", "https://:/"),
                     MakeUrl(SimpleUrlKind::kMeet, "", "://x")};
  Pool pool;
  pool.kind = PoolKind::kStandardEdition;
  pool.servers = {Server{}, Server{}};
  pool.load_balancing = LoadBalancing::kHardware;
  odd.pools.push_back(pool);
  Pool edge;
  edge.kind = PoolKind::kEdge;
  edge.fqdn = ".";
  edge.edge.access_port = -1;
  edge.load_balancing = LoadBalancing::kHardware;
  edge.edge.nat = true;
  edge.servers = {Server{}};
  odd.pools.push_back(edge);
  std::vector<std::string> all = Validate(t);
  CHECK(all.size() == 32);
  CHECK(Contains(all, "error: a server of an unnamed standard-edition pool has no FQDN [LT1006]"));
  CHECK(Contains(all, "error: host '' of admin URL 'https://' is empty [LT1004]"));
  CHECK(Contains(all, "error: access port -1 of edge pool '.' is outside 1-65535 [LT1055]"));
  // URLs without a valid host take no part in the prefix rule (no cascade from "https://").
  CHECK(std::none_of(all.begin(), all.end(),
                     [](const std::string& line) { return line.ends_with("[LT1087]"); }));
}
