#include <charconv>

#include "model/lync/walk.hpp"

namespace lynctopo {

int ParseIntOr(std::string_view text, int fallback) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return fallback;
  return value;
}

bool IsTrueText(std::string_view text) {
  return text == "true" || text == "True" || text == "TRUE" || text == "1";
}

void ReadInternalDomains(const LyncXmlDocument& doc, pugi::xml_node domains, RawTopology* out) {
  if (!domains) return;
  out->default_domain = AttrText(domains, "DefaultDomain");
  out->default_domain_loc = doc.AttrLoc(domains, "DefaultDomain");
  for (pugi::xml_node domain : Children(domains, "InternalDomain")) {
    out->domains.emplace_back(AttrText(domain, "Name"), doc.AttrLoc(domain, "Name"));
  }
}

void ReadSimpleUrls(const LyncXmlDocument& doc, pugi::xml_node config, RawTopology* out) {
  if (!config) return;
  out->has_simple_url_configuration = true;
  for (pugi::xml_node url : Children(config, "SimpleUrl")) {
    RawSimpleUrl raw;
    raw.component = AttrText(url, "Component");
    raw.domain = AttrText(url, "Domain");
    raw.active_url = AttrText(url, "ActiveUrl");
    raw.loc = doc.Loc(url);
    raw.active_url_loc = doc.AttrLoc(url, "ActiveUrl");
    for (pugi::xml_node entry : Children(url, "SimpleUrlEntry")) {
      raw.entries.push_back(AttrText(entry, "Url"));
    }
    out->simple_urls.push_back(std::move(raw));
  }
}

void ReadSiteDetails(const LyncXmlDocument& doc, pugi::xml_node site, RawSite* out) {
  out->loc = doc.Loc(site);
  if (pugi::xml_node name = Child(site, "Name")) {
    out->name = NodeText(name);
    out->name_loc = doc.TextLoc(name);
  }
  if (pugi::xml_node description = Child(site, "Description")) {
    out->description = NodeText(description);
  }
  if (pugi::xml_node location = Child(site, "Location")) {
    for (const char* part : {"City", "State", "CountryCode"}) {
      std::string value = AttrText(location, part);
      if (value.empty()) continue;
      if (!out->location.empty()) out->location += ", ";
      out->location += value;
    }
  }
  out->federation_route_id = AttrText(site, "FederationRouteServiceUniqueId");
  if (!out->federation_route_id.empty()) {
    out->federation_route_loc = doc.AttrLoc(site, "FederationRouteServiceUniqueId");
  }
  pugi::xml_node route = Child(
      Child(Child(Child(site, "SiteConfiguration"), "OCSSiteConfiguration"), "FederationRoute"),
      "ServiceId");
  if (route) {
    out->federation_route_triple = AttrText(route, "SiteId") + "|" + AttrText(route, "RoleName") +
                                   "|" + AttrText(route, "Instance");
    if (out->federation_route_loc.line == 0) out->federation_route_loc = doc.Loc(route);
  }
}

RawMachine ReadMachine(const LyncXmlDocument& doc, pugi::xml_node machine) {
  RawMachine raw;
  raw.fqdn = AttrText(machine, "Fqdn");
  raw.loc = doc.Loc(machine);
  raw.fqdn_loc = doc.AttrLoc(machine, "Fqdn");
  for (pugi::xml_node nic : Children(machine, "NetInterface")) {
    RawNic n;
    n.side = AttrText(nic, "InterfaceSide");
    n.number = ParseIntOr(AttrText(nic, "InterfaceNumber"), 1);
    n.ip = AttrText(nic, "IPAddress");
    n.configured_ip = AttrText(nic, "ConfiguredIPAddress");
    n.loc = doc.Loc(nic);
    n.ip_loc = doc.AttrLoc(nic, "IPAddress");
    n.configured_ip_loc = doc.AttrLoc(nic, "ConfiguredIPAddress");
    raw.nics.push_back(std::move(n));
  }
  return raw;
}

void ReadServiceBody(const LyncXmlDocument& doc, pugi::xml_node service, RawService* out) {
  for (pugi::xml_node port : Children(Child(service, "Ports"), "Port")) {
    RawPort p;
    p.owner = std::string(LocalName(AttrText(port, "Owner")));
    p.usage = AttrText(port, "Usage");
    p.side = AttrText(port, "InterfaceSide");
    p.number = ParseIntOr(AttrText(port, "InterfaceNumber"), 1);
    p.port = ParseIntOr(AttrText(port, "Port"), 0);
    p.protocol = AttrText(port, "Protocol");
    p.configured_fqdn = AttrText(port, "ConfiguredFqdn");
    p.loc = doc.Loc(port);
    p.configured_fqdn_loc = doc.AttrLoc(port, "ConfiguredFqdn");
    out->ports.push_back(std::move(p));
  }
  if (pugi::xml_node registrar = Child(service, "RegistrarService")) {
    out->is_director = IsTrueText(AttrText(registrar, "IsDirector"));
  }
  if (pugi::xml_node web = Child(service, "WebService")) {
    if (pugi::xml_node external = Child(web, "ExternalSettings")) {
      out->external_web_host = AttrText(external, "Host");
      out->external_web_host_loc = doc.AttrLoc(external, "Host");
    }
    if (pugi::xml_node internal = Child(web, "InternalSettings")) {
      out->internal_web_host = AttrText(internal, "Host");
      out->internal_web_host_loc = doc.AttrLoc(internal, "Host");
    }
  }
  if (pugi::xml_node wac = Child(service, "WacService")) {
    out->wac_discovery_url = AttrText(wac, "DiscoveryUrl");
    out->wac_discovery_url_loc = doc.AttrLoc(wac, "DiscoveryUrl");
    out->wac_external = IsTrueText(AttrText(wac, "IsExternal"));
  }
}

}  // namespace lynctopo
