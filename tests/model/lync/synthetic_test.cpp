// Synthetic Lync documents cover what the real samples lack: a Director pool, a branch site
// with an SBA, an internal web override, three external Edge interfaces, an OriginalTopology,
// derived (non-GUID) IDs, federation routes and missing machine FQDNs.

#include <catch2/catch.hpp>

#include "tests/model/lync/test_util.hpp"

namespace lynctopo {
namespace {

using testing::CountCode;
using testing::FindDiagnostic;
using testing::FindPool;
using testing::FindSite;
using testing::Import;
using testing::PoolCount;

#define TB_NS "urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008"
#define WT_NS "urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008"
#define T_NS "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
#define SR_NS "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008"
#define SU_NS "urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008"
#define SC_NS "urn:schema:Microsoft.Rtc.Management.Deploy.SiteConfigurations.2008"

// Downloaded-style file: derived IDs ("1-4", "1edgeserver1", "sql1-3"), a published
// OriginalTopology (Lync 2013, one pool) and an edited NewTopology (SfB 2015).
const char* const kEnterpriseTbxml =
    R"(<?xml version="1.0" encoding="utf-8"?>
<TopologyBuilder IsFreeFromChanges="false" xmlns=")" TB_NS R"(">
  <OriginalTopology SignatureOfSimpleUrl="11111111-2222-3333-4444-555555555555">
    <PartialTopology IsPublished="true" LastSiteId="1" xmlns=")" WT_NS R"(">
      <InternalDomains DefaultDomain="contoso.com" xmlns=")" T_NS R"(">
        <InternalDomain Name="contoso.com" />
      </InternalDomains>
      <CentralSites>
        <CentralSite SiteId="1">
          <Name xmlns=")" T_NS R"(">Redmond</Name>
          <Clusters>
            <Cluster UniqueId="1-1" Fqdn="pool01.contoso.com" IsSingleMachineOnly="false">
              <Machines><Machine Fqdn="fe01.contoso.com" /></Machines>
              <SqlInstances />
            </Cluster>
          </Clusters>
        </CentralSite>
      </CentralSites>
      <Services>
        <Service UniqueId="1userservices1" RoleName="UserServices" InstalledOn="1-1" ServiceVersion="6">
          <DependsOn /><Ports xmlns=")" SR_NS R"(" />
        </Service>
      </Services>
    </PartialTopology>
  </OriginalTopology>
  <NewTopology>
    <PartialTopology IsPublished="false" xmlns=")" WT_NS R"(">
      <InternalDomains AllowAllDomains="false" DefaultDomain="Contoso.com" xmlns=")" T_NS R"(">
        <InternalDomain Name="fabrikam.com" />
        <InternalDomain Name="contoso.com" />
      </InternalDomains>
      <SimpleUrlConfiguration UseBackendDatabase="false" xmlns=")" SU_NS R"(">
        <SimpleUrl Component="Meet" Domain="contoso.com" ActiveUrl="https://meet.contoso.com">
          <SimpleUrlEntry Url="https://meet.contoso.com" />
          <SimpleUrlEntry Url="https://contoso.com/meet" />
        </SimpleUrl>
        <SimpleUrl Component="Meet" Domain="fabrikam.com" ActiveUrl="https://meet.fabrikam.com">
          <SimpleUrlEntry Url="https://meet.fabrikam.com" />
        </SimpleUrl>
        <SimpleUrl Component="Dialin" Domain="*" ActiveUrl="https://dialin.contoso.com" />
        <SimpleUrl Component="Cscp" Domain="*" ActiveUrl="https://admin.contoso.com" />
        <SimpleUrl Component="Dialin13" Domain="*" ActiveUrl="https://dialin13.contoso.com" />
      </SimpleUrlConfiguration>
      <CentralSites>
        <CentralSite SiteId="1" OriginalSiteId="1">
          <Name xmlns=")" T_NS R"(">Redmond</Name>
          <Description xmlns=")" T_NS R"(">Head office</Description>
          <Location xmlns=")" T_NS R"(" City="Redmond" State="WA" CountryCode="US" />
          <SiteConfiguration xmlns=")" T_NS R"(">
            <OCSSiteConfiguration xmlns=")" SC_NS R"(">
              <FederationRoute><ServiceId xmlns=")" T_NS
    R"(" SiteId="1" RoleName="EdgeServer" Instance="1" /></FederationRoute>
            </OCSSiteConfiguration>
          </SiteConfiguration>
          <Clusters>
            <Cluster UniqueId="1-1" Fqdn="POOL01.contoso.com" IsSingleMachineOnly="false">
              <Machines>
                <Machine Fqdn="fe01.contoso.com">
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="Primary" InterfaceNumber="1" IPAddress="10.0.0.21" />
                </Machine>
                <Machine Fqdn="fe02.contoso.com">
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="Primary" InterfaceNumber="1" IPAddress="10.0.0.22" />
                </Machine>
              </Machines>
              <SqlInstances />
            </Cluster>
            <Cluster UniqueId="1-2" Fqdn="dir01.contoso.com" IsSingleMachineOnly="false">
              <Machines>
                <Machine Fqdn="dir01a.contoso.com">
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="Primary" InterfaceNumber="1" IPAddress="10.0.0.31" />
                </Machine>
              </Machines>
              <SqlInstances />
            </Cluster>
            <Cluster UniqueId="1-3" Fqdn="sql01.contoso.com" IsSingleMachineOnly="true">
              <Machines><Machine /></Machines>
              <SqlInstances><SqlInstance UniqueId="sql1-3" Name="" /></SqlInstances>
            </Cluster>
            <Cluster UniqueId="1-4" Fqdn="edgepool.contoso.com" IsSingleMachineOnly="false">
              <Machines>
                <Machine Fqdn="edge01.contoso.com">
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="Internal" InterfaceNumber="1" IPAddress="172.25.33.10" />
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="External" InterfaceNumber="1" IPAddress="10.45.16.10" />
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="External" InterfaceNumber="2" IPAddress="10.45.16.20" />
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="External" InterfaceNumber="3" IPAddress="10.45.16.30" ConfiguredIPAddress="131.107.155.30" />
                </Machine>
                <Machine Fqdn="edge02.contoso.com">
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="Internal" InterfaceNumber="1" IPAddress="172.25.33.11" />
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="External" InterfaceNumber="1" IPAddress="10.45.16.11" />
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="External" InterfaceNumber="2" IPAddress="10.45.16.21" />
                  <NetInterface xmlns=")" T_NS
    R"(" InterfaceSide="External" InterfaceNumber="3" IPAddress="10.45.16.31" ConfiguredIPAddress="131.107.155.31" />
                </Machine>
              </Machines>
              <SqlInstances />
            </Cluster>
            <Cluster UniqueId="1-5" Fqdn="owa.contoso.com" IsSingleMachineOnly="true">
              <Machines><Machine /></Machines>
              <SqlInstances />
            </Cluster>
          </Clusters>
          <RemoteSites>
            <RemoteSite SiteId="2">
              <Name xmlns=")" T_NS R"(">Branch-A</Name>
              <Clusters>
                <Cluster UniqueId="2-1" Fqdn="sba01.contoso.com" IsSingleMachineOnly="true">
                  <Machines><Machine /></Machines>
                  <SqlInstances />
                </Cluster>
              </Clusters>
            </RemoteSite>
          </RemoteSites>
        </CentralSite>
      </CentralSites>
      <Services>
        <Service UniqueId="1userservices1" RoleName="UserServices" RoleVersion="2" InstalledOn="1-1" ServiceVersion="7">
          <DependsOn><Dependency ServiceUniqueId="1userstore1" Usage="Default" /></DependsOn>
          <Ports xmlns=")" SR_NS R"(" />
        </Service>
        <Service UniqueId="1registrar1" RoleName="Registrar" InstalledOn="1-1" ServiceVersion="7">
          <DependsOn>
            <Dependency ServiceUniqueId="1userservices1" Usage="Default" />
            <Dependency ServiceUniqueId="1edgeserver1" Usage="Default" />
          </DependsOn>
          <Ports xmlns=")" SR_NS R"(" />
          <RegistrarService xmlns=")" SR_NS R"(" IsDirector="false" />
        </Service>
        <Service UniqueId="1webservices1" RoleName="WebServices" InstalledOn="1-1" ServiceVersion="7">
          <DependsOn />
          <Ports xmlns=")" SR_NS R"(" />
          <WebService xmlns=")" SR_NS R"(">
            <ExternalSettings Host="webext.contoso.com"><OverrideUrls /></ExternalSettings>
            <InternalSettings Host="webint.contoso.com"><OverrideUrls /></InternalSettings>
          </WebService>
        </Service>
        <Service UniqueId="1registrar2" RoleName="Registrar" InstalledOn="1-2" ServiceVersion="7">
          <DependsOn><Dependency ServiceUniqueId="1edgeserver1" Usage="Default" /></DependsOn>
          <Ports xmlns=")" SR_NS R"(" />
          <RegistrarService xmlns=")" SR_NS R"(" IsDirector="true" />
        </Service>
        <Service UniqueId="1webservices2" RoleName="WebServices" InstalledOn="1-2" ServiceVersion="7">
          <DependsOn />
          <Ports xmlns=")" SR_NS R"(" />
          <WebService xmlns=")" SR_NS R"(">
            <ExternalSettings Host="dirext.contoso.com"><OverrideUrls /></ExternalSettings>
            <InternalSettings Host="dir01.contoso.com"><OverrideUrls /></InternalSettings>
          </WebService>
        </Service>
        <Service UniqueId="1userstore1" RoleName="UserStore" InstalledOn="sql1-3" ServiceVersion="7">
          <DependsOn /><Ports xmlns=")" SR_NS R"(" />
        </Service>
        <Service UniqueId="1edgeserver1" RoleName="EdgeServer" RoleVersion="2" InstalledOn="1-4" ServiceVersion="7" OriginalSiteId="1" OriginalInstance="1">
          <DependsOn><Dependency ServiceUniqueId="1registrar2" Usage="Default" /></DependsOn>
          <Ports xmlns=")" SR_NS R"(">
            <Port Owner="urn:component:AccessEdge" Usage="SipServer" InterfaceSide="Internal" InterfaceNumber="1" Port="5061" Protocol="Mtls" />
            <Port Owner="urn:component:AccessEdge" Usage="SipClient" InterfaceSide="External" InterfaceNumber="1" Port="443" Protocol="Tls" ConfiguredFqdn="sip.contoso.com" />
            <Port Owner="urn:component:AccessEdge" Usage="SipServer" InterfaceSide="External" InterfaceNumber="1" Port="5061" Protocol="Mtls" ConfiguredFqdn="sip.contoso.com" />
            <Port Owner="urn:component:DataEdge" Usage="PsomClient" InterfaceSide="External" InterfaceNumber="2" Port="443" Protocol="Tls" ConfiguredFqdn="webconf.contoso.com" />
            <Port Owner="urn:component:MediaRelayEdge" Usage="TURNServer" InterfaceSide="External" InterfaceNumber="3" Port="443" Protocol="Tcp" ConfiguredFqdn="av.contoso.com" />
            <Port Owner="urn:component:MediaRelayEdge" Usage="TURNServer" InterfaceSide="External" InterfaceNumber="3" Port="3478" Protocol="Udp" ConfiguredFqdn="av.contoso.com" />
          </Ports>
        </Service>
        <Service UniqueId="1wacservice1" RoleName="WacService" InstalledOn="1-5" ServiceVersion="7">
          <DependsOn /><Ports xmlns=")" SR_NS R"(" />
          <WacService xmlns=")" SR_NS
    R"(" DiscoveryUrl="https://OWA.contoso.com/hosting/discovery" IsExternal="true" />
        </Service>
        <Service UniqueId="2registrar1" RoleName="Registrar" InstalledOn="2-1" ServiceVersion="7">
          <DependsOn><Dependency ServiceUniqueId="1registrar1" Usage="Default" /></DependsOn>
          <Ports xmlns=")" SR_NS R"(" />
          <RegistrarService xmlns=")" SR_NS R"(" IsDirector="false" />
        </Service>
        <Service UniqueId="2mediationserver1" RoleName="MediationServer" InstalledOn="2-1" ServiceVersion="7">
          <DependsOn><Dependency ServiceUniqueId="2registrar1" Usage="Default" /></DependsOn>
          <Ports xmlns=")" SR_NS R"(" />
        </Service>
        <Service UniqueId="9ghost1" RoleName="UserStore" InstalledOn="sql9-9" ServiceVersion="7">
          <DependsOn /><Ports xmlns=")" SR_NS R"(" />
        </Service>
      </Services>
    </PartialTopology>
  </NewTopology>
</TopologyBuilder>
)";

TEST_CASE("synthetic tbxml: Director, branch SBA, web override, three Edge interfaces") {
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(kEnterpriseTbxml, diagnostics);
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->version == ProductVersion::kSkype2015);
  // The default domain first, whatever the order of InternalDomain elements; lower-cased.
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com", "fabrikam.com"});

