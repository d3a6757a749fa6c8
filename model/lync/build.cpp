#include "model/lync/build.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/lync/roles.hpp"

namespace lynctopo {
namespace {

std::string NormalizeName(std::string_view text) {
  std::string out = ToLower(text);
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// "0.0.0.0" (and "::") means "every address / resolved by DNS": not an address we can use.
bool IsUsableAddress(std::string_view address) {
  return !address.empty() && address != "0.0.0.0" && address != "::";
}

std::string HostOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/:?#");
  return NormalizeName(url.substr(0, end));
}

std::string VersionText(int service_version) {
  if (auto v = VersionFromServiceVersion(service_version)) return ToString(*v);
  return service_version > 0 ? fmt::format("ServiceVersion {}", service_version) : "";
}

// External side of an EdgeServer service, from its ports (reference §6.8).
struct EdgePorts {
  struct Service {
    std::string fqdn;
    int port = 0;
    int interface_number = 0;  // 0: no port found
    SourceLoc loc;
  };
  Service access, web_conferencing, audio_video;
  bool federation_port = false;
  bool xmpp = false;
};

EdgePorts ReadEdgePorts(const RawService& service) {
  EdgePorts edge;
  auto take = [](EdgePorts::Service& target, const RawPort& port) {
    if (target.interface_number != 0) return;
    target.fqdn = NormalizeName(port.configured_fqdn);
    target.port = port.port;
    target.interface_number = port.number;
    target.loc = port.configured_fqdn.empty() ? port.loc : port.configured_fqdn_loc;
  };
  for (const RawPort& port : service.ports) {
    if (port.side != "External") continue;
    if (port.owner == "AccessEdge" && port.usage == "SipClient") take(edge.access, port);
    if (port.owner == "AccessEdge" && port.usage == "SipServer") edge.federation_port = true;
    if (port.owner == "DataEdge" && port.usage == "PsomClient") take(edge.web_conferencing, port);
    if (port.owner == "MediaRelayEdge" && port.usage == "TURNServer" && port.protocol == "Tcp") {
      take(edge.audio_video, port);
    }
    if (port.owner == "XmppFederationProxy") edge.xmpp = true;
  }
  // Fallbacks for unusual files: any external port of the component gives its FQDN.
  for (const RawPort& port : service.ports) {
    if (port.side != "External") continue;
    if (port.owner == "AccessEdge") take(edge.access, port);
    if (port.owner == "MediaRelayEdge") take(edge.audio_video, port);
  }
  return edge;
}

class Builder {
 public:
  Builder(const RawTopology& raw, const std::string& path, Diagnostics& diagnostics)
      : raw_(raw), path_(path), diagnostics_(diagnostics) {}

  Topology Build() {
    topology_.source_file = path_;
    topology_.origin.loc = raw_.root_loc;
    Index();
    ReadDomains();
    ReadSimpleUrls();
    BuildSites();
    BuildPools();
    Associate();
    MarkFederation();
    SetVersion();
    Distribute();
    topology_.name = !topology_.sip_domains.empty() ? topology_.sip_domains.front()
                     : !topology_.sites.empty()     ? topology_.sites.front().name
                                                    : "imported";
    return std::move(topology_);
  }

 private:
  // Reports a template placeholder (`$SkypeFQDN`) once per position; returns true if found.
  bool Placeholder(std::string_view value, const SourceLoc& loc, std::string_view what) {
    size_t dollar = value.find('$');
    if (dollar == std::string_view::npos) return false;
    std::string key = fmt::format("{}:{}", loc.line, loc.column);
    if (reported_placeholders_.insert(key).second) {
      diagnostics_.Error("LT3010", path_, loc,
                         fmt::format("{} '{}' is a template placeholder, not a real value: fill "
                                     "in the template (or export the real topology) first",
                                     what, value));
    }
    return true;
  }

