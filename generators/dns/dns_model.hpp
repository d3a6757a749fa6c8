#pragma once

// The DNS artifact model: every record the deployment needs, per view (split-brain internal /
// external) and zone, built once from the plan. The renderers (records.json, BIND zone files,
// Windows DNS PowerShell, CSV), the consistency checks and `verify dns` all read this model.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

enum class DnsType { kA, kAAAA, kCname, kSrv };

const char* ToString(DnsType type);  // "A", "AAAA", "CNAME", "SRV"
bool ParseDnsType(std::string_view text, DnsType* out);

struct DnsRecord {
  View view = View::kInternal;
  std::string zone;  // the zone the record lives in, no trailing dot
  std::string name;  // owner name, fully qualified, no trailing dot
  DnsType type = DnsType::kA;
  int ttl = 3600;
  std::string value;  // address (A/AAAA) or target host (CNAME/SRV), no trailing dot
  int priority = 0;   // SRV only
  int weight = 0;     // SRV only
  int port = 0;       // SRV only
  // What the record is for: the plan roles of the name ("pool,server") or the SRV purpose
  // ("internal-sign-in").
  std::string purpose;
};

// Total order used everywhere (files, verify reports): view, zone, name, type, value, port.
bool RecordLess(const DnsRecord& a, const DnsRecord& b);

struct DnsZone {
  View view = View::kInternal;
  std::string name;
};

// A planned name whose address the input does not hold (plan `address_unknown`): it gets no
// record and no zone-file line, and records.json / records.csv list it as "address unknown".
struct DnsUnknownAddress {
  View view = View::kInternal;
  std::string zone;
  std::string name;
  std::string purpose;  // the roles without an address
};

struct DnsRecordSet {
  int ttl = 3600;
  std::vector<DnsRecord> records;  // sorted by RecordLess, no duplicates
  // Sorted by view and name; only names with no record at all.
  std::vector<DnsUnknownAddress> unknown_addresses;
  std::vector<DnsZone> zones;  // every (view, zone) that holds a record, sorted

  // Indexes of the records at `name` in `view` (empty when none). O(log n).
  const std::vector<size_t>& At(View view, std::string_view name) const;
  // Builds the look-up index; BuildDnsRecords calls it, hand-built sets must too.
  void Index();

 private:
  std::map<std::pair<View, std::string>, std::vector<size_t>> by_name_;
};

// The zones names are filed under: every SIP domain, the AD domain, and the parent domain of
// any other name (computed against SIP and AD domains only, so the result does not depend on
// name order). `ZoneOf` picks the longest zone a name lies in, walking its suffixes (no scan
// over zones: 5,000 SIP domains stay cheap).
class DnsZoneIndex {
 public:
  explicit DnsZoneIndex(const Plan& plan);
  // "" when no zone contains `name` (cannot happen for plan names).
  std::string ZoneOf(std::string_view name) const;

 private:
  std::set<std::string, std::less<>> zones_;
};

// Turns plan.names (one A/AAAA per address, kAlias → CNAME) and plan.services (SRV) into
// records. Never invents a name. Reports what DNS cannot express (LT6001–LT6007).
DnsRecordSet BuildDnsRecords(const Plan& plan, Diagnostics& diagnostics);

// True for a textual IPv4 / IPv6 address.
bool IsIpv4(std::string_view text);
bool IsIpv6(std::string_view text);

}  // namespace lynctopo
