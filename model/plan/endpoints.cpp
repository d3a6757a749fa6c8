// Who listens where: pool SIP and web listeners, reverse-proxy published listeners with their
// backends, and Edge listeners on both interfaces. The Edge ports are those of Microsoft's
// "Port summary - Single consolidated edge" pages and "Ports and protocols for internal
// servers" (Lync Server 2013); docs/firewall.md lists them with the flows built from them.

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "model/plan/derive.hpp"

namespace lynctopo::plan_detail {

namespace {

std::string ValidOrEmpty(std::string_view text) {
  std::optional<Fqdn> fqdn = Fqdn::Parse(text);
  return fqdn ? fqdn->str() : std::string();
}

void Add(DeriveContext& ctx, const std::string& host, int port, const char* protocol, View view,
         const std::string& listener, const char* purpose, int port_end = 0) {
  if (host.empty() || port <= 0) return;
  PlannedEndpoint endpoint;
  endpoint.host = host;
  endpoint.port = port;
  endpoint.port_end = port_end;
  endpoint.protocol = protocol;
  endpoint.view = view;
  endpoint.listener = listener;
  endpoint.purpose = purpose;
  ctx.plan.endpoints.push_back(std::move(endpoint));
}

void AddPublished(DeriveContext& ctx, const PlannedName& name, int port, const char* protocol,
                  const char* purpose, const std::string& backend_host, int backend_port) {
  PlannedEndpoint endpoint;
  endpoint.host = name.fqdn.str();
  endpoint.port = port;
  endpoint.protocol = protocol;
  endpoint.view = View::kExternal;
  endpoint.listener = name.pool;
  endpoint.purpose = purpose;
  endpoint.published_by = name.proxy;
  endpoint.backend_host = backend_host;
  endpoint.backend_port = backend_port;
  ctx.plan.endpoints.push_back(std::move(endpoint));
}

void AddPoolEndpoints(DeriveContext& ctx, const PlannedPool& pool) {
  const std::string& fqdn = pool.fqdn.str();
  if (RunsIis(pool.kind)) {
    Add(ctx, fqdn, 5061, "tls", View::kInternal, fqdn, "sip");
    Add(ctx, pool.internal_web_fqdn.str(), 443, "https", View::kInternal, fqdn, "web-internal");
    Add(ctx, pool.internal_web_fqdn.str(), 80, "http", View::kInternal, fqdn, "web-internal");
    Add(ctx, pool.external_web_fqdn.str(), 4443, "https", View::kInternal, fqdn, "web-external");
    Add(ctx, pool.external_web_fqdn.str(), 8080, "http", View::kInternal, fqdn, "web-external");
  } else if (pool.kind == PoolKind::kOfficeWebApps) {
    Add(ctx, fqdn, 443, "https", View::kInternal, fqdn, "office-web-apps");
    Add(ctx, fqdn, 80, "http", View::kInternal, fqdn, "office-web-apps");
  } else if (pool.kind == PoolKind::kEdge) {
    const EdgeSettings& edge = pool.source->edge;
    Add(ctx, fqdn, 5061, "tls", View::kInternal, fqdn, "edge-internal-sip");
    Add(ctx, fqdn, 5062, "tls", View::kInternal, fqdn, "edge-internal-av-authentication");
    Add(ctx, fqdn, 8057, "tls", View::kInternal, fqdn, "edge-internal-web-conferencing");
    Add(ctx, fqdn, 443, "tcp", View::kInternal, fqdn, "edge-internal-media");
    Add(ctx, fqdn, 3478, "udp", View::kInternal, fqdn, "edge-internal-media");
    // Central Management store replication to the Edge (not the reverse proxy's 4443).
    Add(ctx, fqdn, 4443, "https", View::kInternal, fqdn, "edge-internal-replication");
    if (ctx.topology.federation.xmpp && &pool == ctx.Pool(ctx.xmpp_edge)) {
      Add(ctx, fqdn, 23456, "tls", View::kInternal, fqdn, "edge-internal-xmpp");
    }
    std::string access = ValidOrEmpty(edge.access_fqdn);
    std::string webconf = ValidOrEmpty(edge.web_conferencing_fqdn);
    std::string av = ValidOrEmpty(edge.audio_video_fqdn);
    Add(ctx, access, edge.access_port, "tls", View::kExternal, fqdn, "access-edge");
    if (&pool == ctx.Pool(ctx.federation_edge)) {
      Add(ctx, access, 5061, "tls", View::kExternal, fqdn, "federation");
    }
    if (ctx.topology.federation.xmpp && &pool == ctx.Pool(ctx.xmpp_edge)) {
      Add(ctx, access, 5269, "tcp", View::kExternal, fqdn, "xmpp");
    }
    Add(ctx, webconf, edge.web_conferencing_port, "tls", View::kExternal, fqdn,
        "web-conferencing-edge");
    Add(ctx, av, edge.audio_video_port, "tcp", View::kExternal, fqdn, "audio-video-edge");
    Add(ctx, av, 3478, "udp", View::kExternal, fqdn, "audio-video-edge");
    Add(ctx, av, 50000, "tcp", View::kExternal, fqdn, "audio-video-media", 59999);
    Add(ctx, av, 50000, "udp", View::kExternal, fqdn, "audio-video-media", 59999);
  }
}

const char* PublishedPurpose(NameRole role) {
  switch (role) {
    case NameRole::kMeet:
      return "meet";
    case NameRole::kDialin:
      return "dialin";
    case NameRole::kLyncDiscover:
      return "lyncdiscover";
    case NameRole::kOfficeWebApps:
      return "office-web-apps";
    default:
      return "web-external";
  }
}

// Where the proxy forwards a published name: the serving pool's external web site, reached by
// its external web FQDN (which resolves inside to the pool, see kExternalWeb internal).
std::string WebBackend(DeriveContext& ctx, const PlannedPool& pool,
                       std::unordered_set<std::string>& warned) {
  if (!pool.external_web_fqdn.empty()) return pool.external_web_fqdn.str();
  if (warned.insert(pool.fqdn.str()).second) {
    ctx.diagnostics.Warning("LT2007", ctx.file(), pool.source->origin.Field("external_web_fqdn"),
                            "pool '" + pool.fqdn.str() +
                                "' serves published names but has no external web services "
                                "FQDN; the reverse proxy is pointed at its internal web FQDN");
  }
  return pool.internal_web_fqdn.str();
}

void AddPublishedEndpoints(DeriveContext& ctx) {
  bool discover_over_http = ctx.topology.mobility.lyncdiscover_over_http;
  std::unordered_set<std::string> warned;
  for (const PlannedName& name : ctx.plan.names) {
    if (name.view != View::kExternal || name.proxy.empty()) continue;
    const PlannedPool* pool = ctx.Pool(ctx.FindPoolIndex(name.pool));
    if (pool == nullptr) continue;
    const char* purpose = PublishedPurpose(name.role);
    if (name.role == NameRole::kOfficeWebApps) {
      // Office Web Apps is published without port bridging.
      AddPublished(ctx, name, 443, "https", purpose, pool->fqdn.str(), 443);
      AddPublished(ctx, name, 80, "http", purpose, pool->fqdn.str(), 80);
      continue;
    }
    std::string backend = WebBackend(ctx, *pool, warned);
    if (name.role == NameRole::kLyncDiscover) {
      if (discover_over_http) {
        AddPublished(ctx, name, 80, "http", purpose, backend, 8080);
      } else {
        AddPublished(ctx, name, 443, "https", purpose, backend, 4443);
      }
      continue;
    }
    AddPublished(ctx, name, 443, "https", purpose, backend, 4443);
    AddPublished(ctx, name, 80, "http", purpose, backend, 8080);
  }
}

}  // namespace

void BuildEndpoints(DeriveContext& ctx) {
  for (const PlannedPool& pool : ctx.plan.pools) AddPoolEndpoints(ctx, pool);
  AddPublishedEndpoints(ctx);

  std::vector<PlannedEndpoint>& endpoints = ctx.plan.endpoints;
  auto key = [](const PlannedEndpoint& e) {
    return std::tie(e.view, e.host, e.port, e.protocol, e.port_end);
  };
  std::stable_sort(
      endpoints.begin(), endpoints.end(),
      [&](const PlannedEndpoint& a, const PlannedEndpoint& b) { return key(a) < key(b); });
  // One listener per (view, host, port, protocol, range end): a host shared by Meet and Dialin, or
  // an SE whose internal web FQDN is its pool FQDN, is listed once (the first derived wins).
  endpoints.erase(std::unique(endpoints.begin(), endpoints.end(),
                              [&](const PlannedEndpoint& a, const PlannedEndpoint& b) {
                                return key(a) == key(b);
                              }),
                  endpoints.end());
}

}  // namespace lynctopo::plan_detail
