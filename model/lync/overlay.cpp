// ApplyOverlay: merges a (partial) topology in our format over an imported one. The overlay
// wins for every field it sets; "set" means a non-empty string or list, a scalar settings
// object present in the overlay file (origin known), or a scalar field the loader recorded.
// It never adds sites or pools: naming one the topology lacks is an error at its position in
// the overlay file, with the closest existing name suggested.

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/lync/import.hpp"
#include "model/spelling.hpp"

namespace lynctopo {
namespace {

bool HasField(const Origin& origin, std::string_view field) {
  return std::any_of(origin.fields.begin(), origin.fields.end(),
                     [&](const auto& entry) { return entry.first == field; });
}

bool Present(const Origin& origin) {
  return origin.loc.line != 0;
}

// The value now comes from another file: drop the position we had for it, so a diagnostic
// about it points at the object rather than at a stale line of the Lync file.
void ForgetField(Origin& origin, std::string_view field) {
  std::erase_if(origin.fields, [&](const auto& entry) { return entry.first == field; });
}

// Assigns `value` over `target` when set; forgets the old position of `field`.
void Take(const std::string& value, std::string& target, Origin& origin, std::string_view field) {
  if (value.empty()) return;
  target = value;
  ForgetField(origin, field);
}

template <typename T>
void TakeList(const std::vector<T>& value, std::vector<T>& target, Origin& origin,
              std::string_view field) {
  if (value.empty()) return;
  target = value;
  ForgetField(origin, field);
}

void TakeAddresses(const EdgeServiceAddresses& value, EdgeServiceAddresses& target, Origin& origin,
                   std::string_view prefix) {
  Take(value.access, target.access, origin, std::string(prefix) + ".access");
  Take(value.web_conferencing, target.web_conferencing, origin,
       std::string(prefix) + ".web_conferencing");
  Take(value.audio_video, target.audio_video, origin, std::string(prefix) + ".audio_video");
}

class OverlayMerger {
 public:
  OverlayMerger(Topology& base, const Topology& overlay, Diagnostics& diagnostics)
      : base_(base), overlay_(overlay), diagnostics_(diagnostics) {}

  void Merge() {
    for (Site& site : base_.sites) {
      site_names_.push_back(site.name);
      for (Pool& pool : site.pools) {
        pools_.emplace(ToLower(pool.fqdn), &pool);
        pool_names_.push_back(pool.fqdn);
      }
    }
    MergeDeployment();
    for (const Site& site : overlay_.sites) MergeSite(site);
  }

 private:
  const std::string& file() const { return overlay_.source_file; }

  void MergeDeployment() {
    Take(overlay_.name, base_.name, base_.origin, "name");
    if (HasField(overlay_.origin, "version")) base_.version = overlay_.version;
    if (HasField(overlay_.origin, "strict")) base_.strict = overlay_.strict;
    TakeList(overlay_.sip_domains, base_.sip_domains, base_.origin, "sip_domains");
    Take(overlay_.ad_domain, base_.ad_domain, base_.origin, "ad_domain");
    Take(overlay_.netbios_domain, base_.netbios_domain, base_.origin, "netbios_domain");
    Take(overlay_.designated_pool, base_.designated_pool, base_.origin, "designated_pool");
    TakeList(overlay_.simple_urls, base_.simple_urls, base_.origin, "simple_urls");
    // Scalar settings objects: bools and ints cannot say "not set", so the whole object
    // counts as set when it appeared in the overlay file.
    if (Present(overlay_.mobility.origin)) base_.mobility = overlay_.mobility;
    if (Present(overlay_.federation.origin)) base_.federation = overlay_.federation;
    if (Present(overlay_.certificates.origin)) base_.certificates = overlay_.certificates;
    if (Present(overlay_.dns.origin)) base_.dns = overlay_.dns;
  }

  Site* FindSite(const std::string& name) {
    std::string wanted = ToLower(name);
    for (Site& site : base_.sites) {
      if (ToLower(site.name) == wanted) return &site;
    }
    return nullptr;
  }

  void MergeSite(const Site& overlay) {
    Site* site = FindSite(overlay.name);
    if (site == nullptr) {
      diagnostics_.Error("LT3030", file(), overlay.origin.Field("name"),
                         fmt::format("overlay site '{}' is not in the imported topology{}",
                                     overlay.name, DidYouMean(overlay.name, site_names_)));
    } else {
      if (overlay.kerberos_account) {
        site->kerberos_account = overlay.kerberos_account;
        ForgetField(site->origin, "kerberos_account");
      }
      TakeList(overlay.reverse_proxies, site->reverse_proxies, site->origin, "reverse_proxies");
      TakeList(overlay.simple_urls, site->simple_urls, site->origin, "simple_urls");
      Take(overlay.designated_pool, site->designated_pool, site->origin, "designated_pool");
      Take(overlay.parent, site->parent, site->origin, "parent");
      Take(overlay.description, site->description, site->origin, "description");
      Take(overlay.location, site->location, site->origin, "location");
    }
    // Pools are matched by FQDN wherever they are, so an overlay may list them under any site.
    for (const Pool& pool : overlay.pools) MergePool(pool);
  }

