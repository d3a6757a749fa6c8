// Edge pools: external service names and ports (F14), NAT and load balancing (F16), one
// federation / XMPP Edge (F18), external addresses.

#include <array>
#include <string>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

struct ServiceView {
  const char* name;           // "access"
  const char* fqdn_field;     // "access_fqdn"
  const char* port_field;     // "access_port"
  const char* address_field;  // key inside edge_external / edge_public / external_vips
  const std::string* fqdn;
  int port;
};

std::array<ServiceView, 3> Services(const EdgeSettings& e) {
  return {{
      {"access", "access_fqdn", "access_port", "access", &e.access_fqdn, e.access_port},
      {"web conferencing", "web_conferencing_fqdn", "web_conferencing_port", "web_conferencing",
       &e.web_conferencing_fqdn, e.web_conferencing_port},
      {"audio/video", "audio_video_fqdn", "audio_video_port", "audio_video", &e.audio_video_fqdn,
       e.audio_video_port},
  }};
}

const std::string& AddressOf(const EdgeServiceAddresses& a, size_t service) {
  return service == 0 ? a.access : service == 1 ? a.web_conferencing : a.audio_video;
}

void CheckServices(Context& ctx, const Pool& pool) {
  const Origin& origin = EdgeOrigin(pool);
  auto services = Services(pool.edge);
  for (const ServiceView& s : services) {
    if (s.fqdn->empty()) {
      ctx.Report("LT1050", origin, s.fqdn_field,
                 fmt::format("{} has no {} FQDN", DescribePool(pool), s.name));
    } else {
      CheckHostName(ctx, *s.fqdn, origin, s.fqdn_field, fmt::format("{} edge FQDN", s.name));
    }
    if (s.port < 1 || s.port > 65535) {
      ctx.Report(
          "LT1055", origin, s.port_field,
          fmt::format("{} port {} of {} is outside 1-65535", s.name, s.port, DescribePool(pool)));
    }
  }
  // "Single FQDN and IP": services sharing one name must listen on distinct ports.
  for (size_t i = 0; i < services.size(); ++i) {
    for (size_t j = i + 1; j < services.size(); ++j) {
      const ServiceView& a = services[i];
      const ServiceView& b = services[j];
      if (a.fqdn->empty() || ToLower(*a.fqdn) != ToLower(*b.fqdn) || a.port != b.port) continue;
      ctx.Report("LT1054", origin, b.port_field,
                 fmt::format("{} serves {} and {} on '{}' port {}; services sharing one FQDN need "
                             "distinct ports",
                             DescribePool(pool), a.name, b.name, *a.fqdn, a.port));
    }
  }
}

void CheckAddresses(Context& ctx, const Pool& pool) {
  const EdgeSettings& e = pool.edge;
  auto services = Services(e);
  bool hardware = pool.load_balancing == LoadBalancing::kHardware;
  if (hardware && e.nat) {
    ctx.Report("LT1051", EdgeOrigin(pool), "nat",
               fmt::format("{} is behind NAT and uses hardware load balancing; NAT is not "
                           "supported with a hardware load balancer",
                           DescribePool(pool)));
  }
  for (size_t i = 0; i < services.size(); ++i) {
    const std::string& vip = AddressOf(e.external_vips, i);
    CheckAddress(ctx, vip, EdgeOrigin(pool), "external_vips",
                 fmt::format("external {} vip of {}", services[i].name, DescribePool(pool)));
    if (hardware && vip.empty()) {
      ctx.Report("LT1057", EdgeOrigin(pool), "external_vips",
                 fmt::format("{} uses hardware load balancing but has no external {} vip",
                             DescribePool(pool), services[i].name));
    }
  }
  for (const Server& server : pool.servers) {
    for (size_t i = 0; i < services.size(); ++i) {
      const std::string& external = AddressOf(server.edge_external, i);
      const std::string& published = AddressOf(server.edge_public, i);
      CheckAddress(
          ctx, external, server.origin, "edge_external",
          fmt::format("external {} address of edge server '{}'", services[i].name, server.fqdn));
      CheckAddress(
          ctx, published, server.origin, "edge_public",
          fmt::format("public {} address of edge server '{}'", services[i].name, server.fqdn));
      if (hardware) continue;  // clients reach the external VIPs instead
      if (e.nat && published.empty()) {
        ctx.Report("LT1058", server.origin, "edge_public",
                   fmt::format("edge server '{}' is behind NAT but has no public {} address",
                               server.fqdn, services[i].name));
      } else if (!e.nat && external.empty()) {
        ctx.Report("LT1058", server.origin, "edge_external",
                   fmt::format("edge server '{}' has no external {} address", server.fqdn,
                               services[i].name));
      }
    }
  }
}

void CheckSingleFederationEdge(Context& ctx) {
  const Pool* federation = nullptr;
  const Pool* xmpp = nullptr;
  bool any_edge = false;
  for (const PoolRef& ref : ctx.pools) {
    const Pool& pool = *ref.pool;
    if (pool.kind != PoolKind::kEdge) continue;
    any_edge = true;
    if (pool.edge.federation) {
      if (federation) {
        ctx.Report("LT1052", EdgeOrigin(pool), "federation",
                   fmt::format("{} is enabled for federation, as is {}; only one edge pool may be",
                               DescribePool(pool), DescribePool(*federation)));
      } else {
        federation = &pool;
      }
    }
    if (pool.edge.xmpp) {
      if (xmpp) {
        ctx.Report("LT1053", EdgeOrigin(pool), "xmpp",
                   fmt::format("{} hosts XMPP federation, as does {}; only one edge pool may",
                               DescribePool(pool), DescribePool(*xmpp)));
      } else {
        xmpp = &pool;
      }
    }
  }
  const FederationSettings& f = ctx.topology.federation;
  if ((f.enabled || f.xmpp) && !any_edge) {
    ctx.Report("LT1056", f.origin, f.enabled ? "enabled" : "xmpp",
               fmt::format("{} is enabled but the topology has no edge pool",
                           f.enabled ? "federation" : "XMPP federation"));
  }
}

}  // namespace

void CheckEdge(Context& ctx) {
  for (const PoolRef& ref : ctx.pools) {
    if (ref.pool->kind != PoolKind::kEdge) continue;
    CheckServices(ctx, *ref.pool);
    CheckAddresses(ctx, *ref.pool);
  }
  CheckSingleFederationEdge(ctx);
}

}  // namespace lynctopo::validation
