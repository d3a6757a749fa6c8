// Every real sample in ../shared/fixtures/lync imports with the expected pools, kinds, names,
// Edge settings, simple URLs and SIP domains (values read from the files by hand).

#include <catch2/catch.hpp>

#include "tests/model/lync/test_util.hpp"

namespace lynctopo {
namespace {

using testing::FindDiagnostic;
using testing::FindPool;
using testing::Import;
using testing::PoolCount;
using testing::ReadLyncFixture;

#define LOAD_FIXTURE_OR_SKIP(var, name)                                               \
  std::optional<std::string> var = ReadLyncFixture(name);                             \
  if (!var) {                                                                         \
    WARN("SKIPPED: " << name << " not found under " LYNCTOPO_SHARED_DIR "/fixtures"); \
    return;                                                                           \
  }

TEST_CASE("fixture sfbautomatedlab-contoso.tbxml: FE pool, NAT Edge pool, inventory") {
  LOAD_FIXTURE_OR_SKIP(text, "sfbautomatedlab-contoso.tbxml");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(*text, diagnostics, {}, "contoso.tbxml");
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->source_file == "contoso.tbxml");
  CHECK(topology->version == ProductVersion::kSkype2015);
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com"});
  REQUIRE(topology->simple_urls.size() == 2);
  CHECK(topology->simple_urls[0].kind == SimpleUrlKind::kDialin);
  CHECK(topology->simple_urls[0].domain == "*");
  CHECK(topology->simple_urls[0].url == "https://dialin.contoso.com");
  CHECK(topology->simple_urls[1].kind == SimpleUrlKind::kMeet);
  CHECK(topology->simple_urls[1].domain == "contoso.com");
  CHECK(topology->simple_urls[1].url == "https://meet.contoso.com");
  CHECK(topology->simple_urls[1].active);
  REQUIRE(topology->sites.size() == 1);
  CHECK(topology->sites[0].name == "Contoso");
  CHECK(topology->sites[0].kind == SiteKind::kCentral);
  CHECK(PoolCount(*topology) == 6);

  const Pool* fe = FindPool(*topology, "frontendpool.contoso.com");
  REQUIRE(fe);
  CHECK(fe->kind == PoolKind::kFrontEnd);
  CHECK(fe->version == "sfb2015");
  REQUIRE(fe->servers.size() == 4);
  CHECK(fe->servers[0].fqdn == "xfrontend1.contoso.com");
  CHECK(fe->servers[3].fqdn == "xfrontend4.contoso.com");
  CHECK(fe->servers[0].addresses.empty());  // 0.0.0.0 in the file
  CHECK(fe->external_web_fqdn == "frontendpool.contoso.com");
  CHECK(fe->internal_web_fqdn.empty());
  CHECK(fe->edge_pool == "edgepool.contoso.com");
  CHECK(fe->origin.loc.line == 21);
  CHECK(fe->origin.loc.column == 13);

  const Pool* edge = FindPool(*topology, "edgepool.contoso.com");
  REQUIRE(edge);
  CHECK(edge->kind == PoolKind::kEdge);
  CHECK(edge->edge.access_fqdn == "externaledge.contoso.com");
  CHECK(edge->edge.web_conferencing_fqdn == "externaledge.contoso.com");
  CHECK(edge->edge.audio_video_fqdn == "externaledge.contoso.com");
  CHECK(edge->edge.access_port == 5061);
  CHECK(edge->edge.web_conferencing_port == 444);
  CHECK(edge->edge.audio_video_port == 443);
  CHECK(edge->edge.nat);
  CHECK(edge->edge.federation);
  CHECK(edge->edge.xmpp);  // XmppFederationProxy ports on the external side
  CHECK(edge->edge.next_hop_pool == "frontendpool.contoso.com");
  REQUIRE(edge->servers.size() == 3);
  const char* names[] = {"xedge1.contoso.com", "xedge2.contoso.com", "xedge3.contoso.com"};
  const char* internal[] = {"192.168.10.100", "192.168.10.101", "192.168.10.103"};
  const char* external[] = {"10.0.0.1", "10.0.0.3", "10.0.0.5"};
  const char* public_ip[] = {"10.0.0.2", "10.0.0.4", "10.0.0.6"};
  for (size_t i = 0; i < 3; ++i) {
    const Server& server = edge->servers[i];
    CHECK(server.fqdn == names[i]);
    CHECK(server.addresses == std::vector<std::string>{internal[i]});
    // One external interface: its address (and public address) serves all three services.
    CHECK(server.edge_external.access == external[i]);
    CHECK(server.edge_external.web_conferencing == external[i]);
    CHECK(server.edge_external.audio_video == external[i]);
    CHECK(server.edge_public.access == public_ip[i]);
    CHECK(server.edge_public.web_conferencing == public_ip[i]);
    CHECK(server.edge_public.audio_video == public_ip[i]);
  }
  CHECK(topology->federation.enabled);
  CHECK(topology->federation.xmpp);
  CHECK_FALSE(FindDiagnostic(diagnostics, "LT3025"));  // single interface: public known

