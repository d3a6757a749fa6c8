// Topology Builder files (.tbxml): TopologyBuilder/{NewTopology|OriginalTopology}/
// PartialTopology with nested CentralSites/CentralSite[/RemoteSites/RemoteSite]/Clusters and
// one flat Services list. References are UniqueId strings (GUIDs or derived IDs).

#include "model/lync/walk.hpp"

namespace lynctopo {
namespace {

struct TbxmlWalker {
  const LyncXmlDocument& doc;
  RawTopology* out;
  int synthetic_site = 0;

  std::string SiteId(pugi::xml_node site) {
    std::string id = AttrText(site, "SiteId");
    // A site added in Topology Builder before publishing may lack an id: any unique key works.
    return id.empty() ? "#site" + std::to_string(++synthetic_site) : id;
  }

  void ReadClusters(pugi::xml_node site, const std::string& site_id) {
    for (pugi::xml_node cluster : Children(Child(site, "Clusters"), "Cluster")) {
      RawCluster raw;
      raw.id = AttrText(cluster, "UniqueId");
      raw.site_id = site_id;
      raw.fqdn = AttrText(cluster, "Fqdn");
      raw.loc = doc.Loc(cluster);
      raw.fqdn_loc = doc.AttrLoc(cluster, "Fqdn");
      if (pugi::xml_attribute single = Attr(cluster, "IsSingleMachineOnly")) {
        raw.single_machine = IsTrueText(single.value()) ? 1 : 0;
      }
      for (pugi::xml_node machine : Children(Child(cluster, "Machines"), "Machine")) {
        raw.machines.push_back(ReadMachine(doc, machine));
      }
      for (pugi::xml_node sql : Children(Child(cluster, "SqlInstances"), "SqlInstance")) {
        out->sql_instances.push_back({AttrText(sql, "UniqueId"), raw.id, AttrText(sql, "Name")});
      }
      out->clusters.push_back(std::move(raw));
    }
  }

  void ReadSite(pugi::xml_node site, bool central, const std::string& parent_id) {
    RawSite raw;
    raw.id = SiteId(site);
    raw.central = central;
    raw.parent_id = parent_id;
    ReadSiteDetails(doc, site, &raw);
    std::string id = raw.id;
    out->sites.push_back(std::move(raw));
    ReadClusters(site, id);
    if (central) {
      for (pugi::xml_node branch : Children(Child(site, "RemoteSites"), "RemoteSite")) {
        ReadSite(branch, false, id);
      }
    }
  }

  void ReadServices(pugi::xml_node services) {
    for (pugi::xml_node service : Children(services, "Service")) {
      RawService raw;
      raw.id = AttrText(service, "UniqueId");
      raw.role = AttrText(service, "RoleName");
      raw.service_version = ParseIntOr(AttrText(service, "ServiceVersion"), 0);
      raw.installed_on = AttrText(service, "InstalledOn");
      raw.loc = doc.Loc(service);
      std::string original_site = AttrText(service, "OriginalSiteId");
      std::string original_instance = AttrText(service, "OriginalInstance");
      if (!original_site.empty() && !original_instance.empty()) {
        raw.triple = original_site + "|" + raw.role + "|" + original_instance;
      }
      for (pugi::xml_node dep : Children(Child(service, "DependsOn"), "Dependency")) {
        raw.depends_on.push_back({AttrText(dep, "ServiceUniqueId"), AttrText(dep, "Usage")});
      }
      ReadServiceBody(doc, service, &raw);
      out->services.push_back(std::move(raw));
    }
  }
};

}  // namespace

bool ReadTopologyBuilder(const LyncXmlDocument& doc, bool original, const std::string& path,
                         RawTopology* out, Diagnostics& diagnostics) {
  pugi::xml_node root = doc.root();
  const char* which = original ? "OriginalTopology" : "NewTopology";
  pugi::xml_node partial = Child(Child(root, which), "PartialTopology");
  if (!partial) {
    diagnostics.Error("LT3004", path, doc.Loc(root),
                      std::string("the Topology Builder file has no ") + which +
                          "/PartialTopology" +
                          (original ? " (it was never downloaded from a deployment)" : ""));
    return false;
  }
  out->published = false;
  out->root_loc = doc.Loc(root);
  TbxmlWalker walker{doc, out};
  ReadInternalDomains(doc, Child(partial, "InternalDomains"), out);
  ReadSimpleUrls(doc, Child(partial, "SimpleUrlConfiguration"), out);
  for (pugi::xml_node site : Children(Child(partial, "CentralSites"), "CentralSite")) {
    walker.ReadSite(site, true, "");
  }
  walker.ReadServices(Child(partial, "Services"));
  return true;
}

}  // namespace lynctopo
