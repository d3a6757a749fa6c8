#pragma once

// The neutral, format-independent picture of a Lync topology document: what the Topology
// Builder walker and the published-topology walker both produce, before roles are inferred.
// Keys are opaque strings (GUIDs, derived "1-107" style IDs, or keys synthesised from the
// published composite identities); only equality is ever used on them.

#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace lynctopo {

struct RawNic {
  std::string side;  // Primary | External | Internal | Pstn (kept raw)
  int number = 1;
  std::string ip;             // "" when absent
  std::string configured_ip;  // public (NAT) address on an Edge external NIC
  SourceLoc loc;
  SourceLoc ip_loc;
  SourceLoc configured_ip_loc;
};

struct RawMachine {
  std::string fqdn;  // "" when the file omits it (single-machine clusters)
  SourceLoc loc;
  SourceLoc fqdn_loc;
  std::vector<RawNic> nics;
};

struct RawCluster {
  std::string id;
  std::string site_id;
  std::string fqdn;
  SourceLoc loc;
  SourceLoc fqdn_loc;
  int single_machine = -1;  // IsSingleMachineOnly: -1 absent, 0 false, 1 true
  std::vector<RawMachine> machines;
};

struct RawSqlInstance {
  std::string id;
  std::string cluster_id;
  std::string name;
};

struct RawPort {
  std::string owner;  // component or application name (after the last ':' of the URN)
  std::string usage;
  std::string side;
  int number = 1;
  int port = 0;
  std::string protocol;
  std::string configured_fqdn;
  SourceLoc loc;
  SourceLoc configured_fqdn_loc;
};

struct RawDependency {
  std::string service_id;
  std::string usage;
};

struct RawService {
  std::string id;
  std::string triple;  // "SiteId|RoleName|Instance" when known (site configuration references)
  std::string role;    // RoleName, raw
  int service_version = 0;
  std::string installed_on;  // a cluster id or a SQL instance id
  SourceLoc loc;
  std::vector<RawDependency> depends_on;
  std::vector<RawPort> ports;
  // Role-specific settings we use.
  bool is_director = false;
  std::string external_web_host;
  SourceLoc external_web_host_loc;
  std::string internal_web_host;
  SourceLoc internal_web_host_loc;
  std::string wac_discovery_url;
  SourceLoc wac_discovery_url_loc;
  bool wac_external = false;
};

struct RawSite {
  std::string id;
  std::string name;
  SourceLoc loc;
  SourceLoc name_loc;
  bool central = true;
  std::string parent_id;  // branch sites: SiteId of the central site
  std::string description;
  std::string location;  // "City, State, Country" as far as given
  // Federation route: a service id and/or a "SiteId|RoleName|Instance" triple.
  std::string federation_route_id;
  std::string federation_route_triple;
  SourceLoc federation_route_loc;
};

struct RawSimpleUrl {
  std::string component;  // Meet | Dialin | Cscp | Admin | anything else (kept raw)
  std::string domain;
  std::string active_url;
  std::vector<std::string> entries;
  SourceLoc loc;
  SourceLoc active_url_loc;
};

struct RawTopology {
  bool published = false;  // Get-CsTopology -AsXml form
  SourceLoc root_loc;
  std::string default_domain;
  SourceLoc default_domain_loc;
  std::vector<std::pair<std::string, SourceLoc>> domains;
  bool has_simple_url_configuration = false;
  std::vector<RawSimpleUrl> simple_urls;
  std::vector<RawSite> sites;  // document order; branch sites follow their central site
  std::vector<RawCluster> clusters;
  std::vector<RawSqlInstance> sql_instances;
  std::vector<RawService> services;
};

}  // namespace lynctopo