  void Index() {
    for (size_t i = 0; i < raw_.clusters.size(); ++i) {
      if (!cluster_index_.emplace(raw_.clusters[i].id, i).second) {
        diagnostics_.Warning("LT3016", path_, raw_.clusters[i].loc,
                             fmt::format("duplicate cluster id '{}': references resolve to the "
                                         "first one",
                                         raw_.clusters[i].id));
      }
    }
    has_sql_instance_.assign(raw_.clusters.size(), false);
    for (const RawSqlInstance& sql : raw_.sql_instances) {
      auto cluster = cluster_index_.find(sql.cluster_id);
      if (cluster == cluster_index_.end()) continue;
      sql_cluster_.emplace(sql.id, cluster->second);
      has_sql_instance_[cluster->second] = true;
    }
    for (size_t i = 0; i < raw_.services.size(); ++i) {
      const RawService& service = raw_.services[i];
      service_index_.emplace(service.id, i);
      if (!service.triple.empty()) service_triple_.emplace(service.triple, i);
    }
    services_on_.assign(raw_.clusters.size(), {});
    installed_cluster_.assign(raw_.services.size(), kNone);
    for (size_t i = 0; i < raw_.services.size(); ++i) {
      const RawService& service = raw_.services[i];
      size_t cluster = kNone;
      if (auto c = cluster_index_.find(service.installed_on); c != cluster_index_.end()) {
        cluster = c->second;
      } else if (auto s = sql_cluster_.find(service.installed_on); s != sql_cluster_.end()) {
        cluster = s->second;
      }
      if (cluster == kNone) {
        diagnostics_.Warning(
            "LT3013", path_, service.loc,
            fmt::format("service {} is installed on '{}', which is neither a cluster nor a SQL "
                        "instance of this topology: ignored",
                        service.role, service.installed_on));
        continue;
      }
      installed_cluster_[i] = cluster;
      services_on_[cluster].push_back(i);
    }
  }

  void ReadDomains() {
    std::unordered_set<std::string> seen;
    bool placeholder = false;
    auto add = [&](const std::string& text, const SourceLoc& loc) {
      if (text.empty()) return;
      if (Placeholder(text, loc, "SIP domain")) {
        placeholder = true;
        return;
      }
      std::string domain = NormalizeName(text);
      if (seen.insert(domain).second) topology_.sip_domains.push_back(domain);
    };
    add(raw_.default_domain, raw_.default_domain_loc);
    for (const auto& [domain, loc] : raw_.domains) add(domain, loc);
    if (topology_.sip_domains.empty() && !placeholder) {
      diagnostics_.Warning("LT3019", path_, raw_.root_loc,
                           "the file names no SIP domain (InternalDomains): set `sip_domains` in "
                           "an overlay");
    }
  }

  void ReadSimpleUrls() {
    for (const RawSimpleUrl& url : raw_.simple_urls) {
      std::string component = ToLower(url.component);
      SimpleUrl model;
      if (component == "meet") {
        model.kind = SimpleUrlKind::kMeet;
      } else if (component == "dialin") {
        model.kind = SimpleUrlKind::kDialin;
      } else if (component == "cscp" || component == "admin") {
        model.kind = SimpleUrlKind::kAdmin;  // Topology Builder writes Admin as Cscp (call 10)
      } else {
        diagnostics_.Warning("LT3017", path_, url.loc,
                             fmt::format("simple URL component '{}' is not Meet, Dialin or "
                                         "Cscp/Admin: ignored",
                                         url.component));
        continue;
      }
      if (Placeholder(url.domain, url.loc, "simple URL domain") ||
          Placeholder(url.active_url, url.active_url_loc, "simple URL")) {
        continue;
      }
      model.domain = url.domain == "*" ? "*" : NormalizeName(url.domain);
      model.origin.loc = url.loc;
      model.origin.SetField("url", url.active_url_loc);
      std::string active =
          url.active_url.empty() && !url.entries.empty() ? url.entries.front() : url.active_url;
      model.url = active;
      model.active = true;
      topology_.simple_urls.push_back(model);
      // Candidate URLs that are not in force are kept, inactive, for diffing.
      for (const std::string& entry : url.entries) {
        if (entry == active || entry.empty()) continue;
        SimpleUrl inactive = model;
        inactive.url = entry;
        inactive.active = false;
        topology_.simple_urls.push_back(inactive);
      }
    }
  }

