#pragma once

// The typed topology model: what the user (or a Lync export plus an overlay) says the
// deployment is. Loaders fill it, validation proves it, plan derivation reads it.
//
// Host names are kept as text, lower-cased and without a trailing dot, exactly as far as the
// loader could normalise them: validation checks each one with Fqdn::Check and reports the
// problem at its position, and only the derived plan holds checked `Fqdn` values. That keeps
// names Lync accepts but our rules reject (single-label inventory names) in the model as
// inventory, with a warning, instead of losing them at load time.

#include <optional>
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace lynctopo {

enum class ProductVersion { kLync2013, kSkype2015, kSkype2019 };

enum class SiteKind { kCentral, kBranch };

// Kinds of pool. Standard Edition, Front End, Director and Edge drive the generators; the rest
// are inventory imported from real topologies (and Office Web Apps, which is published).
enum class PoolKind {
  kStandardEdition,
  kFrontEnd,
  kDirector,
  kEdge,
  kMediation,
  kSurvivableBranch,  // Survivable Branch Appliance / Server
  kOfficeWebApps,
  kPersistentChat,
  kSql,
  kFileStore,
  kPstnGateway,
  kOther,
};

// kUnknown: an imported multi-server pool; Lync files do not record how a pool is load
// balanced. Planned as Lync's default (DNS load balancing) with the web-services VIPs unknown.
enum class LoadBalancing { kNone, kDns, kHardware, kUnknown };

enum class SimpleUrlKind { kMeet, kDialin, kAdmin };

enum class ProxyProduct { kTmg, kArr, kNginx, kHaproxy };

enum class CaKind { kInternal, kPublic };

enum class EdgeService { kAccess, kWebConferencing, kAudioVideo };

// The Windows Server release a server runs; kDefault: the pool's, and for a pool the product
// version's usual release (docs/iis.md). Drives the IIS prerequisites script.
enum class WindowsRelease { kDefault, k2008R2, k2012, k2012R2, k2016, k2019, k2022 };

// SIP transport of a trunk between a Mediation pool and a PSTN gateway.
enum class TrunkTransport { kTls, kTcp };

// One simple URL entry (spec §E). `domain` is the SIP domain for Meet and "*" for Dialin and
// Admin. Only active URLs are used by the generators; inactive ones are kept for diffing.
struct SimpleUrl {
  SimpleUrlKind kind = SimpleUrlKind::kMeet;
  std::string domain;
  std::string url;
  bool active = true;
  Origin origin;
};

struct KerberosAccount {
  std::string account;       // DOMAIN\name (name <= 15 characters)
  std::string container_dn;  // empty: the default CN=Computers container
  Origin origin;
};

struct ReverseProxy {
  std::string name;  // free text identifier, unique in the deployment
  ProxyProduct product = ProxyProduct::kNginx;
  std::string fqdn;                             // optional host name of the proxy itself
  std::vector<std::string> external_addresses;  // public listener addresses (first is primary)
  std::vector<std::string> internal_addresses;
  Origin origin;
};

// Per-service addresses of an Edge server's external side.
struct EdgeServiceAddresses {
  std::string access;
  std::string web_conferencing;
  std::string audio_video;
  bool empty() const { return access.empty() && web_conferencing.empty() && audio_video.empty(); }
};

struct Server {
  std::string fqdn;                    // may be empty for an imported single-machine pool
  std::vector<std::string> addresses;  // internal interface addresses (IPv4 or IPv6)
  // Edge servers only.
  EdgeServiceAddresses edge_external;  // addresses on the external interface
  EdgeServiceAddresses edge_public;    // public (NAT) addresses; empty when not behind NAT
  WindowsRelease os = WindowsRelease::kDefault;  // kDefault: the pool's
  Origin origin;
};

struct EdgeSettings {
  // External service FQDNs; with "single FQDN and IP" all three are the same name.
  std::string access_fqdn;
  std::string web_conferencing_fqdn;
  std::string audio_video_fqdn;
  int access_port = 443;
  int web_conferencing_port = 443;
  int audio_video_port = 443;
  bool nat = false;           // external side behind NAT (public addresses differ)
  std::string next_hop_pool;  // FQDN of the Director / Front End pool the Edge talks to
  bool federation = false;    // this Edge pool is the one published for federation
  bool xmpp = false;          // hosts the XMPP gateway/proxy
  // Under hardware load balancing: the VIPs (internal VIP is Pool::vip).
  EdgeServiceAddresses external_vips;
  Origin origin;
};

// A SIP trunk: the PSTN gateway (IP-PBX, SBC) a Mediation pool talks to, with the ports each
// side listens on (Topology Builder's defaults: 5067 on both sides over TLS).
struct Trunk {
  std::string gateway;  // FQDN of a pstn-gateway pool of the topology
  TrunkTransport transport = TrunkTransport::kTls;
  int gateway_port = 5067;    // where the gateway listens
  int mediation_port = 5067;  // where the Mediation server listens for this trunk
  Origin origin;
};

// Stand-alone Mediation pools only.
struct MediationSettings {
  std::string next_hop_pool;  // the Front End pool / Standard Edition server it routes calls to
  std::vector<Trunk> trunks;
  Origin origin;
};

// Survivable Branch Appliances / Servers only.
struct BranchApplianceSettings {
  // The central site's Front End pool / Standard Edition server that registers the branch's
  // users when the appliance is down.
  std::string backup_registrar_pool;
  Origin origin;
};

struct Pool {
  PoolKind kind = PoolKind::kFrontEnd;
  std::string fqdn;  // pool (SIP) FQDN; Standard Edition: equals the server FQDN
  std::vector<Server> servers;
  LoadBalancing load_balancing = LoadBalancing::kNone;
  std::string vip;                 // HLB VIP of the pool FQDN (Edge: internal VIP)
  std::string internal_web_vip;    // HLB VIP for internal web traffic
  std::string external_web_vip;    // HLB VIP the reverse proxy targets (4443/8080)
  std::string internal_web_fqdn;   // override; empty = the pool FQDN
  std::string external_web_fqdn;   // "External Base URL" host; empty = not published
  std::string edge_pool;           // internal pools: FQDN of the Edge pool used for A/V
  EdgeSettings edge;               // kind == kEdge only
  MediationSettings mediation;     // kind == kMediation only
  BranchApplianceSettings branch;  // kind == kSurvivableBranch only
  WindowsRelease os = WindowsRelease::kDefault;  // kDefault: the product version's
  std::string version;  // free text from an import (e.g. "Lync Server 2013")
  std::string description;
  Origin origin;
};

struct Site {
  std::string name;
  SiteKind kind = SiteKind::kCentral;
  std::string parent;  // branch sites: the central site they hang off
  std::string description;
  std::string location;
  std::optional<KerberosAccount> kerberos_account;
  std::vector<SimpleUrl> simple_urls;  // site-scoped; all three kinds or none (spec F20)
  std::string designated_pool;         // pool serving simple URLs / sign-in when no Director
  std::vector<ReverseProxy> reverse_proxies;
  std::vector<Pool> pools;
  Origin origin;
};

struct MobilitySettings {
  bool lyncdiscover_over_http = false;  // publish lyncdiscover on 80 instead of 443 (call 9)
  Origin origin;
};

struct FederationSettings {
  bool enabled = false;
  bool xmpp = false;
  std::vector<std::string> xmpp_domains;  // default: every SIP domain
  Origin origin;
};

struct CertificatePolicy {
  CaKind internal_ca = CaKind::kInternal;  // CA for internal server certificates
  int key_bits = 2048;
  std::string hash = "sha256";
  int max_sans = 100;
  bool split_over_max_sans = false;   // split a certificate over max_sans instead of erroring
  bool wildcard_simple_urls = false;  // use *.<domain> for simple URLs where A.12 allows
  bool separate_web_certificates =
      false;                         // Default, WebServicesInternal, WebServicesExternal apart
  bool sip_names_on_default = true;  // sip.<domain> on the sign-in target's Default certificate
  Origin origin;
};

struct DnsSettings {
  int ttl = 3600;
  std::string primary_ns;  // SOA MNAME and NS; empty = ns1.<zone>
  std::string hostmaster;  // SOA RNAME as an address (hostmaster@...); empty = hostmaster.<zone>
  // Per view: the name server (overrides primary_ns there) and its addresses, the glue a zone
  // that holds the name server's own name needs before BIND loads it.
  std::string internal_ns, external_ns;
  std::vector<std::string> internal_ns_addresses, external_ns_addresses;
  // "a" (the default): lyncdiscover / lyncdiscoverinternal get address records; "cname": a
  // CNAME to the sign-in pool's external / internal web FQDN where that lies in the same SIP
  // domain (a CNAME into another domain fails for mobile clients), address records elsewhere.
  std::string lyncdiscover_records;
  // A Standard Edition server's / Front End pool's external web FQDN inside: "absent" (the
  // default; no internal record, the mobility-safe choice) or "hairpin" (the reverse proxy's
  // public address). docs/domain-calls.md.
  std::string external_web_internal;
  // Internal zones of the SIP domains: "full" (the default; one zone per SIP domain) or
  // "pinpoint" (one zone per planned name, for a SIP domain whose whole zone cannot live
  // inside). docs/domain-calls.md.
  std::string internal_zones;
  Origin origin;
};

struct Topology {
  std::string name;
  ProductVersion version = ProductVersion::kLync2013;
  std::vector<std::string> sip_domains;  // the default SIP domain first
  std::string ad_domain;                 // internal AD DNS domain
  std::string netbios_domain;
  // Design rules (recommendations, feature prerequisites) are errors, not warnings, for this
  // topology, as with --strict.
  bool strict = false;
  std::vector<SimpleUrl> simple_urls;  // global scope
  std::string designated_pool;         // sign-in / simple URL target when no Director
  MobilitySettings mobility;
  FederationSettings federation;
  CertificatePolicy certificates;
  DnsSettings dns;
  std::vector<Site> sites;

  std::string source_file;  // the path the model was read from, for diagnostics
  Origin origin;
};

// Names for enums as written in our formats ("standard-edition", "dns", "meet", ...).
const char* ToString(ProductVersion v);
const char* ToString(SiteKind v);
const char* ToString(PoolKind v);
const char* ToString(LoadBalancing v);
const char* ToString(SimpleUrlKind v);
const char* ToString(ProxyProduct v);
const char* ToString(CaKind v);
const char* ToString(WindowsRelease v);
const char* ToString(TrunkTransport v);
bool Parse(std::string_view text, ProductVersion* out);
bool Parse(std::string_view text, SiteKind* out);
bool Parse(std::string_view text, PoolKind* out);
bool Parse(std::string_view text, LoadBalancing* out);
bool Parse(std::string_view text, SimpleUrlKind* out);
bool Parse(std::string_view text, ProxyProduct* out);
bool Parse(std::string_view text, CaKind* out);
bool Parse(std::string_view text, WindowsRelease* out);
bool Parse(std::string_view text, TrunkTransport* out);

// The release a server runs: its own, else its pool's, else the product version's default.
WindowsRelease EffectiveRelease(const Server& server, const Pool& pool, ProductVersion version);
WindowsRelease DefaultRelease(ProductVersion version);

// Pools that run IIS web services (Standard Edition, Front End, Director).
bool RunsIis(PoolKind kind);

}  // namespace lynctopo
