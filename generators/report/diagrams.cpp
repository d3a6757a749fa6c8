#include "generators/report/diagrams.hpp"

#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "generators/plan_addresses.hpp"

namespace lynctopo {

std::string DotEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out;
}

namespace {

// Pools per column inside a site cluster: keeps a 50-pool site a readable grid instead of one
// endless column.
constexpr size_t kPoolsPerColumn = 8;
// Edge pools per Edge network diagram: a page of them lays out in bounded time.
constexpr size_t kEdgePoolsPerDiagram = 16;

const char* KindLabel(PoolKind kind) {
  switch (kind) {
    case PoolKind::kStandardEdition:
      return "Standard Edition";
    case PoolKind::kFrontEnd:
      return "Front End pool";
    case PoolKind::kDirector:
      return "Director pool";
    case PoolKind::kEdge:
      return "Edge pool";
    case PoolKind::kMediation:
      return "Mediation pool";
    case PoolKind::kSurvivableBranch:
      return "Survivable Branch";
    case PoolKind::kOfficeWebApps:
      return "Office Web Apps farm";
    case PoolKind::kPersistentChat:
      return "Persistent Chat pool";
    case PoolKind::kSql:
      return "SQL Server store";
    case PoolKind::kFileStore:
      return "File store";
    case PoolKind::kPstnGateway:
      return "PSTN gateway";
    case PoolKind::kOther:
      return "other role";
  }
  return "pool";
}

// Light fills with dark text: the diagrams sit on a light panel in both colour schemes.
const char* KindFill(PoolKind kind) {
  switch (kind) {
    case PoolKind::kStandardEdition:
    case PoolKind::kFrontEnd:
      return "#d6e6f7";
    case PoolKind::kDirector:
      return "#e2dcf5";
    case PoolKind::kEdge:
      return "#fbe3c8";
    case PoolKind::kOfficeWebApps:
      return "#d9f0dc";
    default:
      return "#e8e8e8";
  }
}

const char* LbLabel(LoadBalancing lb) {
  switch (lb) {
    case LoadBalancing::kDns:
      return "DNS load balancing";
    case LoadBalancing::kHardware:
      return "hardware load balancer";
    case LoadBalancing::kUnknown:
      return "load balancing unknown (planned as DNS)";
    case LoadBalancing::kNone:
      return "";
  }
  return "";
}

std::string Header(const std::string& name) {
  return fmt::format(
      "digraph \"{}\" {{\n"
      "  graph [rankdir=LR, newrank=true, compound=true, nodesep=0.3, ranksep=0.7, "
      "fontname=\"Helvetica\", fontsize=12, bgcolor=\"transparent\", pad=0.2];\n"
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8e8e8\", color=\"#44546a\", "
      "fontname=\"Helvetica\", fontsize=10, fontcolor=\"#1a1a1a\"];\n"
      "  edge [color=\"#5a6b80\", fontname=\"Helvetica\", fontsize=9, fontcolor=\"#2a3a4a\"];\n",
      DotEscape(name));
}

// A label of lines, each escaped, joined by DOT's centred line break.
std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += "\\n";
    out += DotEscape(line);
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string Join(const std::set<std::string>& items, const char* separator) {
  return Join(std::vector<std::string>(items.begin(), items.end()), separator);
}

class DiagramBuilder {
 public:
  DiagramBuilder(const Plan& plan, const ProxyRuleSet& proxy, const LoadBalancerPlan& lb)
      : plan_(plan), proxy_(proxy), lb_(lb), addresses_(plan) {
    for (size_t i = 0; i < plan.pools.size(); ++i) pool_index_[plan.pools[i].fqdn.str()] = i;
    for (const LbVirtualServer& vs : lb.virtual_servers) {
      VipNode& node = vips_[{vs.pool, vs.vip}];
      node.services.insert(vs.service);
      node.ports.insert(std::to_string(vs.port) + (vs.protocol == "udp" ? "/udp" : ""));
      if (vs.service == "web-external") web_external_vip_[vs.pool] = vs.vip;
    }
    for (const PlannedEndpoint& e : plan.endpoints) {
      if (e.published_by.empty()) endpoints_by_listener_[e.listener].push_back(&e);
    }
    for (const PlannedProxy& p : plan.proxies) proxy_site_[p.name] = p.site;
    // Each rule shows in the diagram of its proxy's site and of its pool's site.
    for (const ProxyRule& rule : proxy.rules) {
      auto pool = pool_index_.find(rule.pool);
      if (pool == pool_index_.end()) continue;
      std::set<std::string> sites = {plan.pools[pool->second].site};
      if (auto site = proxy_site_.find(rule.proxy); site != proxy_site_.end()) {
        sites.insert(site->second);
      }
      for (const std::string& site : sites) rules_by_site_[site].push_back(&rule);
    }
  }

