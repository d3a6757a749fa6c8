#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

TEST_CASE("a valid topology gives no diagnostics", "[validate]") {
  CHECK(Validate(ValidBase()).empty());
}

TEST_CASE("LT1001 no SIP domain", "[validate]") {
  Topology t = ValidBase();
  t.sip_domains.clear();
  t.simple_urls.erase(t.simple_urls.begin(), t.simple_urls.begin() + 2);  // their Meet URLs
  CHECK(Only(t) == "error: the topology has no SIP domain [LT1001]");
}

TEST_CASE("LT1002 duplicate SIP domain", "[validate]") {
  Topology t = ValidBase();
  t.sip_domains.push_back("Contoso.com");
  CHECK(Only(t) == "error: SIP domain 'Contoso.com' is listed more than once [LT1002]");
}

TEST_CASE("LT1004 invalid SIP domain", "[validate]") {
  Topology t = ValidBase();
  t.sip_domains.push_back("contoso");
  std::vector<std::string> all = Validate(t);
  CHECK(Contains(all,
                 "error: SIP domain 'contoso' is a single label (a domain name needs at least "
                 "two) [LT1004]"));
  CHECK(Contains(all,
                 "warning: the global scope has no active meet URL for SIP domain 'contoso': its "
                 "users' meetings have no join link, and no Meet name is planned for it (no DNS "
                 "record, certificate name or proxy rule) [LT1080]"));
  CHECK(all.size() == 2);
}

TEST_CASE("LT1003 XMPP domain not a SIP domain", "[validate]") {
  Topology t = ValidBase();
  t.federation.xmpp_domains = {"contoso.com", "litware.com"};
  CHECK(Only(t) == "error: XMPP domain 'litware.com' is not one of the SIP domains [LT1003]");
}

TEST_CASE("LT1008 nothing to sign in to", "[validate]") {
  Topology t = ValidBase();
  t.sites.resize(1);
  auto& pools = t.sites[0].pools;
  pools.erase(pools.begin());  // the Front End pool
  Edge(t).edge.next_hop_pool = "dirpool.contoso.local";
  CHECK(Only(t) ==
        "error: the topology has no standard-edition or front-end pool to sign in to [LT1008]");
}

TEST_CASE("LT1009 NetBIOS domain too long", "[validate]") {
  Topology t = ValidBase();
  t.netbios_domain = "CONTOSOCORPORATION";
  t.sites[0].kerberos_account->account = "CONTOSOCORPORATION\\kerbauth";
  t.sites[1].kerberos_account->account = "CONTOSOCORPORATION\\kerbdub";
  CHECK(Only(t) ==
        "error: NetBIOS domain 'CONTOSOCORPORATION' is longer than 15 characters [LT1009]");
}

TEST_CASE("LT1010 DNS TTL", "[validate]") {
  Topology t = ValidBase();
  t.dns.ttl = 0;
  CHECK(Only(t) == "error: DNS TTL 0 is not a positive number of seconds [LT1010]");
}

TEST_CASE("LT1011 DNS hostmaster", "[validate]") {
  Topology t = ValidBase();
  t.dns.hostmaster = "hostmaster.contoso.com";
  CHECK(Only(t) ==
        "error: DNS hostmaster 'hostmaster.contoso.com' is not an address like "
        "hostmaster@contoso.com [LT1011]");
  t.dns.hostmaster = "hostmaster@contoso.com";
  CHECK(Validate(t).empty());
}

TEST_CASE("LT1004 invalid AD domain and DNS name server", "[validate]") {
  Topology t = ValidBase();
  t.ad_domain = "contoso_corp.local";
  t.dns.primary_ns = "ns1";
  std::vector<std::string> all = Validate(t);
  CHECK(all == std::vector<std::string>{
                   "error: AD domain 'contoso_corp.local' contains a character other than "
                   "letters, digits, hyphen and dot [LT1004]",
                   "error: DNS primary name server 'ns1' is a single label (a domain name needs "
                   "at least two) [LT1004]"});
}

TEST_CASE("LT1007 invalid IP addresses, IPv6 accepted", "[validate]") {
  Topology t = ValidBase();
  FrontEnd(t).servers[0].addresses = {"10.0.0.256"};
  FrontEnd(t).servers[1].addresses = {"2001:db8::22"};
  CHECK(Only(t) ==
        "error: address of server 'fe01.contoso.local' '10.0.0.256' is not an IPv4 or IPv6 "
        "address [LT1007]");
}

TEST_CASE("diagnostics carry the file and the field position", "[validate]") {
  Topology t = ValidBase();
  t.source_file = "contoso.json";
  Pool& fe = FrontEnd(t);
  fe.origin.loc = {40, 7, "/sites/0/pools/0"};
  fe.origin.SetField("external_web_fqdn", {52, 28, "/sites/0/pools/0/external_web_fqdn"});
  fe.external_web_fqdn = "web_ext.contoso.com";
  Diagnostics diagnostics;
  ValidateTopology(t, diagnostics);
  REQUIRE(diagnostics.items().size() == 1);
  const Diagnostic& d = diagnostics.items()[0];
  CHECK(d.loc.pointer == "/sites/0/pools/0/external_web_fqdn");
  CHECK(FormatDiagnostic(d) ==
        "contoso.json:52:28: error: external web FQDN 'web_ext.contoso.com' contains a character "
        "other than letters, digits, hyphen and dot [LT1004]");
}

TEST_CASE("LT1013 and LT1014 DNS zone settings", "[validate]") {
  Topology t = ValidBase();
  t.dns.external_web_internal = "hairpin";
  t.dns.internal_zones = "pinpoint";
  CHECK(Validate(t).empty());
  t.dns.external_web_internal = "internal";
  CHECK(Only(t) ==
        "error: DNS external_web_internal 'internal' is neither 'absent' nor 'hairpin' "
        "[LT1013]");
  t.dns.external_web_internal = "absent";
  t.dns.internal_zones = "pin-point";
  CHECK(Only(t) ==
        "error: DNS internal_zones 'pin-point' is neither 'full' nor 'pinpoint' [LT1014]");
}
