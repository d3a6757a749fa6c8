#include "generators/dns/dns_render.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <tuple>

#include "generators/escape.hpp"
#include "generators/json_dump.hpp"

namespace lynctopo {

namespace {

constexpr View kViews[] = {View::kInternal, View::kExternal};

std::string SourceFile(const Plan& plan) {
  return plan.topology ? plan.topology->source_file : std::string();
}

// Owner name relative to its zone ("@" at the apex), as zone files and Windows DNS want it.
std::string RelativeName(const std::string& name, const std::string& zone) {
  if (name == zone) return "@";
  if (name.size() > zone.size() && name.ends_with(zone) &&
      name[name.size() - zone.size() - 1] == '.') {
    return name.substr(0, name.size() - zone.size() - 1);
  }
  return name + ".";  // outside the zone: keep it absolute (never happens for built records)
}

// The records of one (view, zone): a contiguous run, as records are sorted by view then zone.
std::pair<std::vector<DnsRecord>::const_iterator, std::vector<DnsRecord>::const_iterator>
ZoneRecords(const DnsRecordSet& set, const DnsZone& zone) {
  struct Less {
    bool operator()(const DnsRecord& r, const DnsZone& z) const {
      return std::tie(r.view, r.zone) < std::tie(z.view, z.name);
    }
    bool operator()(const DnsZone& z, const DnsRecord& r) const {
      return std::tie(z.view, z.name) < std::tie(r.view, r.zone);
    }
  };
  return std::equal_range(set.records.begin(), set.records.end(), zone, Less{});
}

std::string ZoneRdata(const DnsRecord& r) {
  switch (r.type) {
    case DnsType::kA:
    case DnsType::kAAAA:
      return r.value;
    case DnsType::kCname:
      return r.value + ".";
    case DnsType::kSrv:
      return std::to_string(r.priority) + " " + std::to_string(r.weight) + " " +
             std::to_string(r.port) + " " + r.value + ".";
  }
  return r.value;
}

// The helper of templates/dns/dns.ps1.mustache that adds one record of `type`.
const char* PowerShellFunction(DnsType type) {
  switch (type) {
    case DnsType::kA:
      return "Add-LtA";
    case DnsType::kAAAA:
      return "Add-LtAAAA";
    case DnsType::kCname:
      return "Add-LtCName";
    case DnsType::kSrv:
      return "Add-LtSrv";
  }
  return "Add-LtA";
}

}  // namespace

std::string HostmasterToRname(std::string_view mailbox) {
  size_t at = mailbox.find('@');
  std::string local(at == std::string_view::npos ? std::string_view() : mailbox.substr(0, at));
  std::string_view domain = at == std::string_view::npos ? mailbox : mailbox.substr(at + 1);
  if (Fqdn::Check(domain) != FqdnError::kNone) return "";
  if (at == std::string_view::npos) return ToLower(domain);  // already in RNAME form
  if (local.empty()) return "";
  std::string escaped;
  for (char c : local) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '+';
    if (!ok) return "";
    if (c == '.') escaped += '\\';
    escaped += c;
  }
  return escaped + "." + ToLower(domain);
}

