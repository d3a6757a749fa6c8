#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("LT1050 Edge pool missing an external FQDN", "[validate]") {
  Topology t = ValidBase();
  Edge(t).edge.web_conferencing_fqdn.clear();
  CHECK(Only(t) ==
        "error: edge pool 'edgepool.contoso.local' has no web conferencing FQDN [LT1050]");
}

TEST_CASE("LT1004 invalid Edge external FQDN", "[validate]") {
  Topology t = ValidBase();
  Edge(t).edge.audio_video_fqdn = "av";
  CHECK(Only(t) ==
        "error: audio/video edge FQDN 'av' is a single label (a domain name needs at least two) "
        "[LT1004]");
}

TEST_CASE("LT1051 NAT with hardware load balancing", "[validate]") {
  Topology t = ValidBase();
  Pool& edge = Edge(t);
  edge.load_balancing = LoadBalancing::kHardware;
  edge.vip = "172.25.33.9";
  edge.edge.external_vips = {"10.45.16.9", "10.45.16.19", "10.45.16.29"};
  CHECK(Only(t) ==
        "warning: edge pool 'edgepool.contoso.local' is behind NAT and uses hardware load "
        "balancing; NAT is not supported with a hardware load balancer [LT1051]");
  edge.edge.nat = false;
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1057 hardware load balanced Edge without external VIPs", "[validate]") {
  Topology t = ValidBase();
  Pool& edge = Edge(t);
  edge.load_balancing = LoadBalancing::kHardware;
  edge.vip = "172.25.33.9";
  edge.edge.nat = false;
  edge.edge.external_vips = {"10.45.16.9", "", "10.45.16.29"};
  CHECK(Only(t) ==
        "error: edge pool 'edgepool.contoso.local' uses hardware load balancing but has no "
        "external web conferencing vip [LT1057]");
}

TEST_CASE("LT1058 Edge server without the address a name resolves to", "[validate]") {
  Topology t = ValidBase();
  Edge(t).servers[1].edge_public.audio_video.clear();
  CHECK(Only(t) ==
        "warning: edge server 'edge02.contoso.local' is behind NAT but has no public "
        "audio/video address [LT1058]");
  Edge(t).edge.nat = false;
  Edge(t).servers[0].edge_external.access.clear();
  CHECK(Only(t) ==
        "warning: edge server 'edge01.contoso.local' has no external access address [LT1058]");
}

TEST_CASE("LT1007 invalid Edge addresses", "[validate]") {
  Topology t = ValidBase();
  Edge(t).servers[0].edge_public.access = "131.107.155";
  CHECK(Only(t) ==
        "error: public access address of edge server 'edge01.contoso.local' '131.107.155' is not "
        "an IPv4 or IPv6 address [LT1007]");
}

TEST_CASE("LT1052 two federation Edge pools", "[validate]") {
  Topology t = ValidBase();
  Pool second = Edge(t);
  second.fqdn = "edgepool2.contoso.local";
  second.edge.access_fqdn = "sip2.contoso.com";
  second.edge.web_conferencing_fqdn = "webcon2.contoso.com";
  second.edge.audio_video_fqdn = "av2.contoso.com";
  second.servers[0].fqdn = "edge11.contoso.local";
  second.servers[1].fqdn = "edge12.contoso.local";
  second.edge.xmpp = true;
  Edge(t).edge.xmpp = true;
  SiteNamed(t, "Dublin").pools.push_back(second);
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: edge pool 'edgepool2.contoso.local' is enabled for federation, as is "
                   "edge pool 'edgepool.contoso.local'; only one edge pool may be [LT1052]",
                   "error: edge pool 'edgepool2.contoso.local' hosts XMPP federation, as does "
                   "edge pool 'edgepool.contoso.local'; only one edge pool may [LT1053]"});
}

TEST_CASE("LT1054 shared external FQDN needs distinct ports", "[validate]") {
  Topology t = ValidBase();
  EdgeSettings& e = Edge(t).edge;
  e.web_conferencing_fqdn = "sip.contoso.com";
  e.audio_video_fqdn = "sip.contoso.com";
  e.access_port = 5061;
  e.web_conferencing_port = 444;
  CHECK(Validate(t).empty());  // single FQDN and IP with distinct ports
  e.web_conferencing_port = 443;
  CHECK(Only(t) ==
        "error: edge pool 'edgepool.contoso.local' serves web conferencing and audio/video on "
        "'sip.contoso.com' port 443; services sharing one FQDN need distinct ports [LT1054]");
}

TEST_CASE("LT1055 port out of range", "[validate]") {
  Topology t = ValidBase();
  Edge(t).edge.access_port = 70000;
  CHECK(Only(t) ==
        "error: access port 70000 of edge pool 'edgepool.contoso.local' is outside 1-65535 "
        "[LT1055]");
}

TEST_CASE("LT1056 federation without any Edge pool", "[validate]") {
  Topology t = ValidBase();
  auto& pools = t.sites[0].pools;
  pools.erase(pools.begin() + 2);  // the Edge pool
  FrontEnd(t).edge_pool.clear();
  Director(t).edge_pool.clear();
  StandardEdition(t).edge_pool.clear();
  CHECK(Only(t) == "warning: federation is enabled but the topology has no edge pool [LT1056]");
}