  SECTION("sites: central with its branch") {
    REQUIRE(topology->sites.size() == 2);
    const Site* central = FindSite(*topology, "Redmond");
    REQUIRE(central);
    CHECK(central->kind == SiteKind::kCentral);
    CHECK(central->description == "Head office");
    CHECK(central->location == "Redmond, WA, US");
    const Site* branch = FindSite(*topology, "Branch-A");
    REQUIRE(branch);
    CHECK(branch->kind == SiteKind::kBranch);
    CHECK(branch->parent == "Redmond");
    REQUIRE(branch->pools.size() == 1);
    CHECK(branch->pools[0].fqdn == "sba01.contoso.com");
    CHECK(branch->pools[0].kind == PoolKind::kSurvivableBranch);
    REQUIRE(branch->pools[0].servers.size() == 1);
    CHECK(branch->pools[0].servers[0].fqdn == "sba01.contoso.com");
  }

  SECTION("Front End pool with an internal web override and derived IDs") {
    const Pool* fe = FindPool(*topology, "pool01.contoso.com");
    REQUIRE(fe);
    CHECK(fe->kind == PoolKind::kFrontEnd);
    CHECK(fe->internal_web_fqdn == "webint.contoso.com");
    CHECK(fe->external_web_fqdn == "webext.contoso.com");
    CHECK(fe->edge_pool == "edgepool.contoso.com");
    REQUIRE(fe->servers.size() == 2);
    CHECK(fe->servers[0].addresses == std::vector<std::string>{"10.0.0.21"});
    CHECK(fe->servers[1].addresses == std::vector<std::string>{"10.0.0.22"});
    CHECK(fe->origin.Field("internal_web_fqdn").line > fe->origin.loc.line);
  }