DnsZoneSettings ReadDnsZoneSettings(const Plan& plan, const GeneratorOptions& options,
                                    Diagnostics& diagnostics) {
  DnsZoneSettings settings;
  std::string file = SourceFile(plan);
  if (plan.topology) {
    const DnsSettings& dns = plan.topology->dns;
    if (dns.ttl > 0) settings.ttl = dns.ttl;
    auto name_server = [&](const std::string& text, const char* field) {
      if (text.empty()) return std::string();
      if (std::optional<Fqdn> ns = Fqdn::Parse(text)) return ns->str();
      diagnostics.Error("LT6008", file, dns.origin.Field(field),
                        "DNS name server '" + text + "' is not a valid host name");
      return std::string();
    };
    std::string primary = name_server(dns.primary_ns, "primary_ns");
    settings.internal.name =
        dns.internal_ns.empty() ? primary : name_server(dns.internal_ns, "internal_ns");
    settings.external.name =
        dns.external_ns.empty() ? primary : name_server(dns.external_ns, "external_ns");
    settings.internal.addresses = dns.internal_ns_addresses;
    settings.external.addresses = dns.external_ns_addresses;
    if (!dns.hostmaster.empty()) {
      settings.hostmaster_rname = HostmasterToRname(dns.hostmaster);
      if (settings.hostmaster_rname.empty()) {
        diagnostics.Error("LT6008", file, dns.origin.Field("hostmaster"),
                          "DNS hostmaster '" + dns.hostmaster +
                              "' is not a mailbox such as hostmaster@contoso.com");
      }
    }
  }
  std::string addresses = options.Get("ns_address");
  std::vector<std::string> glue;
  size_t start = 0;
  while (start <= addresses.size() && !addresses.empty()) {
    size_t comma = addresses.find(',', start);
    std::string item =
        addresses.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (IsIpv4(item) || IsIpv6(item)) {
      glue.push_back(item);
    } else {
      diagnostics.Error("LT6008", "", {},
                        "dns.ns_address: '" + item + "' is not an IPv4 or IPv6 address");
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  for (DnsZoneSettings::NameServer* ns : {&settings.internal, &settings.external}) {
    if (ns->addresses.empty()) ns->addresses = glue;
  }
  return settings;
}

namespace {

nlohmann::json DnsRecordJson(const DnsRecord& r) {
  nlohmann::json item = nlohmann::json::object();
  item["view"] = ToString(r.view);
  item["zone"] = r.zone;
  item["name"] = r.name;
  item["type"] = ToString(r.type);
  item["ttl"] = r.ttl;
  item["value"] = r.value;
  if (r.type == DnsType::kSrv) {
    item["priority"] = r.priority;
    item["weight"] = r.weight;
    item["port"] = r.port;
  }
  item["purpose"] = r.purpose;
  return item;
}

// The document without its records.
nlohmann::json DnsRecordsSkeleton(const DnsRecordSet& set) {
  nlohmann::json unknown = nlohmann::json::array();
  for (const DnsUnknownAddress& u : set.unknown_addresses) {
    nlohmann::json item = nlohmann::json::object();
    item["view"] = ToString(u.view);
    item["zone"] = u.zone;
    item["name"] = u.name;
    item["purpose"] = u.purpose;
    unknown.push_back(std::move(item));
  }
  nlohmann::json doc = nlohmann::json::object();
  doc["format_version"] = 1;
  doc["address_unknown"] = std::move(unknown);
  return doc;
}

}  // namespace

bool WriteDnsRecordsJson(const DnsRecordSet& set, const JsonTextSink& sink) {
  return DumpWithArrayTo(
      DnsRecordsSkeleton(set), "records", set.records.size(),
      [&set](size_t i) { return DnsRecordJson(set.records[i]); }, "\n", sink);
}

std::string DnsRecordsJsonText(const DnsRecordSet& set) {
  std::string text;
  WriteDnsRecordsJson(set, AppendTo(text));
  return text;
}

std::string DnsRecordsCsv(const DnsRecordSet& set) {
  std::string out = "view,zone,name,type,ttl,value,priority,weight,port,purpose\n";
  for (const DnsRecord& r : set.records) {
    bool srv = r.type == DnsType::kSrv;
    out += std::string(ToString(r.view)) + ',' + CsvField(r.zone) + ',' + CsvField(r.name) + ',' +
           ToString(r.type) + ',' + std::to_string(r.ttl) + ',' + CsvField(r.value) + ',' +
           (srv ? std::to_string(r.priority) : "") + ',' + (srv ? std::to_string(r.weight) : "") +
           ',' + (srv ? std::to_string(r.port) : "") + ',' + CsvField(r.purpose) + '\n';
  }
  // No type, so a tool importing the rows creates nothing for them.
  for (const DnsUnknownAddress& u : set.unknown_addresses) {
    out += std::string(ToString(u.view)) + ',' + CsvField(u.zone) + ',' + CsvField(u.name) +
           ",,,address unknown,,,," + CsvField(u.purpose) + '\n';
  }
  return out;
}

std::string DnsZonePath(const DnsZone& zone) {
  return std::string("dns/") + ToString(zone.view) + "/" + zone.name + ".zone";
}

nlohmann::json DnsZoneView(const DnsRecordSet& set, const DnsZone& zone,
                           const DnsZoneSettings& settings, Diagnostics& diagnostics,
                           uint32_t serial) {
  auto [begin, end] = ZoneRecords(set, zone);
  const DnsZoneSettings::NameServer& name_server = settings.For(zone.view);
  std::string ns = name_server.name.empty() ? "ns1." + zone.name : name_server.name;
  std::string rname =
      settings.hostmaster_rname.empty() ? "hostmaster." + zone.name : settings.hostmaster_rname;
  struct Line {
    std::string owner, type, rdata, purpose;
  };
  std::vector<Line> lines;
  // A name server inside its own zone needs an address there, or BIND refuses the zone.
  std::optional<Fqdn> ns_name = Fqdn::Parse(ns);
  if (ns_name && ns_name->IsWithin(zone.name)) {
    bool has_address = false;
    for (size_t i : set.At(zone.view, ns)) {
      DnsType type = set.records[i].type;
      has_address = has_address || type == DnsType::kA || type == DnsType::kAAAA;
    }
    if (!has_address && name_server.addresses.empty()) {
      diagnostics.Warning(
          "LT6009", "", {},
          std::string(ToString(zone.view)) + " zone " + zone.name + ": name server " + ns +
              " lies inside the zone and has no address; BIND refuses to load "
              "it. Set the topology's dns." +
              ToString(zone.view) + "_ns to a name server outside the zone, or its dns." +
              ToString(zone.view) + "_ns_addresses (or --set dns.ns_address=IP)");
    }
    if (!has_address) {
      for (const std::string& address : name_server.addresses) {
        lines.push_back(
            {RelativeName(ns, zone.name), IsIpv4(address) ? "A" : "AAAA", address, "name server"});
      }
    }
  }
  for (auto it = begin; it != end; ++it) {
    lines.push_back(
        {RelativeName(it->name, zone.name), ToString(it->type), ZoneRdata(*it), it->purpose});
  }
  size_t width = 1;
  for (const Line& line : lines) width = std::max(width, line.owner.size());
  nlohmann::json records = nlohmann::json::array();
  for (const Line& line : lines) {
    records.push_back({{"owner", line.owner},
                       {"pad", std::string(width - line.owner.size() + 1, ' ')},
                       {"type", line.type},
                       {"rdata", line.rdata},
                       {"purpose", line.purpose}});
  }
  return {{"comment", ";"},
          {"generator", "dns"},
          {"view", ToString(zone.view)},
          {"zone", zone.name},
          {"origin", zone.name + "."},
          {"ttl", settings.ttl},
          {"soa_mname", ns + "."},
          {"soa_rname", rname + "."},
          {"soa_serial", serial},
          {"soa_refresh", 3600},
          {"soa_retry", 900},
          {"soa_expire", 1209600},
          {"soa_minimum", settings.ttl},
          {"ns", nlohmann::json::array({{{"host", ns + "."}}})},
          {"records", std::move(records)}};
}

std::optional<uint32_t> SoaSerialOf(std::string_view text) {
  // The SOA record's RDATA: MNAME RNAME SERIAL ..., possibly inside "(" and with comments.
  size_t at = 0;
  while ((at = text.find("SOA", at)) != std::string_view::npos) {
    size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    bool in_comment = text.substr(line_start, at - line_start).find(';') != std::string_view::npos;
    bool word = (at == 0 || std::isspace(static_cast<unsigned char>(text[at - 1]))) &&
                at + 3 < text.size() && std::isspace(static_cast<unsigned char>(text[at + 3]));
    at += 3;
    if (in_comment || !word) continue;
    int field = 0;
    size_t i = at;
    while (i < text.size()) {
      char c = text[i];
      if (c == ';') {
        while (i < text.size() && text[i] != '\n') ++i;
      } else if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
        ++i;
      } else {
        size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) &&
               text[i] != ';' && text[i] != '(' && text[i] != ')') {
          ++i;
        }
        if (++field == 3) {
          std::string_view token = text.substr(start, i - start);
          uint64_t value = 0;
          if (token.empty() || token.size() > 10) return std::nullopt;
          for (char d : token) {
            if (d < '0' || d > '9') return std::nullopt;
            value = value * 10 + static_cast<uint64_t>(d - '0');
          }
          if (value > 0xffffffffULL) return std::nullopt;
          return static_cast<uint32_t>(value);
        }
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

uint32_t NextSoaSerial(const std::optional<std::string>& previous,
                       const std::function<std::string(uint32_t)>& render) {
  if (!previous) return 1;
  std::optional<uint32_t> serial = SoaSerialOf(*previous);
  if (!serial) return 1;
  if (render(*serial) == *previous) return *serial;
  uint32_t next = *serial + 1;  // wraps past 2^32-1 as RFC 1982 allows; 0 is skipped
  return next == 0 ? 1 : next;
}

nlohmann::json DnsNamedConfView(const DnsRecordSet& set) {
  nlohmann::json views = nlohmann::json::array();
  for (View view : kViews) {
    nlohmann::json zones = nlohmann::json::array();
    for (const DnsZone& zone : set.zones) {
      if (zone.view != view) continue;
      zones.push_back(
          {{"zone", zone.name}, {"file", DnsZonePath(zone).substr(4)}});  // relative to dns/
    }
    std::string name = ToString(view);
    views.push_back({{"view", name}, {"acl", "lynctopo_" + name}, {"zones", std::move(zones)}});
  }
  return {{"comment", "//"}, {"generator", "dns"}, {"views", std::move(views)}};
}

TemplateView DnsPowerShellView(const DnsRecordSet& set) {
  // The zones of each view, in order; their records are built as the template reaches them.
  auto zones_of = std::make_shared<std::vector<std::vector<const DnsZone*>>>();
  for (View view : kViews) {
    std::vector<const DnsZone*>& zones = zones_of->emplace_back();
    for (const DnsZone& zone : set.zones) {
      if (zone.view == view) zones.push_back(&zone);
    }
  }
  auto record_view = [](const DnsZone& zone, const DnsRecord& r) -> nlohmann::json {
    return {{"zone", PowerShellQuote(zone.name)},
            {"name", PowerShellQuote(RelativeName(r.name, zone.name))},
            {"value", PowerShellQuote(r.value)},
            {"ttl", r.ttl},
            {"priority", r.priority},
            {"weight", r.weight},
            {"port", r.port},
            {"function", PowerShellFunction(r.type)},
            {"type", ToString(r.type)},
            {"a", r.type == DnsType::kA},
            {"aaaa", r.type == DnsType::kAAAA},
            {"cname", r.type == DnsType::kCname},
            {"srv", r.type == DnsType::kSrv}};
  };
  auto zone_view = [&set, record_view](const DnsZone& zone) {
    TemplateView item(nlohmann::json{{"zone", PowerShellQuote(zone.name)}});
    // Not a structured binding: a lambda cannot capture one before C++20's P1091 (clang 14).
    const auto records = ZoneRecords(set, zone);
    const auto begin = records.first, end = records.second;
    item.lists["records"] = {static_cast<size_t>(end - begin),
                             [&zone, begin, record_view](size_t i) -> TemplateView {
                               return TemplateView(record_view(zone, *(begin + i)));
                             }};
    return item;
  };
  TemplateView out(nlohmann::json{{"comment", "#"}, {"generator", "dns"}});
  out.lists["views"] = {zones_of->size(), [zones_of, zone_view](size_t v) {
                          const std::vector<const DnsZone*>& zones = (*zones_of)[v];
                          TemplateView item(nlohmann::json{{"view", ToString(kViews[v])}});
                          item.lists["zones"] = {zones.size(), [zones_of, v, zone_view](size_t z) {
                                                   return zone_view(*(*zones_of)[v][z]);
                                                 }};
                          return item;
                        }};
  return out;
}

}  // namespace lynctopo