  void BuildSites() {
    for (size_t i = 0; i < raw_.sites.size(); ++i) {
      const RawSite& raw = raw_.sites[i];
      Site site;
      site.name = raw.name;
      if (site.name.empty()) {
        site.name = "Site " + raw.id;
        diagnostics_.Warning("LT3018", path_, raw.loc,
                             fmt::format("site {} has no name: called '{}'", raw.id, site.name));
      } else {
        Placeholder(raw.name, raw.name_loc, "site name");
      }
      site.kind = raw.central ? SiteKind::kCentral : SiteKind::kBranch;
      site.description = raw.description;
      site.location = raw.location;
      site.origin.loc = raw.loc;
      site.origin.SetField("name", raw.name_loc);
      site_index_.emplace(raw.id, i);
      sites_.push_back(std::move(site));
    }
    for (size_t i = 0; i < raw_.sites.size(); ++i) {
      const RawSite& raw = raw_.sites[i];
      if (raw.central) continue;
      auto parent = site_index_.find(raw.parent_id);
      if (parent != site_index_.end()) {
        sites_[i].parent = sites_[parent->second].name;
      } else {
        diagnostics_.Warning("LT3018", path_, raw.loc,
                             fmt::format("branch site '{}' names no central site it belongs to: "
                                         "set its `parent` in an overlay",
                                         sites_[i].name));
      }
    }
  }

  ClusterServices ServicesOf(size_t cluster) const {
    ClusterServices services;
    services.has_sql_instance = has_sql_instance_[cluster];
    for (size_t s : services_on_[cluster]) {
      const RawService& service = raw_.services[s];
      services.roles.insert(ToLower(service.role));
      if (ToLower(service.role) == "registrar" && service.is_director) services.is_director = true;
      services.max_service_version =
          std::max(services.max_service_version, service.service_version);
    }
    return services;
  }

  const RawService* ServiceWithRole(size_t cluster, std::string_view role) const {
    for (size_t s : services_on_[cluster]) {
      if (ToLower(raw_.services[s].role) == role) return &raw_.services[s];
    }
    return nullptr;
  }

  void BuildPools() {
    pools_.resize(raw_.clusters.size());
    pool_site_.assign(raw_.clusters.size(), kNone);
    for (size_t c = 0; c < raw_.clusters.size(); ++c) {
      const RawCluster& cluster = raw_.clusters[c];
      if (cluster.fqdn.empty()) {
        diagnostics_.Warning("LT3012", path_, cluster.loc,
                             "cluster without an Fqdn attribute: ignored");
        continue;
      }
      auto site = site_index_.find(cluster.site_id);
      if (site == site_index_.end()) {
        diagnostics_.Warning("LT3013", path_, cluster.loc,
                             fmt::format("cluster {} belongs to site '{}', which the file does "
                                         "not define: ignored",
                                         cluster.fqdn, cluster.site_id));
        continue;
      }
      pool_site_[c] = site->second;
      ClusterServices services = ServicesOf(c);
      InferredKind kind = InferPoolKind(cluster, services, !raw_.sites[site->second].central);
      if (!kind.doubt.empty()) {
        diagnostics_.Warning("LT3015", path_, cluster.loc,
                             fmt::format("cannot tell what cluster {} is ({}): kept as inventory "
                                         "of kind 'other'",
                                         cluster.fqdn, kind.doubt));
      }
      Pool& pool = pools_[c];
      pool.kind = kind.kind;
      Placeholder(cluster.fqdn, cluster.fqdn_loc, "pool FQDN");
      pool.fqdn = NormalizeName(cluster.fqdn);
      pool.version = VersionText(services.max_service_version);
      pool.origin.loc = cluster.loc;
      pool.origin.SetField("fqdn", cluster.fqdn_loc);
      max_service_version_ = std::max(max_service_version_, services.max_service_version);
      BuildServers(c, &pool);
      // Lync files never say how a pool is load balanced; a single machine needs none.
      bool balanced_kind = pool.kind == PoolKind::kFrontEnd || pool.kind == PoolKind::kDirector ||
                           pool.kind == PoolKind::kEdge;
      if (balanced_kind && pool.servers.size() > 1) pool.load_balancing = LoadBalancing::kUnknown;
      if (const RawService* web = ServiceWithRole(c, "webservices")) ReadWeb(*web, &pool);
      if (pool.kind == PoolKind::kOfficeWebApps) {
        if (const RawService* wac = ServiceWithRole(c, "wacservice"); wac && wac->wac_external) {
          pool.external_web_fqdn = HostOfUrl(wac->wac_discovery_url);
          pool.origin.SetField("external_web_fqdn", wac->wac_discovery_url_loc);
        }
      }
      if (pool.kind == PoolKind::kEdge) {
        if (const RawService* edge = ServiceWithRole(c, "edgeserver")) ReadEdge(c, *edge, &pool);
      }
    }
  }