  SECTION("Director pool via IsDirector; InternalSettings equal to the pool is no override") {
    const Pool* director = FindPool(*topology, "dir01.contoso.com");
    REQUIRE(director);
    CHECK(director->kind == PoolKind::kDirector);
    CHECK(director->internal_web_fqdn.empty());
    CHECK(director->external_web_fqdn == "dirext.contoso.com");
    REQUIRE(director->servers.size() == 1);
    CHECK(director->servers[0].fqdn == "dir01a.contoso.com");
  }

  SECTION("SQL back end (machine without FQDN) and external Office Web Apps") {
    const Pool* sql = FindPool(*topology, "sql01.contoso.com");
    REQUIRE(sql);
    CHECK(sql->kind == PoolKind::kSql);
    REQUIRE(sql->servers.size() == 1);
    CHECK(sql->servers[0].fqdn == "sql01.contoso.com");
    const Pool* owa = FindPool(*topology, "owa.contoso.com");
    REQUIRE(owa);
    CHECK(owa->kind == PoolKind::kOfficeWebApps);
    CHECK(owa->external_web_fqdn == "owa.contoso.com");
  }

  SECTION("Edge pool with three external interfaces behind NAT") {
    const Pool* edge = FindPool(*topology, "edgepool.contoso.com");
    REQUIRE(edge);
    CHECK(edge->kind == PoolKind::kEdge);
    CHECK(edge->edge.access_fqdn == "sip.contoso.com");
    CHECK(edge->edge.web_conferencing_fqdn == "webconf.contoso.com");
    CHECK(edge->edge.audio_video_fqdn == "av.contoso.com");
    CHECK(edge->edge.access_port == 443);
    CHECK(edge->edge.next_hop_pool == "dir01.contoso.com");  // EdgeServer -> Director
    CHECK(edge->edge.federation);  // SiteConfiguration FederationRoute triple
    CHECK(edge->edge.nat);
    REQUIRE(edge->servers.size() == 2);
    const Server& edge01 = edge->servers[0];
    CHECK(edge01.addresses == std::vector<std::string>{"172.25.33.10"});
    CHECK(edge01.edge_external.access == "10.45.16.10");
    CHECK(edge01.edge_external.web_conferencing == "10.45.16.20");
    CHECK(edge01.edge_external.audio_video == "10.45.16.30");
    // Call 11: only the A/V public address is in the file; the others are never guessed.
    CHECK(edge01.edge_public.audio_video == "131.107.155.30");
    CHECK(edge01.edge_public.access.empty());
    CHECK(edge01.edge_public.web_conferencing.empty());
    CHECK(edge->servers[1].edge_public.audio_video == "131.107.155.31");
    const Diagnostic* access = FindDiagnostic(diagnostics, "LT3025", "edge_public.access");
    REQUIRE(access);
    CHECK(access->message.find("edge01.contoso.com, edge02.contoso.com") != std::string::npos);
    CHECK(FindDiagnostic(diagnostics, "LT3025", "edge_public.web_conferencing"));
    CHECK_FALSE(FindDiagnostic(diagnostics, "LT3025", "edge_public.audio_video"));
    CHECK(CountCode(diagnostics, "LT3025") == 2);  // one per service and pool, not per server
  }

