#pragma once

// The two document walkers (Topology Builder file, published topology) and the element
// readers they share. Each walker fills a RawTopology; it reports structural problems but
// never stops at the first one.

#include <string>

#include <pugixml.hpp>

#include "model/diagnostics.hpp"
#include "model/lync/raw.hpp"
#include "model/lync/xml.hpp"

namespace lynctopo {

// `original`: read TopologyBuilder/OriginalTopology instead of NewTopology. Returns false
// when the topology to read is missing (one error reported).
bool ReadTopologyBuilder(const LyncXmlDocument& doc, bool original, const std::string& path,
                         RawTopology* out, Diagnostics& diagnostics);
bool ReadPublishedTopology(const LyncXmlDocument& doc, const std::string& path, RawTopology* out,
                           Diagnostics& diagnostics);

// Shared element readers (same vocabulary in both formats).
int ParseIntOr(std::string_view text, int fallback);
// xs:boolean: "true"/"1" (Lync writes lowercase; tolerate other spellings).
bool IsTrueText(std::string_view text);
void ReadInternalDomains(const LyncXmlDocument& doc, pugi::xml_node domains, RawTopology* out);
void ReadSimpleUrls(const LyncXmlDocument& doc, pugi::xml_node config, RawTopology* out);
// Name, Description, Location and SiteConfiguration of a site element.
void ReadSiteDetails(const LyncXmlDocument& doc, pugi::xml_node site, RawSite* out);
// Fqdn and NetInterfaces of a Machine element.
RawMachine ReadMachine(const LyncXmlDocument& doc, pugi::xml_node machine);
// Ports and role-specific settings of a Service element.
void ReadServiceBody(const LyncXmlDocument& doc, pugi::xml_node service, RawService* out);

}  // namespace lynctopo