  void BuildServers(size_t c, Pool* pool) {
    const RawCluster& cluster = raw_.clusters[c];
    bool single = cluster.single_machine == 1 || cluster.machines.size() == 1;
    const char* internal_side = pool->kind == PoolKind::kEdge ? "Internal" : "Primary";
    for (const RawMachine& machine : cluster.machines) {
      Server server;
      if (machine.fqdn.empty()) {
        if (!single) {
          diagnostics_.Warning("LT3011", path_, machine.loc,
                               fmt::format("a machine of the multi-machine pool {} has no Fqdn: "
                                           "ignored",
                                           pool->fqdn));
          continue;
        }
        // Single-machine clusters omit the machine FQDN: it is the cluster's (reference §4.3).
        server.fqdn = pool->fqdn;
        server.origin.SetField("fqdn", cluster.fqdn_loc);
      } else {
        Placeholder(machine.fqdn, machine.fqdn_loc, "server FQDN");
        server.fqdn = NormalizeName(machine.fqdn);
        server.origin.SetField("fqdn", machine.fqdn_loc);
      }
      server.origin.loc = machine.loc;
      for (const RawNic& nic : machine.nics) {
        if (nic.side == internal_side && IsUsableAddress(nic.ip)) {
          server.addresses.push_back(nic.ip);
          if (server.addresses.size() == 1) server.origin.SetField("addresses", nic.ip_loc);
        }
      }
      pool->servers.push_back(std::move(server));
    }
  }

  void ReadWeb(const RawService& web, Pool* pool) {
    if (!web.external_web_host.empty() &&
        !Placeholder(web.external_web_host, web.external_web_host_loc, "external web FQDN")) {
      pool->external_web_fqdn = NormalizeName(web.external_web_host);
      pool->origin.SetField("external_web_fqdn", web.external_web_host_loc);
    }
    if (!web.internal_web_host.empty() &&
        !Placeholder(web.internal_web_host, web.internal_web_host_loc, "internal web FQDN")) {
      std::string host = NormalizeName(web.internal_web_host);
      // Only a different name is an override; the default internal name is the pool FQDN.
      if (host != pool->fqdn) {
        pool->internal_web_fqdn = host;
        pool->origin.SetField("internal_web_fqdn", web.internal_web_host_loc);
      }
    }
  }

