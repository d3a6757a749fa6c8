#pragma once

// `lynctopo verify dns`: asks a live DNS server for every planned record of one view and
// reports drift the way `terraform plan` does: `+` missing (would be added), `~` different,
// `-` extra at a planned name and type (would be removed).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "generators/dns/dns_model.hpp"
#include "model/address.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// What a server said about one (name, type).
struct DnsAnswer {
  enum class Status { kOk, kNoSuchName, kFailed };
  Status status = Status::kOk;
  std::string error;                // kFailed: timeout, SERVFAIL, REFUSED, ...
  bool unreachable = false;         // kFailed by timeout / network error, not by an answer
  std::vector<std::string> values;  // normalised like DnsRecordValue
};

// The query side, an interface so the comparison is tested without a network.
class DnsQuerier {
 public:
  virtual ~DnsQuerier() = default;
  virtual DnsAnswer Query(const std::string& name, DnsType type) = 0;
};

struct DnsServerAddress {
  std::string address;  // IPv4 or IPv6 literal
  int port = 53;
  std::string ToString() const;
};

// "192.0.2.53", "192.0.2.53:5353", "2001:db8::53", "[2001:db8::53]:5353".
std::optional<DnsServerAddress> ParseDnsServer(std::string_view text);

// UDP queries through libldns (TCP fallback on truncation), recursion not requested, each
// query waiting `timeout_ms` and retried `retries` times.
std::unique_ptr<DnsQuerier> MakeLdnsQuerier(const DnsServerAddress& server, int timeout_ms,
                                            int retries);

// The comparable text of a record's data: an address in canonical form, a lower-case target,
// or "priority weight port target" for SRV.
std::string DnsRecordValue(const DnsRecord& record);

enum class DnsDriftKind { kMissing, kDifferent, kExtra };

struct DnsDrift {
  DnsDriftKind kind = DnsDriftKind::kMissing;
  std::string name;
  DnsType type = DnsType::kA;
  std::string planned;  // empty for kExtra
  std::string actual;   // empty for kMissing
};

struct DnsVerifyResult {
  View view = View::kInternal;
  std::string server;
  size_t checked = 0;           // planned records compared
  size_t failed = 0;            // (name, type) queries that got no usable answer
  std::vector<DnsDrift> drift;  // sorted by name, type, kind, values
  size_t Count(DnsDriftKind kind) const;
};

// Compares every record of `view` in `set` with the server's answers. Failed queries are
// reported as LT9601 errors (the result is then incomplete); when the first queries all time
// out the server is taken as down (LT9603) and the rest are not sent.
DnsVerifyResult VerifyDns(const DnsRecordSet& set, View view, DnsQuerier& querier,
                          Diagnostics& diagnostics);

std::string DnsVerifyText(const DnsVerifyResult& result);
// {"format_version":1,"view","server","checked","failed","changes":[{"action","name","type",
//  "planned","actual"}],"summary":{"missing","different","extra"},"diagnostics":{...}}
nlohmann::json DnsVerifyJson(const DnsVerifyResult& result, const Diagnostics& diagnostics);

// Reads a dns/records.json document back into a record set (LT9602 on a malformed one).
std::optional<DnsRecordSet> DnsRecordsFromJson(const nlohmann::json& doc, const std::string& file,
                                               Diagnostics& diagnostics);

}  // namespace lynctopo