  SECTION("simple URLs: Meet per domain, Dialin, Cscp as Admin, inactive candidates kept") {
    std::vector<std::tuple<SimpleUrlKind, std::string, std::string, bool>> urls;
    for (const SimpleUrl& url : topology->simple_urls) {
      urls.emplace_back(url.kind, url.domain, url.url, url.active);
    }
    using T = std::tuple<SimpleUrlKind, std::string, std::string, bool>;
    CHECK(urls == std::vector<T>{
                      T{SimpleUrlKind::kMeet, "contoso.com", "https://meet.contoso.com", true},
                      T{SimpleUrlKind::kMeet, "contoso.com", "https://contoso.com/meet", false},
                      T{SimpleUrlKind::kMeet, "fabrikam.com", "https://meet.fabrikam.com", true},
                      T{SimpleUrlKind::kDialin, "*", "https://dialin.contoso.com", true},
                      T{SimpleUrlKind::kAdmin, "*", "https://admin.contoso.com", true},
                  });
    CHECK(FindDiagnostic(diagnostics, "LT3017", "Dialin13"));
  }

  SECTION("unresolved references are warnings, and pending changes a note") {
    const Diagnostic* ghost = FindDiagnostic(diagnostics, "LT3013", "sql9-9");
    REQUIRE(ghost);
    CHECK(ghost->severity == Severity::kWarning);
    CHECK(ghost->loc.line > 0);
    CHECK(FindDiagnostic(diagnostics, "LT3006", "--original"));
    CHECK(PoolCount(*topology) == 6);
  }
}