  void ReadEdge(size_t c, const RawService& service, Pool* pool) {
    EdgePorts ports = ReadEdgePorts(service);
    EdgeSettings& edge = pool->edge;
    edge.origin.loc = service.loc;
    struct Target {
      const EdgePorts::Service& port;
      std::string* fqdn;
      int* number;
      const char* field;
      const char* what;
    };
    const Target targets[] = {
        {ports.access, &edge.access_fqdn, &edge.access_port, "access_fqdn", "Access Edge"},
        {ports.web_conferencing, &edge.web_conferencing_fqdn, &edge.web_conferencing_port,
         "web_conferencing_fqdn", "Web Conferencing Edge"},
        {ports.audio_video, &edge.audio_video_fqdn, &edge.audio_video_port, "audio_video_fqdn",
         "A/V Edge"},
    };
    for (const Target& t : targets) {
      if (t.port.interface_number == 0 || t.port.fqdn.empty()) {
        diagnostics_.Warning("LT3028", path_, service.loc,
                             fmt::format("Edge pool {}: no external {} FQDN in the file: set "
                                         "`edge.{}` in an overlay",
                                         pool->fqdn, t.what, t.field));
      } else if (!Placeholder(t.port.fqdn, t.port.loc, "Edge external FQDN")) {
        *t.fqdn = t.port.fqdn;
        edge.origin.SetField(t.field, t.port.loc);
      }
      if (t.port.port > 0) *t.number = t.port.port;
    }
    edge_federation_port_[c] = ports.federation_port;
    edge.xmpp = ports.xmpp;
    // Per server: the external NIC each service is bound to gives its external address and,
    // behind NAT, its public address (ConfiguredIPAddress).
    const RawCluster& cluster = raw_.clusters[c];
    size_t server_index = 0;
    for (const RawMachine& machine : cluster.machines) {
      if (machine.fqdn.empty() && cluster.machines.size() > 1) continue;
      if (server_index >= pool->servers.size()) break;
      Server& server = pool->servers[server_index++];
      std::vector<const RawNic*> external;
      for (const RawNic& nic : machine.nics) {
        if (nic.side == "External") external.push_back(&nic);
      }
      auto nic_for = [&](int number) -> const RawNic* {
        for (const RawNic* nic : external) {
          if (nic->number == number) return nic;
        }
        return external.size() == 1 ? external.front() : nullptr;
      };
      struct Address {
        int number;
        std::string* external;
        std::string* public_address;
        const char* field;
      };
      const Address addresses[] = {
          {ports.access.interface_number, &server.edge_external.access, &server.edge_public.access,
           "access"},
          {ports.web_conferencing.interface_number, &server.edge_external.web_conferencing,
           &server.edge_public.web_conferencing, "web_conferencing"},
          {ports.audio_video.interface_number, &server.edge_external.audio_video,
           &server.edge_public.audio_video, "audio_video"},
      };
      for (const Address& a : addresses) {
        const RawNic* nic = nic_for(a.number == 0 ? 1 : a.number);
        if (nic == nullptr) continue;
        if (IsUsableAddress(nic->ip)) {
          *a.external = nic->ip;
          server.origin.SetField(std::string("edge_external.") + a.field, nic->ip_loc);
        }
        if (IsUsableAddress(nic->configured_ip)) {
          *a.public_address = nic->configured_ip;
          server.origin.SetField(std::string("edge_public.") + a.field, nic->configured_ip_loc);
          edge.nat = true;
        }
      }
    }
  }

  // Pool FQDN of the cluster a service is installed on ("" when unknown).
  std::string PoolOfService(size_t service) const {
    size_t cluster = installed_cluster_[service];
    return cluster == kNone ? "" : pools_[cluster].fqdn;
  }

  std::optional<size_t> FindService(const std::string& id) const {
    auto it = service_index_.find(id);
    if (it == service_index_.end()) return std::nullopt;
    return it->second;
  }

  // Edge next hop (EdgeServer -> Registrar) and the Edge association of internal pools
  // (Registrar / ConfServices / MediationServer -> EdgeServer), reference §6.5.
  void Associate() {
    for (size_t s = 0; s < raw_.services.size(); ++s) {
      const RawService& service = raw_.services[s];
      size_t cluster = installed_cluster_[s];
      if (cluster == kNone || pools_[cluster].fqdn.empty()) continue;
      Pool& pool = pools_[cluster];
      std::string role = ToLower(service.role);
      for (const RawDependency& dep : service.depends_on) {
        std::optional<size_t> target = FindService(dep.service_id);
        if (!target) {
          diagnostics_.Warning("LT3013", path_, service.loc,
                               fmt::format("service {} depends on '{}', which is not in the "
                                           "file: dependency ignored",
                                           service.role, dep.service_id));
          continue;
        }
        std::string target_role = ToLower(raw_.services[*target].role);
        std::string target_pool = PoolOfService(*target);
        if (target_pool.empty()) continue;
        if (role == "edgeserver" && target_role == "registrar" && pool.kind == PoolKind::kEdge &&
            pool.edge.next_hop_pool.empty()) {
          pool.edge.next_hop_pool = target_pool;
          pool.edge.origin.SetField("next_hop_pool", service.loc);
        }
        bool associates =
            role == "registrar" || role == "confservices" || role == "mediationserver";
        if (associates && target_role == "edgeserver" && pool.kind != PoolKind::kEdge &&
            pool.edge_pool.empty()) {
          pool.edge_pool = target_pool;
          pool.origin.SetField("edge_pool", service.loc);
        }
      }
    }
  }

