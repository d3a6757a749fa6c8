#include "model/plan/tables.hpp"

#include "model/plan/internal_zones.hpp"

namespace lynctopo::plan_tables {

namespace {

std::string ServerCell(const PlannedServer& server) {
  std::string text = server.fqdn.empty() ? "(unnamed)" : server.fqdn.str();
  if (!server.addresses.empty()) text += " (" + Join(server.addresses) + ")";
  return text;
}

std::string PortCell(int port) {
  return port > 0 ? std::to_string(port) : "-";
}

}  // namespace

std::string Cell(const std::string& text) {
  return text.empty() ? "-" : text;
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

Table InventoryTable(const Plan& plan) {
  Table table{{"POOL", "KIND", "VERSION", "SITE", "LB", "SERVERS"}, {}};
  for (const PlannedPool& pool : plan.pools) {
    std::vector<std::string> servers;
    for (const PlannedServer& server : pool.servers) servers.push_back(ServerCell(server));
    table.rows.push_back({pool.fqdn.str(), ToString(pool.kind),
                          Cell(pool.source ? pool.source->version : ""), Cell(pool.site),
                          ToString(pool.load_balancing), Cell(Join(servers, "; "))});
  }
  return table;
}

Table PoolWebTable(const Plan& plan) {
  Table table{{"POOL", "SITE", "INTERNAL WEB", "EXTERNAL WEB", "PUBLISHED BY", "EDGE POOL"}, {}};
  for (const PlannedPool& pool : plan.pools) {
    if (pool.internal_web_fqdn.empty() && pool.external_web_fqdn.empty() && pool.edge_pool.empty())
      continue;
    std::string internal = pool.internal_web_fqdn.str();
    if (pool.internal_web_overridden) internal += " (overridden)";
    table.rows.push_back({pool.fqdn.str(), Cell(pool.site), Cell(internal),
                          Cell(pool.external_web_fqdn.str()), Cell(pool.publishing_proxy),
                          Cell(pool.edge_pool)});
  }
  return table;
}

Table ProxyTable(const Plan& plan) {
  Table table{{"PROXY", "PRODUCT", "SITE", "FQDN", "EXTERNAL", "INTERNAL", "PUBLIC HOSTS"}, {}};
  for (const PlannedProxy& proxy : plan.proxies) {
    std::vector<std::string> hosts;
    for (const Fqdn& host : proxy.public_hosts) hosts.push_back(host.str());
    table.rows.push_back({proxy.name, ToString(proxy.product), Cell(proxy.site), Cell(proxy.fqdn),
                          Cell(Join(proxy.external_addresses)),
                          Cell(Join(proxy.internal_addresses)), Cell(Join(hosts))});
  }
  return table;
}

Table SimpleUrlTable(const Plan& plan) {
  Table table{{"KIND", "DOMAIN", "SCOPE", "URL", "HOST", "PATH", "SERVED BY"}, {}};
  for (const PlannedSimpleUrl& url : plan.simple_urls) {
    table.rows.push_back({ToString(url.kind), Cell(url.domain),
                          url.site.empty() ? "global" : "site " + url.site, url.url, url.host.str(),
                          Cell(url.path), Cell(url.target_pool)});
  }
  return table;
}

std::string AddressesCell(const PlannedName& name) {
  return name.address_unknown ? "address unknown" : Cell(Join(name.addresses));
}

Table NameTable(const Plan& plan, View view) {
  Table table{{"FQDN", "ROLE", "TARGET", "ADDRESSES", "POOL", "SITE", "VIA"}, {}};
  for (const PlannedName& name : plan.names) {
    if (name.view != view) continue;
    std::string via = !name.proxy.empty()      ? "proxy " + name.proxy
                      : !name.alias_of.empty() ? "alias of " + name.alias_of
                                               : "";
    table.rows.push_back({name.fqdn.str(), ToString(name.role), ToString(name.target),
                          AddressesCell(name), Cell(name.pool), Cell(name.site), Cell(via)});
  }
  return table;
}

Table ServiceTable(const Plan& plan) {
  Table table{{"VIEW", "RECORD", "PORT", "TARGET", "POOL", "PURPOSE"}, {}};
  for (const PlannedService& service : plan.services) {
    table.rows.push_back({ToString(service.view), service.service + "." + service.domain,
                          PortCell(service.port), service.target.str(), Cell(service.pool),
                          Cell(service.purpose)});
  }
  return table;
}

Table EndpointTable(const Plan& plan) {
  Table table{
      {"VIEW", "HOST", "PORT", "PROTOCOL", "LISTENER", "PURPOSE", "PUBLISHED BY", "BACKEND"}, {}};
  for (const PlannedEndpoint& endpoint : plan.endpoints) {
    std::string backend = endpoint.backend_host.empty()
                              ? ""
                              : endpoint.backend_host + ":" + PortCell(endpoint.backend_port);
    std::string ports = PortCell(endpoint.port);
    if (endpoint.port_end > endpoint.port) {
      ports += '-';
      ports += PortCell(endpoint.port_end);
    }
    table.rows.push_back({ToString(endpoint.view), endpoint.host, ports, endpoint.protocol,
                          Cell(endpoint.listener), Cell(endpoint.purpose),
                          Cell(endpoint.published_by), Cell(backend)});
  }
  return table;
}

std::string InternalZonesNote(const Plan& plan) {
  const Topology* topology = plan.topology;
  if (topology == nullptr) return "";
  std::vector<std::string> domains;
  for (const Fqdn& domain : plan.sip_domains) {
    if (!IsAdDomain(*topology, domain.str())) domains.push_back(domain.str());
  }
  if (domains.empty()) return "";
  if (IsPinpointDomain(*topology, domains.front())) {
    return "Internal DNS: pin-point zones (one per planned name) for " + Join(domains) +
           "; other names of these domains resolve inside through the public DNS.";
  }
  return "Internal DNS: full zones for " + Join(domains) +
         "; inside, a name of these domains the plan does not list (www, mail, ...) stops "
         "resolving unless it is added to the internal zone (dns.internal_zones: pinpoint "
         "avoids this).";
}

}  // namespace lynctopo::plan_tables