  std::vector<Diagram> Build() {
    std::vector<Diagram> out;
    out.push_back(Global());
    for (size_t i = 0; i < plan_.sites.size(); ++i) out.push_back(Site(i));
    // dot's layout grows faster than the graph, and one picture of hundreds of Edge pools is
    // unreadable anyway: past kEdgePoolsPerDiagram they are drawn kEdgePoolsPerDiagram a page.
    std::vector<size_t> edges;
    for (size_t index = 0; index < plan_.pools.size(); ++index) {
      if (plan_.pools[index].kind == PoolKind::kEdge && plan_.pools[index].source)
        edges.push_back(index);
    }
    if (edges.size() <= kEdgePoolsPerDiagram) {
      out.push_back(EdgeNetwork(edges, "edge-network", "Edge network"));
      return out;
    }
    const size_t pages = (edges.size() + kEdgePoolsPerDiagram - 1) / kEdgePoolsPerDiagram;
    for (size_t page = 0; page < pages; ++page) {
      size_t first = page * kEdgePoolsPerDiagram;
      size_t last = std::min(edges.size(), first + kEdgePoolsPerDiagram);
      std::vector<size_t> some(edges.begin() + static_cast<std::ptrdiff_t>(first),
                               edges.begin() + static_cast<std::ptrdiff_t>(last));
      out.push_back(EdgeNetwork(
          some, fmt::format("edge-network-{}", page + 1),
          fmt::format("Edge network, Edge pools {}-{} of {}", first + 1, last, edges.size())));
    }
    return out;
  }

 private:
  struct VipNode {
    std::set<std::string> services;
    std::set<std::string> ports;
  };

  std::string PoolNodeId(const std::string& diagram, size_t index) const {
    return diagram + "-pool-" + std::to_string(index);
  }

  std::string PoolLabel(const PlannedPool& pool, bool with_servers) const {
    std::vector<std::string> lines = {pool.fqdn.str()};
    std::string kind = KindLabel(pool.kind);
    if (const char* lb = LbLabel(pool.load_balancing); *lb) kind += std::string(" · ") + lb;
    lines.push_back(kind);
    if (with_servers) {
      for (const PlannedServer& server : pool.servers) {
        if (server.fqdn.str() == pool.fqdn.str()) continue;
        std::string line = server.fqdn.str();
        if (!server.addresses.empty()) line += "  " + server.addresses.front();
        lines.push_back(line);
      }
    } else if (pool.servers.size() != 1) {
      lines.push_back(std::to_string(pool.servers.size()) + " servers");
    }
    return Lines(lines);
  }

  void PoolNode(std::string& dot, const std::string& diagram, size_t index, bool with_servers,
                const char* indent) const {
    const PlannedPool& pool = plan_.pools[index];
    dot += fmt::format("{}\"{}\" [id=\"{}\", label=\"{}\", fillcolor=\"{}\"];\n", indent,
                       PoolNodeId(diagram, index), PoolNodeId(diagram, index),
                       PoolLabel(pool, with_servers), KindFill(pool.kind));
  }

  const PlannedPool* FindPool(const std::string& fqdn, size_t* index) const {
    auto it = pool_index_.find(fqdn);
    if (it == pool_index_.end()) return nullptr;
    *index = it->second;
    return &plan_.pools[it->second];
  }