TEST_CASE("synthetic tbxml: the original_topology option reads OriginalTopology") {
  Diagnostics diagnostics;
  LoadOptions options;
  options.original_topology = true;
  std::optional<Topology> topology = Import(kEnterpriseTbxml, diagnostics, options);
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->version == ProductVersion::kLync2013);
  CHECK(topology->sip_domains == std::vector<std::string>{"contoso.com"});
  REQUIRE(PoolCount(*topology) == 1);
  const Pool* pool = FindPool(*topology, "pool01.contoso.com");
  REQUIRE(pool);
  CHECK(pool->kind == PoolKind::kFrontEnd);
  CHECK(pool->version == "lync2013");
  CHECK_FALSE(FindDiagnostic(diagnostics, "LT3006"));
}

TEST_CASE("original topology requested from a file without one is a positioned error") {
  const std::string text = std::string("<TopologyBuilder xmlns=\"" TB_NS "\">\n  <NewTopology>") +
                           "<PartialTopology /></NewTopology>\n</TopologyBuilder>\n";
  Diagnostics diagnostics;
  LoadOptions options;
  options.original_topology = true;
  CHECK_FALSE(Import(text, diagnostics, options));
  const Diagnostic* error = FindDiagnostic(diagnostics, "LT3004", "OriginalTopology");
  REQUIRE(error);
  CHECK(error->loc.line == 1);
}

