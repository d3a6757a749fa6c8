// Published topology documents (Get-CsTopology -AsXml, Publish-CsTopology -FileName): flat
// Sites, Clusters, SqlInstances and Services lists under Topology, with composite identities
// (ClusterId SiteId+Number, ServiceId SiteId+RoleName+Instance, SqlInstanceId Name+ClusterId)
// that we turn into opaque string keys.

#include <unordered_set>

#include "model/lync/walk.hpp"

namespace lynctopo {
namespace {

std::string ClusterKey(pugi::xml_node cluster_id) {
  return AttrText(cluster_id, "SiteId") + "-" + AttrText(cluster_id, "Number");
}

std::string SqlInstanceKey(pugi::xml_node sql_instance_id) {
  return "sql:" + ClusterKey(Child(sql_instance_id, "ClusterId")) + ":" +
         AttrText(sql_instance_id, "Name");
}

std::string ServiceKey(pugi::xml_node service_id) {
  return AttrText(service_id, "SiteId") + "|" + AttrText(service_id, "RoleName") + "|" +
         AttrText(service_id, "Instance");
}

void ReadSites(const LyncXmlDocument& doc, pugi::xml_node sites, RawTopology* out) {
  std::unordered_set<std::string> site_ids;
  for (pugi::xml_node site = sites.first_child(); site; site = site.next_sibling()) {
    if (site.type() == pugi::node_element) site_ids.insert(AttrText(site, "SiteId"));
  }
  for (pugi::xml_node site = sites.first_child(); site; site = site.next_sibling()) {
    if (site.type() != pugi::node_element || !Attr(site, "SiteId")) continue;
    RawSite raw;
    raw.id = AttrText(site, "SiteId");
    // No published sample has a branch site (reference §5.3): every element other than
    // CentralSite is a branch, and an attribute naming another site's id is its parent.
    raw.central = LocalName(site) == "CentralSite";
    if (!raw.central) {
      for (pugi::xml_attribute attr = site.first_attribute(); attr; attr = attr.next_attribute()) {
        std::string_view name = LocalName(attr.name());
        if (name == "SiteId" || std::string_view(attr.name()).substr(0, 5) == "xmlns") continue;
        if (attr.value() != raw.id && site_ids.count(attr.value()) > 0) {
          raw.parent_id = attr.value();
          break;
        }
      }
    }
    ReadSiteDetails(doc, site, &raw);
    out->sites.push_back(std::move(raw));
  }
}

void ReadClusters(const LyncXmlDocument& doc, pugi::xml_node clusters, RawTopology* out) {
  for (pugi::xml_node cluster : Children(clusters, "Cluster")) {
    RawCluster raw;
    pugi::xml_node id = Child(cluster, "ClusterId");
    raw.id = ClusterKey(id);
    raw.site_id = AttrText(id, "SiteId");
    raw.fqdn = AttrText(cluster, "Fqdn");
    raw.loc = doc.Loc(cluster);
    raw.fqdn_loc = doc.AttrLoc(cluster, "Fqdn");
    for (pugi::xml_node machine : Children(cluster, "Machine")) {
      raw.machines.push_back(ReadMachine(doc, machine));
    }
    out->clusters.push_back(std::move(raw));
  }
}

void ReadSqlInstances(pugi::xml_node instances, RawTopology* out) {
  for (pugi::xml_node instance : Children(instances, "SqlInstance")) {
    pugi::xml_node id = Child(instance, "SqlInstanceId");
    out->sql_instances.push_back(
        {SqlInstanceKey(id), ClusterKey(Child(id, "ClusterId")), AttrText(id, "Name")});
  }
}

void ReadServices(const LyncXmlDocument& doc, pugi::xml_node services, RawTopology* out) {
  for (pugi::xml_node service : Children(services, "Service")) {
    RawService raw;
    pugi::xml_node id = Child(service, "ServiceId");
    raw.id = ServiceKey(id);
    raw.triple = raw.id;
    raw.role = AttrText(id, "RoleName");
    raw.service_version = ParseIntOr(AttrText(service, "ServiceVersion"), 0);
    raw.loc = doc.Loc(service);
    pugi::xml_node installed_on = Child(service, "InstalledOn");
    if (pugi::xml_node cluster = Child(installed_on, "ClusterId")) {
      raw.installed_on = ClusterKey(cluster);
    } else if (pugi::xml_node sql = Child(installed_on, "SqlInstanceId")) {
      raw.installed_on = SqlInstanceKey(sql);
    }
    for (pugi::xml_node dep : Children(Child(service, "DependsOn"), "Dependency")) {
      raw.depends_on.push_back({ServiceKey(Child(dep, "ServiceId")), AttrText(dep, "Usage")});
    }
    ReadServiceBody(doc, service, &raw);
    out->services.push_back(std::move(raw));
  }
}

}  // namespace

bool ReadPublishedTopology(const LyncXmlDocument& doc, const std::string&, RawTopology* out,
                           Diagnostics&) {
  pugi::xml_node root = doc.root();
  out->published = true;
  out->root_loc = doc.Loc(root);
  ReadInternalDomains(doc, Child(root, "InternalDomains"), out);
  // Never seen in a published document (reference §5.2), but harmless to accept.
  ReadSimpleUrls(doc, Child(root, "SimpleUrlConfiguration"), out);
  ReadSites(doc, Child(root, "Sites"), out);
  ReadClusters(doc, Child(root, "Clusters"), out);
  ReadSqlInstances(Child(root, "SqlInstances"), out);
  ReadServices(doc, Child(root, "Services"), out);
  return true;
}

}  // namespace lynctopo