  Diagram Global() const {
    Diagram d{"global", "Global topology: sites and pools", "global.dot", Header("global")};
    std::unordered_map<std::string, size_t> site_of;
    for (size_t s = 0; s < plan_.sites.size(); ++s) {
      const PlannedSite& site = plan_.sites[s];
      site_of[site.name] = s;
      d.dot += fmt::format(
          "  subgraph \"cluster_site_{}\" {{\n    label=\"{}\"; "
          "style=\"rounded\"; color=\"#7a8a9a\"; fontcolor=\"#1a1a1a\";\n",
          s,
          Lines({site.name +
                 (site.kind == SiteKind::kBranch ? " (branch site)" : " (central site)")}));
      std::vector<size_t> members;
      for (const std::string& fqdn : site.pools) {
        size_t index = 0;
        if (FindPool(fqdn, &index)) members.push_back(index);
      }
      if (members.empty()) {
        d.dot +=
            fmt::format("    \"global-site-{}-empty\" [label=\"no pools\", style=dashed];\n", s);
      }
      for (size_t index : members) PoolNode(d.dot, d.id, index, false, "    ");
      // Columns of kPoolsPerColumn: an invisible edge from each pool to the one a column on.
      for (size_t i = 0; i + kPoolsPerColumn < members.size(); ++i) {
        d.dot += fmt::format("    \"{}\" -> \"{}\" [style=invis];\n", PoolNodeId(d.id, members[i]),
                             PoolNodeId(d.id, members[i + kPoolsPerColumn]));
      }
      d.dot += "  }\n";
    }
    // Edge pools lead to their next hop; pools use their Edge pool for A/V.
    for (size_t i = 0; i < plan_.pools.size(); ++i) {
      const PlannedPool& pool = plan_.pools[i];
      size_t target = 0;
      if (pool.kind == PoolKind::kEdge && pool.source &&
          FindPool(pool.source->edge.next_hop_pool, &target)) {
        d.dot += fmt::format("  \"{}\" -> \"{}\" [label=\"next hop\"];\n", PoolNodeId(d.id, i),
                             PoolNodeId(d.id, target));
      }
      if (pool.kind != PoolKind::kEdge && !pool.edge_pool.empty() &&
          FindPool(pool.edge_pool, &target)) {
        d.dot += fmt::format("  \"{}\" -> \"{}\" [style=dashed, label=\"A/V Edge\"];\n",
                             PoolNodeId(d.id, i), PoolNodeId(d.id, target));
      }
    }
    d.dot += "}\n";
    return d;
  }

  // Where the reverse proxy sends a pool's external web traffic: its HLB VIP node when the
  // load-balancer plan has one, else the pool itself.
  std::string WebTarget(const std::string& diagram, size_t index) const {
    const PlannedPool& pool = plan_.pools[index];
    auto vip = web_external_vip_.find(pool.fqdn.str());
    if (vip != web_external_vip_.end()) return VipNodeId(diagram, pool.fqdn.str(), vip->second);
    return PoolNodeId(diagram, index);
  }

  std::string VipNodeId(const std::string& diagram, const std::string& pool,
                        const std::string& vip) const {
    return diagram + "-vip-" + pool + "-" + vip;
  }

  void VipNodes(std::string& dot, const std::string& diagram, size_t index,
                const char* indent) const {
    const PlannedPool& pool = plan_.pools[index];
    for (auto it = vips_.lower_bound({pool.fqdn.str(), ""});
         it != vips_.end() && it->first.first == pool.fqdn.str(); ++it) {
      const std::string id = VipNodeId(diagram, pool.fqdn.str(), it->first.second);
      dot += fmt::format(
          "{}\"{}\" [id=\"{}\", shape=hexagon, style=filled, fillcolor=\"#f4f1c4\", "
          "label=\"{}\"];\n",
          indent, DotEscape(id), DotEscape(id),
          Lines({"HLB VIP " + it->first.second, Join(it->second.services, ", "),
                 fmt::format("ports {}", Join(it->second.ports, " "))}));
      dot +=
          fmt::format("{}\"{}\" -> \"{}\";\n", indent, DotEscape(id), PoolNodeId(diagram, index));
    }
  }

  std::string EdgeLabel(const PlannedPool& edge) const {
    std::vector<std::string> lines = {edge.fqdn.str() + " (internal)",
                                      std::string("Edge pool · ") + LbLabel(edge.load_balancing)};
    if (!edge.source) return Lines(lines);
    const EdgeSettings& settings = edge.source->edge;
    auto service = [&](const char* what, const std::string& fqdn, int port) {
      if (fqdn.empty()) return;
      const auto& addresses = addresses_.Of(View::kExternal, fqdn);
      lines.push_back(fmt::format(
          "{}: {}:{}{}", what, fqdn, port,
          addresses.empty() ? std::string() : fmt::format("  {}", Join(addresses, " "))));
    };
    service("Access", settings.access_fqdn, settings.access_port);
    service("Web Conf", settings.web_conferencing_fqdn, settings.web_conferencing_port);
    service("A/V", settings.audio_video_fqdn, settings.audio_video_port);
    lines.push_back(std::to_string(edge.servers.size()) + " Edge servers");
    return Lines(lines);
  }

