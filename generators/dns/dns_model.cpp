#include "generators/dns/dns_model.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <arpa/inet.h>

#include "model/plan/internal_zones.hpp"

namespace lynctopo {

namespace {

const std::vector<size_t> kNoRecords;

std::string SourceFile(const Plan& plan) {
  return plan.topology ? plan.topology->source_file : std::string();
}

// "contoso.com" for "pool01.contoso.com"; a two-label name is its own apex (no zone at a TLD).
std::string ParentZone(std::string_view name) {
  size_t dot = name.find('.');
  if (dot == std::string_view::npos) return std::string(name);
  std::string_view parent = name.substr(dot + 1);
  if (parent.find('.') == std::string_view::npos) return std::string(name);
  return std::string(parent);
}

auto RecordKey(const DnsRecord& r) {
  return std::tie(r.view, r.zone, r.name, r.type, r.value, r.port, r.priority, r.weight);
}

}  // namespace

const char* ToString(DnsType type) {
  switch (type) {
    case DnsType::kA:
      return "A";
    case DnsType::kAAAA:
      return "AAAA";
    case DnsType::kCname:
      return "CNAME";
    case DnsType::kSrv:
      return "SRV";
  }
  return "A";
}

bool ParseDnsType(std::string_view text, DnsType* out) {
  for (DnsType type : {DnsType::kA, DnsType::kAAAA, DnsType::kCname, DnsType::kSrv}) {
    if (text == ToString(type)) {
      *out = type;
      return true;
    }
  }
  return false;
}

bool IsIpv4(std::string_view text) {
  in_addr out{};
  return inet_pton(AF_INET, std::string(text).c_str(), &out) == 1;
}

bool IsIpv6(std::string_view text) {
  in6_addr out{};
  return inet_pton(AF_INET6, std::string(text).c_str(), &out) == 1;
}

bool RecordLess(const DnsRecord& a, const DnsRecord& b) {
  return RecordKey(a) < RecordKey(b);
}

const std::vector<size_t>& DnsRecordSet::At(View view, std::string_view name) const {
  auto it = by_name_.find({view, std::string(name)});
  return it == by_name_.end() ? kNoRecords : it->second;
}

void DnsRecordSet::Index() {
  by_name_.clear();
  for (size_t i = 0; i < records.size(); ++i) {
    by_name_[{records[i].view, records[i].name}].push_back(i);
  }
}

DnsZoneIndex::DnsZoneIndex(const Plan& plan) {
  std::set<std::string, std::less<>> base;
  for (const Fqdn& domain : plan.sip_domains) base.insert(domain.str());
  if (plan.topology && Fqdn::Check(plan.topology->ad_domain) == FqdnError::kNone) {
    base.insert(ToLower(plan.topology->ad_domain));
  }
  zones_ = base;
  // Names outside every SIP/AD domain get their parent as a zone. Checked against `base`
  // only, so the zones do not depend on the order names are seen in.
  auto covered = [&base](std::string_view name) {
    for (std::string_view s = name;;) {
      if (base.find(s) != base.end()) return true;
      size_t dot = s.find('.');
      if (dot == std::string_view::npos) return false;
      s.remove_prefix(dot + 1);
    }
  };
  for (const PlannedName& name : plan.names) {
    if (!covered(name.fqdn.str())) zones_.insert(ParentZone(name.fqdn.str()));
  }
  for (const PlannedService& service : plan.services) {
    if (!covered(service.domain)) zones_.insert(service.domain);
  }
}

std::string DnsZoneIndex::ZoneOf(std::string_view name) const {
  for (std::string_view s = name;;) {
    if (zones_.find(s) != zones_.end()) return std::string(s);
    size_t dot = s.find('.');
    if (dot == std::string_view::npos) return std::string();
    s.remove_prefix(dot + 1);
  }
}

namespace {

// All plan names sharing one owner name in one view.
struct NameGroup {
  View view;
  std::string fqdn;
  std::vector<const PlannedName*> names;
};

std::string JoinRoles(const std::vector<const PlannedName*>& names) {
  std::set<NameRole> roles;
  for (const PlannedName* n : names) roles.insert(n->role);
  std::string out;
  for (NameRole role : roles) {
    if (!out.empty()) out += ',';
    out += ToString(role);
  }
  return out;
}

class RecordBuilder {
 public:
  RecordBuilder(const Plan& plan, Diagnostics& diagnostics)
      : plan_(plan), zones_(plan), diagnostics_(diagnostics), file_(SourceFile(plan)) {
    if (plan.topology && plan.topology->dns.ttl > 0) set_.ttl = plan.topology->dns.ttl;
    for (const Fqdn& domain : plan.sip_domains) {
      if (plan.topology && IsPinpointDomain(*plan.topology, domain.str())) {
        pinpoint_domains_.insert(domain.str());
      }
    }
  }