  const Pool* owa = FindPool(*topology, "xoffice1.contoso.com");
  REQUIRE(owa);
  CHECK(owa->kind == PoolKind::kOfficeWebApps);
  REQUIRE(owa->servers.size() == 1);
  CHECK(owa->servers[0].fqdn == "xoffice1.contoso.com");  // <Machine /> takes the cluster name
  CHECK(owa->external_web_fqdn.empty());                  // IsExternal="false"
  REQUIRE(FindPool(*topology, "xsql1.contoso.com"));
  CHECK(FindPool(*topology, "xsql1.contoso.com")->kind == PoolKind::kSql);
  REQUIRE(FindPool(*topology, "xfile1.contoso.com"));
  CHECK(FindPool(*topology, "xfile1.contoso.com")->kind == PoolKind::kFileStore);
  REQUIRE(FindPool(*topology, "xfile2.contoso.com"));
  CHECK(FindPool(*topology, "xfile2.contoso.com")->kind == PoolKind::kFileStore);

  // What the file cannot say is reported, naming the overlay field.
  CHECK(FindDiagnostic(diagnostics, "LT3021", "reverse_proxies"));
  CHECK(FindDiagnostic(diagnostics, "LT3022", "kerberos_account"));
  CHECK(FindDiagnostic(diagnostics, "LT3023", "frontendpool.contoso.com"));
  CHECK(FindDiagnostic(diagnostics, "LT3023", "edgepool.contoso.com"));
  CHECK(FindDiagnostic(diagnostics, "LT3024", "certificates"));
  CHECK_FALSE(FindDiagnostic(diagnostics, "LT3020"));  // .tbxml has simple URLs
}

TEST_CASE("fixture otc-standard-edition.tbxml: one Standard Edition server, SfB 2019") {
  LOAD_FIXTURE_OR_SKIP(text, "otc-standard-edition.tbxml");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(*text, diagnostics);
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->version == ProductVersion::kSkype2019);
  CHECK(topology->sip_domains == std::vector<std::string>{"otc.lab"});
  REQUIRE(topology->simple_urls.size() == 2);
  CHECK(topology->simple_urls[0].url == "https://dialin.otc.lab");
  CHECK(topology->simple_urls[1].url == "https://meet.otc.lab");
  CHECK(topology->simple_urls[1].domain == "otc.lab");
  REQUIRE(topology->sites.size() == 1);
  CHECK(topology->sites[0].name == "OTC");
  // The SQL Express instance and the file share live on the SE server: still one pool.
  REQUIRE(PoolCount(*topology) == 1);
  const Pool* se = FindPool(*topology, "oct-exh-002.otc.lab");
  REQUIRE(se);
  CHECK(se->kind == PoolKind::kStandardEdition);
  CHECK(se->version == "sfb2019");
  REQUIRE(se->servers.size() == 1);
  CHECK(se->servers[0].fqdn == "oct-exh-002.otc.lab");  // machine without Fqdn (CRLF file)
  CHECK(se->servers[0].origin.loc.line == 23);
  CHECK(se->external_web_fqdn == "oct-exh-002.otc.lab");
  CHECK(se->internal_web_fqdn.empty());
  CHECK(se->edge_pool.empty());
  CHECK_FALSE(topology->federation.enabled);
  CHECK_FALSE(FindDiagnostic(diagnostics, "LT3023"));  // one server: nothing to balance
}

TEST_CASE("fixture rlevchenko-published.xml: published Enterprise pool with inventory") {
  LOAD_FIXTURE_OR_SKIP(text, "rlevchenko-published.xml");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(*text, diagnostics, {}, "default.xml");
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->version == ProductVersion::kSkype2015);
  CHECK(topology->sip_domains == std::vector<std::string>{"tenant.rlevchenko.com"});
  CHECK(topology->simple_urls.empty());
  const Diagnostic* no_urls = FindDiagnostic(diagnostics, "LT3020", "simple_urls");
  REQUIRE(no_urls);
  CHECK(no_urls->severity == Severity::kWarning);
  CHECK(no_urls->message.find("Get-CsSimpleUrlConfiguration") != std::string::npos);
  REQUIRE(topology->sites.size() == 1);
  CHECK(topology->sites[0].name == "Tenant");
  CHECK(topology->sites[0].location == "Voronezh, VRN, RUS");
  CHECK(PoolCount(*topology) == 4);
  const Pool* fe = FindPool(*topology, "poolfe.tenant.rlevchenko.com");
  REQUIRE(fe);
  // One member whose FQDN differs from the pool's: an Enterprise pool, not Standard Edition.
  CHECK(fe->kind == PoolKind::kFrontEnd);
  REQUIRE(fe->servers.size() == 1);
  CHECK(fe->servers[0].fqdn == "skype-fe-01.tenant.rlevchenko.com");
  CHECK(fe->external_web_fqdn == "poolfe.tenant.rlevchenko.com");
  CHECK(fe->edge_pool.empty());
  REQUIRE(FindPool(*topology, "srv-sql-01.tenant.rlevchenko.com"));
  CHECK(FindPool(*topology, "srv-sql-01.tenant.rlevchenko.com")->kind == PoolKind::kSql);
  // A DFS file store named after the domain itself.
  REQUIRE(FindPool(*topology, "tenant.rlevchenko.com"));
  CHECK(FindPool(*topology, "tenant.rlevchenko.com")->kind == PoolKind::kFileStore);
  REQUIRE(FindPool(*topology, "srv-owa-01.tenant.rlevchenko.com"));
  CHECK(FindPool(*topology, "srv-owa-01.tenant.rlevchenko.com")->kind == PoolKind::kOfficeWebApps);
}