  void MergePool(const Pool& overlay) {
    auto found = pools_.find(ToLower(overlay.fqdn));
    if (found == pools_.end()) {
      diagnostics_.Error(
          "LT3031", file(), overlay.origin.Field("fqdn"),
          overlay.fqdn.empty()
              ? std::string("overlay pool without an `fqdn`: cannot tell which pool it is for")
              : fmt::format("overlay pool '{}' is not in the imported topology{}", overlay.fqdn,
                            DidYouMean(overlay.fqdn, pool_names_)));
      return;
    }
    Pool& pool = *found->second;
    if (HasField(overlay.origin, "kind") && overlay.kind != pool.kind) {
      diagnostics_.Note("LT3033", file(), overlay.origin.Field("kind"),
                        fmt::format("pool {}: kind '{}' from the overlay replaces the inferred "
                                    "'{}'",
                                    pool.fqdn, ToString(overlay.kind), ToString(pool.kind)));
      pool.kind = overlay.kind;
    }
    if (overlay.load_balancing != LoadBalancing::kNone ||
        HasField(overlay.origin, "load_balancing")) {
      pool.load_balancing = overlay.load_balancing;
    }
    Take(overlay.vip, pool.vip, pool.origin, "vip");
    Take(overlay.internal_web_vip, pool.internal_web_vip, pool.origin, "internal_web_vip");
    Take(overlay.external_web_vip, pool.external_web_vip, pool.origin, "external_web_vip");
    Take(overlay.internal_web_fqdn, pool.internal_web_fqdn, pool.origin, "internal_web_fqdn");
    Take(overlay.external_web_fqdn, pool.external_web_fqdn, pool.origin, "external_web_fqdn");
    Take(overlay.edge_pool, pool.edge_pool, pool.origin, "edge_pool");
    Take(overlay.version, pool.version, pool.origin, "version");
    Take(overlay.description, pool.description, pool.origin, "description");
    MergeEdge(overlay.edge, pool.edge);
    for (const Server& server : overlay.servers) MergeServer(server, pool);
  }

  void MergeEdge(const EdgeSettings& overlay, EdgeSettings& edge) {
    Origin& origin = edge.origin;
    Take(overlay.access_fqdn, edge.access_fqdn, origin, "access_fqdn");
    Take(overlay.web_conferencing_fqdn, edge.web_conferencing_fqdn, origin,
         "web_conferencing_fqdn");
    Take(overlay.audio_video_fqdn, edge.audio_video_fqdn, origin, "audio_video_fqdn");
    Take(overlay.next_hop_pool, edge.next_hop_pool, origin, "next_hop_pool");
    // Ports and flags: taken when the loader recorded them, else only a non-default value.
    const EdgeSettings defaults;
    auto take_int = [&](int value, int& target, int fallback, const char* field) {
      if (HasField(overlay.origin, field) || value != fallback) target = value;
    };
    take_int(overlay.access_port, edge.access_port, defaults.access_port, "access_port");
    take_int(overlay.web_conferencing_port, edge.web_conferencing_port,
             defaults.web_conferencing_port, "web_conferencing_port");
    take_int(overlay.audio_video_port, edge.audio_video_port, defaults.audio_video_port,
             "audio_video_port");
    auto take_bool = [&](bool value, bool& target, const char* field) {
      if (HasField(overlay.origin, field) || value) target = value;
    };
    take_bool(overlay.nat, edge.nat, "nat");
    take_bool(overlay.federation, edge.federation, "federation");
    take_bool(overlay.xmpp, edge.xmpp, "xmpp");
    TakeAddresses(overlay.external_vips, edge.external_vips, origin, "external_vips");
  }

  void MergeServer(const Server& overlay, Pool& pool) {
    std::string wanted = ToLower(overlay.fqdn);
    auto server = std::find_if(pool.servers.begin(), pool.servers.end(),
                               [&](const Server& s) { return ToLower(s.fqdn) == wanted; });
    if (server == pool.servers.end()) {
      std::vector<std::string> names;
      for (const Server& s : pool.servers) names.push_back(s.fqdn);
      diagnostics_.Error("LT3032", file(), overlay.origin.Field("fqdn"),
                         fmt::format("overlay server '{}' is not in pool {}{}", overlay.fqdn,
                                     pool.fqdn, DidYouMean(overlay.fqdn, names)));
      return;
    }
    TakeList(overlay.addresses, server->addresses, server->origin, "addresses");
    TakeAddresses(overlay.edge_external, server->edge_external, server->origin, "edge_external");
    TakeAddresses(overlay.edge_public, server->edge_public, server->origin, "edge_public");
    // Public addresses only exist behind NAT: giving one says the Edge is behind NAT.
    if (!overlay.edge_public.empty()) pool.edge.nat = true;
  }

  Topology& base_;
  const Topology& overlay_;
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, Pool*> pools_;
  std::vector<std::string> site_names_;
  std::vector<std::string> pool_names_;
};

}  // namespace

void ApplyOverlay(Topology& base, const Topology& overlay, Diagnostics& diagnostics) {
  OverlayMerger(base, overlay, diagnostics).Merge();
}

}  // namespace lynctopo
