// ApplyOverlay: the overlay wins for every field it sets, leaves the rest alone, and names
// sites, pools and servers the topology lacks at their position in the overlay file.

#include <catch2/catch.hpp>

#include "tests/model/lync/test_util.hpp"

namespace lynctopo {
namespace {

using testing::FindDiagnostic;
using testing::FindPool;
using testing::FindSite;

SourceLoc At(uint32_t line, uint32_t column) {
  SourceLoc loc;
  loc.line = line;
  loc.column = column;
  return loc;
}

// A small imported-looking base: one site, an FE pool, an Edge pool behind NAT.
Topology Base() {
  Topology base;
  base.source_file = "lab.tbxml";
  base.sip_domains = {"contoso.com"};
  base.simple_urls = {{SimpleUrlKind::kMeet, "contoso.com", "https://meet.contoso.com", true, {}}};
  base.federation.enabled = true;
  Site site;
  site.name = "Redmond";
  Pool fe;
  fe.kind = PoolKind::kFrontEnd;
  fe.fqdn = "fepool01.contoso.com";
  fe.internal_web_fqdn = "webint.contoso.com";
  fe.external_web_fqdn = "webext.contoso.com";
  fe.origin.loc = At(20, 5);
  fe.origin.SetField("internal_web_fqdn", At(30, 7));
  fe.servers = {{"fe01.contoso.com", {}, {}, {}, {}, {}}, {"fe02.contoso.com", {}, {}, {}, {}, {}}};
  Pool edge;
  edge.kind = PoolKind::kEdge;
  edge.fqdn = "edgepool.contoso.com";
  edge.edge.access_fqdn = "sip.contoso.com";
  edge.edge.nat = true;
  Server edge01;
  edge01.fqdn = "edge01.contoso.com";
  edge01.addresses = {"172.25.33.10"};
  edge01.edge_public.audio_video = "131.107.155.30";
  edge.servers = {edge01};
  site.pools = {fe, edge};
  base.sites = {site};
  return base;
}

Topology Overlay() {
  Topology overlay;
  overlay.source_file = "overlay.json";
  return overlay;
}

TEST_CASE("overlay: deployment settings it sets win, the rest stays") {
  Topology base = Base();
  Topology overlay = Overlay();
  overlay.ad_domain = "contoso.local";
  overlay.netbios_domain = "CONTOSO";
  overlay.simple_urls = {{SimpleUrlKind::kDialin, "*", "https://dialin.contoso.com", true, {}}};
  overlay.certificates.key_bits = 4096;
  overlay.certificates.origin.loc = At(3, 3);  // present in the overlay file
  overlay.dns.ttl = 60;                        // origin unknown: not in the file, ignored
  overlay.federation.enabled = false;          // likewise: a default, not a setting
  Diagnostics diagnostics;
  ApplyOverlay(base, overlay, diagnostics);
  CHECK(diagnostics.empty());
  CHECK(base.ad_domain == "contoso.local");
  CHECK(base.netbios_domain == "CONTOSO");
  CHECK(base.sip_domains == std::vector<std::string>{"contoso.com"});  // not given: kept
  REQUIRE(base.simple_urls.size() == 1);
  CHECK(base.simple_urls[0].kind == SimpleUrlKind::kDialin);
  CHECK(base.certificates.key_bits == 4096);
  CHECK(base.dns.ttl == 3600);
  CHECK(base.federation.enabled);
  CHECK(base.source_file == "lab.tbxml");
}

TEST_CASE("overlay: sites by name (any case), pools by FQDN, servers by FQDN") {
  Topology base = Base();
  Topology overlay = Overlay();
  Site site;
  site.name = "REDMOND";
  site.origin.loc = At(5, 5);
  site.kerberos_account = KerberosAccount{"CONTOSO\\kerbauth", "", {}};
  site.reverse_proxies = {{"rp1", ProxyProduct::kNginx, "", {"131.107.155.40"}, {}, {}}};
  Pool fe;
  fe.fqdn = "FEPool01.contoso.com";
  fe.load_balancing = LoadBalancing::kHardware;
  fe.vip = "10.0.0.10";
  fe.internal_web_fqdn = "lyncweb.contoso.com";
  fe.servers = {{"fe02.contoso.com", {"10.0.0.22"}, {}, {}, {}, {}}};
  Pool edge;
  edge.fqdn = "edgepool.contoso.com";
  edge.load_balancing = LoadBalancing::kDns;
  Server edge01;
  edge01.fqdn = "EDGE01.contoso.com";
  edge01.edge_public.access = "131.107.155.10";
  edge01.edge_public.web_conferencing = "131.107.155.20";
  edge.servers = {edge01};
  site.pools = {fe, edge};
  overlay.sites = {site};
  Diagnostics diagnostics;
  ApplyOverlay(base, overlay, diagnostics);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK(diagnostics.empty());

  const Site* redmond = FindSite(base, "Redmond");  // the imported name is kept
  REQUIRE(redmond);
  REQUIRE(redmond->kerberos_account);
  CHECK(redmond->kerberos_account->account == "CONTOSO\\kerbauth");
  REQUIRE(redmond->reverse_proxies.size() == 1);
  CHECK(redmond->reverse_proxies[0].external_addresses ==
        std::vector<std::string>{"131.107.155.40"});

  const Pool* merged = FindPool(base, "fepool01.contoso.com");
  REQUIRE(merged);
  CHECK(merged->kind == PoolKind::kFrontEnd);  // kind not recorded in the overlay: kept
  CHECK(merged->load_balancing == LoadBalancing::kHardware);
  CHECK(merged->vip == "10.0.0.10");
  CHECK(merged->internal_web_fqdn == "lyncweb.contoso.com");  // overlay wins
  CHECK(merged->external_web_fqdn == "webext.contoso.com");   // not set: imported value kept
  // The Lync-file position of an overridden field is forgotten (it would point elsewhere).
  CHECK(merged->origin.Field("internal_web_fqdn").line == 20);
  CHECK(merged->servers[0].addresses.empty());
  CHECK(merged->servers[1].addresses == std::vector<std::string>{"10.0.0.22"});

  const Pool* edge_pool = FindPool(base, "edgepool.contoso.com");
  REQUIRE(edge_pool);
  CHECK(edge_pool->load_balancing == LoadBalancing::kDns);
  CHECK(edge_pool->edge.access_fqdn == "sip.contoso.com");
  CHECK(edge_pool->edge.nat);
  const Server& server = edge_pool->servers[0];
  CHECK(server.edge_public.access == "131.107.155.10");
  CHECK(server.edge_public.web_conferencing == "131.107.155.20");
  CHECK(server.edge_public.audio_video == "131.107.155.30");  // imported, kept
  CHECK(server.addresses == std::vector<std::string>{"172.25.33.10"});
}

TEST_CASE("overlay: later overlays win over earlier ones") {
  Topology base = Base();
  Topology first = Overlay();
  first.ad_domain = "first.local";
  first.designated_pool = "fepool01.contoso.com";
  Topology second = Overlay();
  second.ad_domain = "second.local";
  Diagnostics diagnostics;
  ApplyOverlay(base, first, diagnostics);
  ApplyOverlay(base, second, diagnostics);
  CHECK(base.ad_domain == "second.local");
  CHECK(base.designated_pool == "fepool01.contoso.com");
}

TEST_CASE("overlay: unknown site, pool and server are errors in the overlay file") {
  Topology base = Base();
  Topology overlay = Overlay();
  Site site;
  site.name = "Redmnd";
  site.origin.loc = At(4, 5);
  site.origin.SetField("name", At(4, 13));
  Pool typo;
  typo.fqdn = "fepool02.contoso.com";
  typo.origin.loc = At(9, 9);
  typo.origin.SetField("fqdn", At(9, 17));
  Pool unknown;
  unknown.fqdn = "director.fabrikam.com";
  unknown.origin.loc = At(12, 9);
  Pool edge;
  edge.fqdn = "edgepool.contoso.com";
  Server ghost;
  ghost.fqdn = "edge1.contoso.com";
  ghost.origin.loc = At(15, 13);
  edge.servers = {ghost};
  site.pools = {typo, unknown, edge};
  overlay.sites = {site};
  Diagnostics diagnostics;
  ApplyOverlay(base, overlay, diagnostics);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK(diagnostics.error_count() == 4);

  const Diagnostic* bad_site = FindDiagnostic(diagnostics, "LT3030");
  REQUIRE(bad_site);
  CHECK(bad_site->file == "overlay.json");
  CHECK(bad_site->loc.line == 4);
  CHECK(bad_site->loc.column == 13);
  CHECK(bad_site->message.find("did you mean 'Redmond'") != std::string::npos);

  const Diagnostic* bad_pool = FindDiagnostic(diagnostics, "LT3031", "fepool02");
  REQUIRE(bad_pool);
  CHECK(bad_pool->file == "overlay.json");
  CHECK(bad_pool->loc.line == 9);
  CHECK(bad_pool->loc.column == 17);
  CHECK(bad_pool->message.find("did you mean 'fepool01.contoso.com'") != std::string::npos);

  const Diagnostic* far_pool = FindDiagnostic(diagnostics, "LT3031", "director.fabrikam.com");
  REQUIRE(far_pool);
  CHECK(far_pool->loc.line == 12);
  CHECK(far_pool->message.find("did you mean") == std::string::npos);  // nothing close

  const Diagnostic* bad_server = FindDiagnostic(diagnostics, "LT3032");
  REQUIRE(bad_server);
  CHECK(bad_server->loc.line == 15);
  CHECK(bad_server->message.find("did you mean 'edge01.contoso.com'") != std::string::npos);
  // Nothing was added.
  CHECK(base.sites.size() == 1);
  CHECK(testing::PoolCount(base) == 2);
}

TEST_CASE("overlay: a pool kind the loader recorded corrects the inferred one") {
  Topology base = Base();
  Topology overlay = Overlay();
  Site site;
  site.name = "redmond";
  Pool pool;
  pool.fqdn = "fepool01.contoso.com";
  pool.kind = PoolKind::kDirector;
  pool.origin.loc = At(7, 7);
  pool.origin.SetField("kind", At(7, 15));
  site.pools = {pool};
  overlay.sites = {site};
  Diagnostics diagnostics;
  ApplyOverlay(base, overlay, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(FindPool(base, "fepool01.contoso.com")->kind == PoolKind::kDirector);
  CHECK(FindDiagnostic(diagnostics, "LT3033", "director"));
}

}  // namespace
}  // namespace lynctopo