// A published document re-serialised with prefixes (ns0:, t:, sr:) instead of default
// namespaces: names are matched by local name, never by prefix.
const char* const kPrefixedPublished =
    R"(<ns0:Topology xmlns:ns0=")" T_NS R"(" xmlns:sr=")" SR_NS R"(">
  <ns0:InternalDomains DefaultDomain="example.test">
    <ns0:InternalDomain Name="example.test" />
  </ns0:InternalDomains>
  <ns0:Sites>
    <ns0:CentralSite SiteId="7"><ns0:Name>HQ</ns0:Name></ns0:CentralSite>
    <ns0:BranchSite SiteId="8" CentralSiteId="7"><ns0:Name>Shop</ns0:Name></ns0:BranchSite>
  </ns0:Sites>
  <ns0:Clusters>
    <ns0:Cluster Fqdn="se01.example.test">
      <ns0:ClusterId SiteId="7" Number="1" />
      <ns0:Machine OrdinalInCluster="1" Fqdn="se01.example.test">
        <ns0:NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="192.0.2.5" />
      </ns0:Machine>
    </ns0:Cluster>
    <ns0:Cluster Fqdn="sbs.example.test">
      <ns0:ClusterId SiteId="8" Number="1" />
      <ns0:Machine OrdinalInCluster="1" Fqdn="sbs.example.test" />
    </ns0:Cluster>
  </ns0:Clusters>
  <ns0:Services>
    <ns0:Service ServiceVersion="8">
      <ns0:ServiceId SiteId="7" RoleName="UserServices" Instance="1" />
      <ns0:DependsOn />
      <ns0:InstalledOn><ns0:ClusterId SiteId="7" Number="1" /></ns0:InstalledOn>
      <sr:Ports />
    </ns0:Service>
    <ns0:Service ServiceVersion="8">
      <ns0:ServiceId SiteId="7" RoleName="WebServices" Instance="1" />
      <ns0:DependsOn />
      <ns0:InstalledOn><ns0:ClusterId SiteId="7" Number="1" /></ns0:InstalledOn>
      <sr:Ports />
      <sr:WebService><sr:ExternalSettings Host="web.example.test" /></sr:WebService>
    </ns0:Service>
    <ns0:Service ServiceVersion="8">
      <ns0:ServiceId SiteId="8" RoleName="Registrar" Instance="1" />
      <ns0:DependsOn>
        <ns0:Dependency Usage="Default"><ns0:ServiceId SiteId="7" RoleName="UserServices" Instance="1" /></ns0:Dependency>
      </ns0:DependsOn>
      <ns0:InstalledOn><ns0:ClusterId SiteId="8" Number="1" /></ns0:InstalledOn>
      <sr:Ports />
      <sr:RegistrarService IsDirector="false" />
    </ns0:Service>
  </ns0:Services>
</ns0:Topology>)";