  // Federation: the Edge each site routes federation through; without any route in the file
  // (lab files), every Edge that listens for federation (external AccessEdge SipServer port).
  void MarkFederation() {
    bool any_route = false;
    for (const RawSite& site : raw_.sites) {
      std::optional<size_t> service;
      if (!site.federation_route_id.empty()) service = FindService(site.federation_route_id);
      if (!service && !site.federation_route_triple.empty()) {
        auto it = service_triple_.find(site.federation_route_triple);
        if (it != service_triple_.end()) service = it->second;
      }
      if (!service) continue;
      size_t cluster = installed_cluster_[*service];
      if (cluster == kNone || pools_[cluster].kind != PoolKind::kEdge) continue;
      pools_[cluster].edge.federation = true;
      pools_[cluster].edge.origin.SetField("federation", site.federation_route_loc);
      any_route = true;
    }
    if (!any_route) {
      for (const auto& [cluster, listens] : edge_federation_port_) {
        if (listens) pools_[cluster].edge.federation = true;
      }
    }
    for (const Pool& pool : pools_) {
      if (pool.kind != PoolKind::kEdge) continue;
      if (pool.edge.federation) {
        topology_.federation.enabled = true;
        if (topology_.federation.origin.loc.line == 0) {
          topology_.federation.origin.loc = pool.edge.origin.loc;
        }
      }
      if (pool.edge.xmpp) topology_.federation.xmpp = true;
    }
  }

  void SetVersion() {
    if (auto version = VersionFromServiceVersion(max_service_version_)) {
      topology_.version = *version;
      return;
    }
    topology_.version =
        max_service_version_ > 8 ? ProductVersion::kSkype2019 : ProductVersion::kLync2013;
    diagnostics_.Warning(
        "LT3014", path_, raw_.root_loc,
        max_service_version_ == 0
            ? fmt::format("no ServiceVersion in the file: assuming {}", ToString(topology_.version))
            : fmt::format("ServiceVersion {} is not Lync 2013 (6), SfB 2015 (7) or SfB 2019 (8): "
                          "treated as {}",
                          max_service_version_, ToString(topology_.version)));
  }

  void Distribute() {
    for (size_t c = 0; c < pools_.size(); ++c) {
      if (pool_site_[c] == kNone) continue;
      sites_[pool_site_[c]].pools.push_back(std::move(pools_[c]));
    }
    topology_.sites = std::move(sites_);
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);

  const RawTopology& raw_;
  const std::string& path_;
  Diagnostics& diagnostics_;
  Topology topology_;
  std::vector<Site> sites_;
  std::vector<Pool> pools_;        // per raw cluster
  std::vector<size_t> pool_site_;  // per raw cluster: index into sites_, kNone = dropped
  std::unordered_map<std::string, size_t> cluster_index_;
  std::unordered_map<std::string, size_t> sql_cluster_;
  std::unordered_map<std::string, size_t> service_index_;
  std::unordered_map<std::string, size_t> service_triple_;
  std::unordered_map<std::string, size_t> site_index_;
  std::vector<std::vector<size_t>> services_on_;  // per cluster
  std::vector<size_t> installed_cluster_;         // per service
  std::vector<bool> has_sql_instance_;            // per cluster
  std::unordered_map<size_t, bool> edge_federation_port_;
  std::unordered_set<std::string> reported_placeholders_;
  int max_service_version_ = 0;
};

}  // namespace

Topology BuildImportedTopology(const RawTopology& raw, const std::string& path,
                               Diagnostics& diagnostics) {
  return Builder(raw, path, diagnostics).Build();
}

}  // namespace lynctopo