  DnsRecordSet Build() {
    std::map<std::pair<View, std::string>, std::vector<const PlannedName*>> groups;
    for (const PlannedName& name : plan_.names) {
      groups[{name.view, name.fqdn.str()}].push_back(&name);
    }
    for (const auto& [key, names] : groups) AddNameGroup(key.first, key.second, names);
    for (const PlannedService& service : plan_.services) AddService(service);
    Finish();
    return std::move(set_);
  }

 private:
  // The zone a record at `name` lives in. With `dns.internal_zones: pinpoint`, an internal name
  // of a SIP domain (other than the AD domain, which lives inside anyway) is a zone of its own,
  // its records at the apex: the pin-point zones of the DNS requirements for automatic client
  // sign-in.
  std::string ZoneFor(View view, const std::string& name) const {
    std::string zone = zones_.ZoneOf(name);
    if (view == View::kInternal && pinpoint_domains_.count(zone) > 0) return name;
    return zone;
  }

  void AddNameGroup(View view, const std::string& fqdn,
                    const std::vector<const PlannedName*>& names) {
    std::string zone = ZoneFor(view, fqdn);
    std::string purpose = JoinRoles(names);
    std::set<std::string> aliases;
    std::vector<std::string> addresses;  // union, first-seen order
    std::set<std::string> seen;
    std::set<std::vector<std::string>> address_sets;
    std::vector<const PlannedName*> unknown;
    for (const PlannedName* n : names) {
      if (n->target == TargetKind::kAlias) {
        if (n->alias_of.empty()) {
          diagnostics_.Error("LT6007", file_, {},
                             Describe(view, fqdn) + " is planned as an alias (" +
                                 ToString(n->role) + ") but names no target; no CNAME published");
        } else {
          aliases.insert(ToLower(n->alias_of));
          CheckLyncDiscoverAlias(*n);
        }
        continue;
      }
      if (n->address_unknown) {
        unknown.push_back(n);  // the plan reported it, naming what would give the address
        continue;
      }
      if (n->addresses.empty()) {
        diagnostics_.Warning("LT6004", file_, {},
                             Describe(view, fqdn) + " (" + ToString(n->role) +
                                 ") has no address; no A/AAAA record published");
        continue;
      }
      std::vector<std::string> sorted = n->addresses;
      std::sort(sorted.begin(), sorted.end());
      address_sets.insert(sorted);
      for (const std::string& a : n->addresses) {
        if (seen.insert(a).second) addresses.push_back(a);
      }
    }
    if (!unknown.empty() && addresses.empty() && aliases.empty()) {
      set_.unknown_addresses.push_back({view, zone, fqdn, JoinRoles(unknown)});
    }
    if (address_sets.size() > 1) {
      diagnostics_.Warning("LT6006", file_, {},
                           Describe(view, fqdn) +
                               " is planned with different addresses by its roles (" + purpose +
                               "); publishing all of them");
    }
    for (const std::string& address : addresses) {
      DnsRecord r = Base(view, zone, fqdn, purpose);
      if (IsIpv4(address)) {
        r.type = DnsType::kA;
      } else if (IsIpv6(address)) {
        r.type = DnsType::kAAAA;
      } else {
        diagnostics_.Error("LT6005", file_, {},
                           Describe(view, fqdn) + ": '" + address +
                               "' is neither an IPv4 nor an IPv6 address; no record published");
        continue;
      }
      r.value = address;
      set_.records.push_back(std::move(r));
    }
    for (const std::string& target : aliases) {
      DnsRecord r = Base(view, zone, fqdn, purpose);
      r.type = DnsType::kCname;
      r.value = target;
      set_.records.push_back(std::move(r));
    }
  }