TEST_CASE("prefixed namespaces and a published branch site") {
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(kPrefixedPublished, diagnostics);
  REQUIRE(topology);
  INFO(testing::AllDiagnostics(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(topology->version == ProductVersion::kSkype2019);
  CHECK(topology->sip_domains == std::vector<std::string>{"example.test"});
  REQUIRE(topology->sites.size() == 2);
  CHECK(topology->sites[1].kind == SiteKind::kBranch);
  CHECK(topology->sites[1].parent == "HQ");
  const Pool* se = FindPool(*topology, "se01.example.test");
  REQUIRE(se);
  CHECK(se->kind == PoolKind::kStandardEdition);
  CHECK(se->external_web_fqdn == "web.example.test");
  REQUIRE(se->servers.size() == 1);
  CHECK(se->servers[0].addresses == std::vector<std::string>{"192.0.2.5"});
  const Pool* sbs = FindPool(*topology, "sbs.example.test");
  REQUIRE(sbs);
  CHECK(sbs->kind == PoolKind::kSurvivableBranch);
}

TEST_CASE("placeholder names in a Topology Builder file are positioned errors") {
  const std::string text = std::string(R"(<TopologyBuilder xmlns=")" TB_NS R"(">
<NewTopology><PartialTopology>
<CentralSites><CentralSite SiteId="1"><Name>HQ</Name><Clusters>
<Cluster UniqueId="a" Fqdn="$PoolFqdn" IsSingleMachineOnly="true"><Machines><Machine /></Machines></Cluster>
</Clusters></CentralSite></CentralSites>
<Services><Service UniqueId="s" RoleName="UserServices" InstalledOn="a" ServiceVersion="6" /></Services>
</PartialTopology></NewTopology></TopologyBuilder>)");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(text, diagnostics, {}, "tmpl.tbxml");
  CHECK(diagnostics.HasErrors());
  const Diagnostic* error = FindDiagnostic(diagnostics, "LT3010", "$PoolFqdn");
  REQUIRE(error);
  CHECK(error->file == "tmpl.tbxml");
  CHECK(error->loc.line == 4);
  CHECK(error->loc.column == 23);
  // Reported once, though the nameless machine inherits the same placeholder.
  CHECK(CountCode(diagnostics, "LT3010") == 1);
}

TEST_CASE("a nameless machine in a multi-machine pool is reported and skipped") {
  const std::string text = std::string(R"(<TopologyBuilder xmlns=")" TB_NS R"(">
<NewTopology><PartialTopology>
<CentralSites><CentralSite SiteId="1"><Name>HQ</Name><Clusters>
<Cluster UniqueId="a" Fqdn="pool.example.test" IsSingleMachineOnly="false"><Machines>
<Machine Fqdn="fe1.example.test" /><Machine />
</Machines></Cluster>
</Clusters></CentralSite></CentralSites>
<Services><Service UniqueId="s" RoleName="UserServices" InstalledOn="a" ServiceVersion="6" /></Services>
</PartialTopology></NewTopology></TopologyBuilder>)");
  Diagnostics diagnostics;
  std::optional<Topology> topology = Import(text, diagnostics);
  REQUIRE(topology);
  const Pool* pool = FindPool(*topology, "pool.example.test");
  REQUIRE(pool);
  CHECK(pool->kind == PoolKind::kFrontEnd);
  REQUIRE(pool->servers.size() == 1);
  CHECK(pool->servers[0].fqdn == "fe1.example.test");
  const Diagnostic* skipped = FindDiagnostic(diagnostics, "LT3011");
  REQUIRE(skipped);
  CHECK(skipped->loc.line == 5);
  CHECK(topology->version == ProductVersion::kLync2013);
}

TEST_CASE("documents that are not Lync topologies") {
  Diagnostics malformed;
  CHECK_FALSE(Import("<TopologyBuilder>\n  <NewTopology>\n</TopologyBuilder>", malformed));
  const Diagnostic* parse = FindDiagnostic(malformed, "LT3001");
  REQUIRE(parse);
  CHECK(parse->loc.line == 3);
  CHECK(malformed.error_count() == 1);

  Diagnostics other_root;
  CHECK_FALSE(Import("<?xml version=\"1.0\"?>\n<TopologyInput />", other_root));
  REQUIRE(FindDiagnostic(other_root, "LT3002", "TopologyInput"));
  CHECK(FindDiagnostic(other_root, "LT3002")->loc.line == 2);

  Diagnostics json;
  CHECK_FALSE(Import("\xEF\xBB\xBF {\"format_version\": 1}", json));
  CHECK(FindDiagnostic(json, "LT3002", "JSON"));

  Diagnostics empty;
  CHECK_FALSE(Import("", empty));
  CHECK(empty.error_count() == 1);
}

}  // namespace
}  // namespace lynctopo