  Diagram Site(size_t s) const {
    const PlannedSite& site = plan_.sites[s];
    const std::string id = fmt::format("site-{}", s);
    Diagram d{id, "Site " + site.name, id + ".dot", Header(id)};
    std::set<size_t> in_site;
    for (const std::string& fqdn : site.pools) {
      size_t index = 0;
      if (FindPool(fqdn, &index)) in_site.insert(index);
    }
    // Proxies of the site, and any proxy publishing one of its pools.
    std::map<std::pair<std::string, size_t>, std::set<std::string>> published;  // (proxy, pool)
    std::set<std::string> proxies;
    if (auto rules = rules_by_site_.find(site.name); rules != rules_by_site_.end()) {
      for (const ProxyRule* rule : rules->second) {
        size_t index = 0;
        if (!FindPool(rule->pool, &index)) continue;
        proxies.insert(rule->proxy);
        published[{rule->proxy, index}].insert(std::to_string(rule->listen_port) + "→" +
                                               std::to_string(rule->backend_port));
      }
    }
    std::set<size_t> foreign;  // pools of other sites this diagram needs to show
    for (const auto& [key, ports] : published) {
      if (!in_site.count(key.second)) foreign.insert(key.second);
    }
    for (size_t index : in_site) {
      const PlannedPool& pool = plan_.pools[index];
      size_t hop = 0;
      if (pool.kind == PoolKind::kEdge && pool.source &&
          FindPool(pool.source->edge.next_hop_pool, &hop) && !in_site.count(hop)) {
        foreign.insert(hop);
      }
    }

    d.dot +=
        "  subgraph cluster_internet {\n    label=\"Internet\"; style=\"rounded,filled\"; "
        "fillcolor=\"#f3f6fa\"; color=\"#9aa8b8\";\n";
    d.dot += fmt::format(
        "    \"{0}-internet\" [id=\"{0}-internet\", shape=ellipse, fillcolor=\"#ffffff\", "
        "label=\"remote users\\nfederated partners\"];\n  }}\n",
        id);
    d.dot +=
        "  subgraph cluster_perimeter {\n    label=\"Perimeter network\"; "
        "style=\"rounded,filled\"; fillcolor=\"#fdf6ec\"; color=\"#c8a070\";\n";
    for (const std::string& name : proxies) {
      std::vector<std::string> lines = {"reverse proxy " + name};
      for (const ProxyListener& listener : proxy_.proxies) {
        if (listener.name != name) continue;
        if (!listener.fqdn.empty()) lines.push_back(listener.fqdn);
        lines.push_back(std::string(ToString(listener.product)) + "  " +
                        Join(listener.external_addresses, " "));
      }
      lines.push_back(std::to_string(proxy_.RulesOf(name).size()) + " publishing rules");
      d.dot +=
          fmt::format("    \"{}\" [id=\"{}\", shape=box, fillcolor=\"#fde2e2\", label=\"{}\"];\n",
                      ProxyNodeId(id, name), ProxyNodeId(id, name), Lines(lines));
    }
    for (size_t index : in_site) {
      const PlannedPool& pool = plan_.pools[index];
      if (pool.kind != PoolKind::kEdge) continue;
      d.dot += fmt::format("    \"{}\" [id=\"{}\", label=\"{}\", fillcolor=\"{}\"];\n",
                           PoolNodeId(id, index), PoolNodeId(id, index), EdgeLabel(pool),
                           KindFill(pool.kind));
      VipNodes(d.dot, id, index, "    ");
    }
    d.dot += "  }\n";
    d.dot +=
        "  subgraph cluster_internal {\n    label=\"Internal network\"; "
        "style=\"rounded,filled\"; fillcolor=\"#eef5ee\"; color=\"#7aa07a\";\n";
    for (size_t index : in_site) {
      if (plan_.pools[index].kind == PoolKind::kEdge) continue;
      PoolNode(d.dot, id, index, true, "    ");
      VipNodes(d.dot, id, index, "    ");
    }
    for (size_t index : foreign) {
      const PlannedPool& pool = plan_.pools[index];
      d.dot += fmt::format("    \"{}\" [id=\"{}\", style=\"rounded,dashed\", label=\"{}\"];\n",
                           PoolNodeId(id, index), PoolNodeId(id, index),
                           Lines({pool.fqdn.str(), std::string(KindLabel(pool.kind)) + " (site " +
                                                       pool.site + ")"}));
    }
    d.dot += "  }\n";

    for (const std::string& name : proxies) {
      d.dot += fmt::format("  \"{}-internet\" -> \"{}\" [label=\"443, 80\"];\n", id,
                           ProxyNodeId(id, name));
    }
    for (const auto& [key, ports] : published) {
      d.dot += fmt::format("  \"{}\" -> \"{}\" [label=\"{}\"];\n", ProxyNodeId(id, key.first),
                           DotEscape(WebTarget(id, key.second)), DotEscape(Join(ports, ", ")));
    }
    for (size_t index : in_site) {
      const PlannedPool& pool = plan_.pools[index];
      if (pool.kind != PoolKind::kEdge || !pool.source) continue;
      std::set<std::string> ports;
      for (const PlannedEndpoint* e : EdgeEndpoints(pool)) {
        if (e->view != View::kExternal) continue;
        std::string port = std::to_string(e->port);
        if (e->port_end > e->port) port += fmt::format("-{}", e->port_end);
        ports.insert(port + (e->protocol == "udp" ? "/udp" : ""));
      }
      d.dot += fmt::format("  \"{}-internet\" -> \"{}\" [label=\"{}\"];\n", id,
                           PoolNodeId(id, index), DotEscape(Join(ports, ", ")));
      size_t hop = 0;
      if (FindPool(pool.source->edge.next_hop_pool, &hop)) {
        d.dot += fmt::format("  \"{}\" -> \"{}\" [label=\"5061 next hop\"];\n",
                             PoolNodeId(id, index), PoolNodeId(id, hop));
      }
    }
    d.dot += "}\n";
    return d;
  }