  // D7/R10, call 12: a lyncdiscover CNAME into another domain fails for mobile clients over
  // HTTPS (the certificate cannot match); over HTTP it works.
  void CheckLyncDiscoverAlias(const PlannedName& n) {
    if (n.role != NameRole::kLyncDiscover) return;
    std::string domain = n.sip_domain.empty() ? std::string(n.fqdn.Parent()) : n.sip_domain;
    std::optional<Fqdn> target = Fqdn::Parse(n.alias_of);
    if (target && target->IsWithin(domain)) return;
    std::string message = n.fqdn.str() + " is a CNAME to " + n.alias_of + ", outside " + domain +
                          "; mobile clients reject it over HTTPS (publish an A record instead)";
    bool over_http = plan_.topology && plan_.topology->mobility.lyncdiscover_over_http;
    if (over_http) {
      diagnostics_.Warning("LT6003", file_, {}, message + " (tolerated: lyncdiscover is on HTTP)");
    } else {
      diagnostics_.Error("LT6003", file_, {}, message);
    }
  }

  void AddService(const PlannedService& service) {
    std::string domain = ToLower(service.domain);
    std::string name = service.service + "." + domain;
    DnsRecord r = Base(service.view, ZoneFor(service.view, name), name, service.purpose);
    r.type = DnsType::kSrv;
    r.value = service.target.str();
    r.port = service.port;
    r.priority = service.priority;
    r.weight = service.weight;
    // D1, F26: the SRV target must be a host in the same DNS domain as the SRV record.
    if (!service.target.IsWithin(domain)) {
      diagnostics_.Error("LT6001", file_, {},
                         Describe(service.view, name) + " targets " + service.target.str() +
                             ", outside " + domain +
                             "; an SRV target must lie in the same DNS domain (strict matching)");
    }
    set_.records.push_back(std::move(r));
  }

  // Sorts, drops exact duplicates and CNAMEs that share their name with other data (RFC 1034
  // §3.6.2: a CNAME must be alone at its name), then indexes.
  void Finish() {
    auto& records = set_.records;
    std::sort(records.begin(), records.end(), RecordLess);
    records.erase(std::unique(records.begin(), records.end(),
                              [](const DnsRecord& a, const DnsRecord& b) {
                                return RecordKey(a) == RecordKey(b);
                              }),
                  records.end());
    std::map<std::pair<View, std::string>, std::pair<int, int>> counts;  // (cnames, all)
    for (const DnsRecord& r : records) {
      auto& c = counts[{r.view, r.name}];
      if (r.type == DnsType::kCname) ++c.first;
      ++c.second;
    }
    std::vector<DnsRecord> kept;
    kept.reserve(records.size());
    for (DnsRecord& r : records) {
      const auto& c = counts[{r.view, r.name}];
      if (r.type == DnsType::kCname && r.name == r.zone) {
        // The apex holds SOA and NS: a CNAME cannot live there (a pin-point zone's own name).
        diagnostics_.Error("LT6015", file_, {},
                           Describe(r.view, r.name) + " is a CNAME to " + r.value +
                               " at the apex of its own zone; publish an address record instead");
        continue;
      }
      if (r.type == DnsType::kCname && c.second > 1) {
        diagnostics_.Error("LT6002", file_, {},
                           Describe(r.view, r.name) + " is a CNAME to " + r.value +
                               " but the name also has " + std::to_string(c.second - 1) +
                               " other record(s); a CNAME must be alone at its name");
        continue;
      }
      kept.push_back(std::move(r));
    }
    records = std::move(kept);
    std::set<std::pair<View, std::string>> zones;
    for (const DnsRecord& r : records) zones.insert({r.view, r.zone});
    for (const auto& [view, name] : zones) set_.zones.push_back({view, name});
    set_.Index();
  }

  DnsRecord Base(View view, const std::string& zone, const std::string& name,
                 const std::string& purpose) const {
    DnsRecord r;
    r.view = view;
    r.zone = zone;
    r.name = name;
    r.ttl = set_.ttl;
    r.purpose = purpose;
    return r;
  }

  static std::string Describe(View view, const std::string& name) {
    return std::string(ToString(view)) + " DNS name " + name;
  }

  const Plan& plan_;
  DnsZoneIndex zones_;
  std::set<std::string> pinpoint_domains_;  // SIP domains whose internal names are own zones
  Diagnostics& diagnostics_;
  std::string file_;
  DnsRecordSet set_;
};

}  // namespace

DnsRecordSet BuildDnsRecords(const Plan& plan, Diagnostics& diagnostics) {
  return RecordBuilder(plan, diagnostics).Build();
}

}  // namespace lynctopo
