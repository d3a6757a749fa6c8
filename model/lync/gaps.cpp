#include "model/lync/gaps.hpp"

#include <fmt/format.h>

namespace lynctopo {
namespace {

bool IsPublished(const Pool& pool) {
  return RunsIis(pool.kind) || pool.kind == PoolKind::kEdge ||
         pool.kind == PoolKind::kOfficeWebApps;
}

// "a, b and 2 more" keeps one warning per pool readable at 10,000 servers.
std::string ServerList(const std::vector<std::string>& names) {
  constexpr size_t kShown = 3;
  std::string out;
  for (size_t i = 0; i < names.size() && i < kShown; ++i) {
    out += (i == 0 ? "" : ", ") + names[i];
  }
  if (names.size() > kShown) out += fmt::format(" and {} more", names.size() - kShown);
  return out;
}

void ReportDeploymentGaps(const Topology& topology, const std::string& path,
                          Diagnostics& diagnostics) {
  // Missing simple URLs and unknown load balancing are design rules of validation (LT1079,
  // LT1049), reported for every input, so they are not repeated here.
  if (topology.ad_domain.empty()) {
    diagnostics.Warning("LT3026", path, topology.origin.loc,
                        "Lync files do not name the Active Directory domain: set `ad_domain` and "
                        "`netbios_domain` in an overlay");
  }
  if (topology.certificates.origin.loc.line == 0) {
    diagnostics.Warning("LT3024", path, topology.origin.loc,
                        "Lync files hold no certificate policy: planning with the defaults "
                        "(internal CA, 2048-bit keys, SHA-256); set `certificates` in an overlay "
                        "to choose");
  }
  bool any_proxy = false;
  bool needs_proxy = false;
  for (const Site& site : topology.sites) {
    if (!site.reverse_proxies.empty()) any_proxy = true;
    for (const Pool& pool : site.pools) {
      if (!pool.external_web_fqdn.empty()) needs_proxy = true;
    }
  }
  if (needs_proxy && !any_proxy) {
    diagnostics.Warning("LT3021", path, topology.origin.loc,
                        "Lync files hold no reverse proxy, which publishes the external web "
                        "services, Meet, Dialin and lyncdiscover: add `reverse_proxies` to a site "
                        "in an overlay");
  }
}

void ReportSiteGaps(const Site& site, const std::string& path, Diagnostics& diagnostics) {
  bool runs_iis = false;
  for (const Pool& pool : site.pools) runs_iis = runs_iis || RunsIis(pool.kind);
  if (runs_iis && !site.kerberos_account) {
    diagnostics.Warning("LT3022", path, site.origin.loc,
                        fmt::format("site '{}' runs IIS pools but Lync files hold no Kerberos "
                                    "account: set the site's `kerberos_account` in an overlay",
                                    site.name));
  }
}

void ReportEdgeAddressGaps(const Pool& pool, const std::string& path, Diagnostics& diagnostics) {
  struct Service {
    const char* field;
    const char* what;
    std::string EdgeServiceAddresses::*member;
  };
  const Service services[] = {
      {"access", "Access Edge", &EdgeServiceAddresses::access},
      {"web_conferencing", "Web Conferencing Edge", &EdgeServiceAddresses::web_conferencing},
      {"audio_video", "A/V Edge", &EdgeServiceAddresses::audio_video},
  };
  bool hardware = pool.load_balancing == LoadBalancing::kHardware;
  for (const Service& service : services) {
    if (hardware && !(pool.edge.external_vips.*service.member).empty()) continue;
    std::vector<std::string> missing;
    for (const Server& server : pool.servers) {
      const EdgeServiceAddresses& addresses =
          pool.edge.nat ? server.edge_public : server.edge_external;
      if ((addresses.*service.member).empty()) missing.push_back(server.fqdn);
    }
    if (missing.empty()) continue;
    if (pool.edge.nat) {
      diagnostics.Warning(
          "LT3025", path, pool.origin.loc,
          fmt::format("Edge pool {} is behind NAT but the file holds no public {} address for "
                      "{} (Topology Builder keeps only the A/V one): set "
                      "`edge_public.{}` of those servers in an overlay",
                      pool.fqdn, service.what, ServerList(missing), service.field));
    } else {
      diagnostics.Warning(
          "LT3027", path, pool.origin.loc,
          fmt::format("Edge pool {}: no external {} address for {} (0.0.0.0 or absent in the "
                      "file): set `edge_external.{}` of those servers in an overlay",
                      pool.fqdn, service.what, ServerList(missing), service.field));
    }
  }
}

void ReportPoolGaps(const Pool& pool, const std::string& path, Diagnostics& diagnostics) {
  if (!IsPublished(pool)) return;
  std::vector<std::string> no_address;
  for (const Server& server : pool.servers) {
    if (server.addresses.empty()) no_address.push_back(server.fqdn);
  }
  if (!no_address.empty()) {
    diagnostics.Warning("LT3029", path, pool.origin.loc,
                        fmt::format("pool {}: the file gives no internal address for {} "
                                    "(0.0.0.0 = every address): set the servers' `addresses` in "
                                    "an overlay",
                                    pool.fqdn, ServerList(no_address)));
  }
  if (pool.kind == PoolKind::kEdge) ReportEdgeAddressGaps(pool, path, diagnostics);
}

}  // namespace

void ReportImportGaps(const Topology& topology, bool /*published*/, const std::string& path,
                      Diagnostics& diagnostics) {
  ReportDeploymentGaps(topology, path, diagnostics);
  for (const Site& site : topology.sites) {
    ReportSiteGaps(site, path, diagnostics);
    for (const Pool& pool : site.pools) ReportPoolGaps(pool, path, diagnostics);
  }
}

}  // namespace lynctopo