  const std::vector<const PlannedEndpoint*>& EdgeEndpoints(const PlannedPool& pool) const {
    static const std::vector<const PlannedEndpoint*> kNone;
    auto it = endpoints_by_listener_.find(pool.fqdn.str());
    return it == endpoints_by_listener_.end() ? kNone : it->second;
  }

  std::string ProxyNodeId(const std::string& diagram, const std::string& name) const {
    return DotEscape(diagram + "-proxy-" + name);
  }

  // The Edge pools `edges` (indexes into the plan's pools) behind the Internet and the two
  // firewalls.
  Diagram EdgeNetwork(const std::vector<size_t>& edges, const std::string& id,
                      const std::string& title) const {
    Diagram d{id, title, id + ".dot", Header(id)};
    d.dot += fmt::format(
        "  \"{0}-internet\" [id=\"{0}-internet\", shape=ellipse, fillcolor=\"#ffffff\", "
        "label=\"Internet\"];\n"
        "  \"{0}-external-firewall\" [id=\"{0}-external-firewall\", shape=box3d, "
        "fillcolor=\"#f6d5d5\", label=\"external firewall\"];\n"
        "  \"{0}-internal-firewall\" [id=\"{0}-internal-firewall\", shape=box3d, "
        "fillcolor=\"#f6d5d5\", label=\"internal firewall\"];\n"
        "  \"{0}-internet\" -> \"{0}-external-firewall\";\n",
        id);
    for (size_t index : edges) {
      const PlannedPool& edge = plan_.pools[index];
      const EdgeSettings& settings = edge.source->edge;
      const std::string prefix = id + "-" + std::to_string(index);
      d.dot += fmt::format(
          "  subgraph \"cluster_{}\" {{\n    label=\"{}\"; style=\"rounded,filled\"; "
          "fillcolor=\"#fdf6ec\"; color=\"#c8a070\";\n",
          prefix,
          Lines({"Edge pool " + edge.fqdn.str() + " · site " + edge.site + " · " +
                 LbLabel(edge.load_balancing) + (settings.nat ? " · NAT" : "")}));
      // The external service names, with what they resolve to on the Internet.
      struct Service {
        const char* what;
        const std::string& fqdn;
        int port;
        const std::string& vip;
      };
      const Service services[] = {
          {"Access Edge", settings.access_fqdn, settings.access_port,
           settings.external_vips.access},
          {"Web Conferencing Edge", settings.web_conferencing_fqdn, settings.web_conferencing_port,
           settings.external_vips.web_conferencing},
          {"A/V Edge", settings.audio_video_fqdn, settings.audio_video_port,
           settings.external_vips.audio_video}};
      std::vector<std::string> service_nodes;
      for (size_t k = 0; k < 3; ++k) {
        const Service& service = services[k];
        if (service.fqdn.empty()) continue;
        std::vector<std::string> lines = {service.what,
                                          service.fqdn + ":" + std::to_string(service.port)};
        const auto& addresses = addresses_.Of(View::kExternal, service.fqdn);
        if (!addresses.empty()) lines.push_back(fmt::format("public {}", Join(addresses, " ")));
        if (!service.vip.empty()) lines.push_back("HLB VIP " + service.vip);
        std::string node = prefix + "-service-" + std::to_string(k);
        service_nodes.push_back(node);
        d.dot += fmt::format(
            "    \"{}\" [id=\"{}\", shape=note, fillcolor=\"#fff7e0\", label=\"{}\"];\n", node,
            node, Lines(lines));
      }
      std::vector<std::string> server_nodes;
      for (size_t k = 0; k < edge.servers.size(); ++k) {
        const PlannedServer& server = edge.servers[k];
        std::vector<std::string> lines = {server.fqdn.str()};
        auto side = [&](const char* what, const std::string& external, const std::string& pub) {
          if (external.empty() && pub.empty()) return;
          std::string line = std::string(what) + " " + external;
          if (!pub.empty() && pub != external) line += " (public " + pub + ")";
          lines.push_back(line);
        };
        side("access", server.edge_external.access, server.edge_public.access);
        side("web conf", server.edge_external.web_conferencing,
             server.edge_public.web_conferencing);
        side("A/V", server.edge_external.audio_video, server.edge_public.audio_video);
        if (!server.addresses.empty())
          lines.push_back(fmt::format("internal {}", Join(server.addresses, " ")));
        std::string node = prefix + "-server-" + std::to_string(k);
        server_nodes.push_back(node);
        d.dot += fmt::format("    \"{}\" [id=\"{}\", fillcolor=\"{}\", label=\"{}\"];\n", node,
                             node, KindFill(PoolKind::kEdge), Lines(lines));
      }
      const std::string inside = PoolNodeId(id, index);
      d.dot += fmt::format("    \"{}\" [id=\"{}\", fillcolor=\"#fbe3c8\", label=\"{}\"];\n  }}\n",
                           inside, inside,
                           Lines({edge.fqdn.str() + " (internal interface)",
                                  Join(addresses_.Of(View::kInternal, edge.fqdn.str()), " ")}));
      for (const std::string& service : service_nodes) {
        d.dot += fmt::format("  \"{}-external-firewall\" -> \"{}\";\n", id, service);
        for (const std::string& server : server_nodes) {
          d.dot += fmt::format("  \"{}\" -> \"{}\";\n", service, server);
        }
      }
      for (const std::string& server : server_nodes) {
        d.dot += fmt::format("  \"{}\" -> \"{}\";\n", server, inside);
      }
      d.dot += fmt::format(
          "  \"{}\" -> \"{}-internal-firewall\" [label=\"5061, 5062, 443, 3478/udp, 8057, "
          "4443\"];\n",
          inside, id);
      size_t hop = 0;
      if (FindPool(settings.next_hop_pool, &hop)) {
        const std::string hop_node = id + "-hop-" + std::to_string(hop);
        d.dot += fmt::format(
            "  \"{}\" [id=\"{}\", fillcolor=\"{}\", label=\"{}\"];\n", hop_node, hop_node,
            KindFill(plan_.pools[hop].kind),
            Lines({"next hop " + plan_.pools[hop].fqdn.str(), KindLabel(plan_.pools[hop].kind)}));
        d.dot += fmt::format("  \"{}-internal-firewall\" -> \"{}\";\n", id, hop_node);
      }
    }
    if (edges.empty()) {
      d.dot += fmt::format(
          "  \"{0}-none\" [id=\"{0}-none\", style=dashed, label=\"no Edge pool\"];\n", id);
    }
    d.dot += "}\n";
    return d;
  }

  const Plan& plan_;
  const ProxyRuleSet& proxy_;
  const LoadBalancerPlan& lb_;
  PlanAddresses addresses_;
  std::unordered_map<std::string, size_t> pool_index_;
  std::map<std::pair<std::string, std::string>, VipNode> vips_;  // (pool, vip)
  std::unordered_map<std::string, std::string> web_external_vip_;
  std::unordered_map<std::string, std::vector<const PlannedEndpoint*>> endpoints_by_listener_;
  std::unordered_map<std::string, std::string> proxy_site_;
  std::unordered_map<std::string, std::vector<const ProxyRule*>> rules_by_site_;
};

}  // namespace

std::vector<Diagram> BuildDiagrams(const Plan& plan, const ProxyRuleSet& proxy,
                                   const LoadBalancerPlan& lb) {
  return DiagramBuilder(plan, proxy, lb).Build();
}

}  // namespace lynctopo
