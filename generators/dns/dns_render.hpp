#pragma once

// Pure renderers of the DNS model: the records.json / CSV documents and the Mustache views of
// the BIND zone files, the named.conf fragment and the Windows DNS PowerShell script
// (documented in docs/templates.md, "## dns"). Every embedded value is escaped for its target
// here, so templates stay free of logic.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "generators/dns/dns_model.hpp"
#include "generators/generator.hpp"
#include "generators/json_dump.hpp"
#include "generators/json_template.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// SOA / NS settings of the zones: `topology.dns` (a name server and its addresses per view)
// plus generator options (`--set dns.ns_address=IP[,IP...]`: glue for a name server that lies
// inside its zone, where the topology gives no addresses for that view).
struct DnsZoneSettings {
  struct NameServer {
    std::string name;                    // empty: ns1.<zone>
    std::vector<std::string> addresses;  // glue when the name lies inside the zone
  };
  int ttl = 3600;
  std::string hostmaster_rname;  // SOA RNAME, dotted, no trailing dot; empty: hostmaster.<zone>
  NameServer internal, external;
  const NameServer& For(View view) const { return view == View::kExternal ? external : internal; }
};

// The SOA serial a zone gets: `previous` is the zone file the last run wrote (when it is ours),
// `render` renders the zone with a given serial. Unchanged content keeps its serial, changed
// content gets the next one (RFC 1982 arithmetic, never 0), and no history means 1.
uint32_t NextSoaSerial(const std::optional<std::string>& previous,
                       const std::function<std::string(uint32_t)>& render);
// The serial of the SOA record in a zone file's text; nullopt when there is none.
std::optional<uint32_t> SoaSerialOf(std::string_view zone_text);

// Reads and checks the settings (LT6008 for an invalid name server, hostmaster or address).
DnsZoneSettings ReadDnsZoneSettings(const Plan& plan, const GeneratorOptions& options,
                                    Diagnostics& diagnostics);

// "hostmaster@contoso.com" → "hostmaster.contoso.com" (dots in the local part escaped, RFC
// 1035 §8); "" when the text is not a usable mailbox.
std::string HostmasterToRname(std::string_view mailbox);

// dns/records.json, {"format_version":1,"records":[...],"address_unknown":[...]} (its public
// contract), as dump(2) prints it and a newline, one record's tree at a time; sent to `sink` a
// piece at a time, or returned whole.
bool WriteDnsRecordsJson(const DnsRecordSet& set, const JsonTextSink& sink);
std::string DnsRecordsJsonText(const DnsRecordSet& set);
// The same records as CSV (RFC 4180 quoting), with a header line.
std::string DnsRecordsCsv(const DnsRecordSet& set);

// Path of a zone file under the output root: "dns/internal/contoso.com.zone".
std::string DnsZonePath(const DnsZone& zone);

// The view of templates/dns/zone.mustache for one (view, zone). Warns (LT6009) when the zone's
// name server lies inside the zone and has no address (BIND refuses such a zone).
nlohmann::json DnsZoneView(const DnsRecordSet& set, const DnsZone& zone,
                           const DnsZoneSettings& settings, Diagnostics& diagnostics,
                           uint32_t serial = 1);
// The view of templates/dns/named.conf.mustache: both view blocks with their zones.
nlohmann::json DnsNamedConfView(const DnsRecordSet& set);
// The view of templates/dns/dns.ps1.mustache; its views, zones and records are lazy lists that
// refer to `set`, which must outlive it.
TemplateView DnsPowerShellView(const DnsRecordSet& set);

}  // namespace lynctopo