TEST_CASE("fixture ibenbouzid-v2-published.xml: Standard Edition and a single NAT Edge") {
  LOAD_FIXTURE_OR_SKIP(text, "ibenbouzid-v2-published.xml");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(*text, diagnostics);
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->version == ProductVersion::kSkype2015);
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com"});
  CHECK(topology->simple_urls.empty());
  CHECK(FindDiagnostic(diagnostics, "LT3020"));
  REQUIRE(topology->sites.size() == 1);
  CHECK(topology->sites[0].name == "Corporate");
  CHECK(PoolCount(*topology) == 2);
  const Pool* se = FindPool(*topology, "skypefe.contoso.com");
  REQUIRE(se);
  CHECK(se->kind == PoolKind::kStandardEdition);
  REQUIRE(se->servers.size() == 1);
  CHECK(se->servers[0].fqdn == "skypefe.contoso.com");
  CHECK(se->external_web_fqdn == "skypefe.contoso.com");
  CHECK(se->edge_pool == "edge.contoso.com");
  const Pool* edge = FindPool(*topology, "edge.contoso.com");
  REQUIRE(edge);
  CHECK(edge->kind == PoolKind::kEdge);
  CHECK(edge->edge.access_fqdn == "sip.contoso.com");
  CHECK(edge->edge.web_conferencing_fqdn == "sip.contoso.com");
  CHECK(edge->edge.audio_video_fqdn == "sip.contoso.com");
  CHECK(edge->edge.access_port == 5061);
  CHECK(edge->edge.web_conferencing_port == 444);
  CHECK(edge->edge.audio_video_port == 442);
  CHECK(edge->edge.next_hop_pool == "skypefe.contoso.com");
  CHECK(edge->edge.nat);
  REQUIRE(edge->servers.size() == 1);
  const Server& server = edge->servers[0];
  CHECK(server.fqdn == "edge.contoso.com");
  CHECK(server.addresses.empty());      // Internal 0.0.0.0
  CHECK(server.edge_external.empty());  // External 0.0.0.0
  CHECK(server.edge_public.access == "1.1.1.1");
  CHECK(server.edge_public.web_conferencing == "1.1.1.1");
  CHECK(server.edge_public.audio_video == "1.1.1.1");
  CHECK(FindDiagnostic(diagnostics, "LT3029", "edge.contoso.com"));
}

TEST_CASE("fixture placeholders-published.xml: template placeholders fail with positions") {
  LOAD_FIXTURE_OR_SKIP(text, "placeholders-published.xml");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(*text, diagnostics, {}, "uss.xml");
  CHECK(diagnostics.HasErrors());
  auto at = [&](uint32_t line, uint32_t column, const std::string& value) {
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.code == "LT3010" && d.file == "uss.xml" && d.loc.line == line &&
          d.loc.column == column && d.message.find(value) != std::string::npos &&
          d.severity == Severity::kError) {
        return true;
      }
    }
    return false;
  };
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK(at(2, 44, "$DomainDnsName"));  // InternalDomains/@DefaultDomain
  CHECK(at(3, 21, "$DomainDnsName"));  // InternalDomain/@Name
  CHECK(at(7, 13, "$DomainName"));     // site Name text
  CHECK(at(12, 62, "$SkypeFQDN"));     // Cluster/@Fqdn
  CHECK(at(14, 37, "$SkypeFQDN"));     // Machine/@Fqdn
  CHECK(at(126, 27, "$SkypeFQDN"));    // ExternalSettings/@Host
  // A failed file gets no advice about overlays.
  CHECK_FALSE(testing::FindDiagnostic(diagnostics, "LT3020"));
  CHECK_FALSE(testing::FindDiagnostic(diagnostics, "LT3019"));
}

}  // namespace
}  // namespace lynctopo
