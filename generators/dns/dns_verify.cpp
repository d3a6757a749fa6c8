#include "generators/dns/dns_verify.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace lynctopo {

std::string DnsServerAddress::ToString() const {
  if (address.find(':') != std::string::npos) {
    return "[" + address + "]:" + std::to_string(port);
  }
  return address + ":" + std::to_string(port);
}

std::optional<DnsServerAddress> ParseDnsServer(std::string_view text) {
  DnsServerAddress out;
  std::string_view host = text;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
      if (port.empty()) return std::nullopt;
    }
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    size_t colon = text.find(':');
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  if (!IsIpv4(host) && !IsIpv6(host)) return std::nullopt;
  out.address = std::string(host);
  if (!port.empty()) {
    int value = 0;
    for (char c : port) {
      if (c < '0' || c > '9' || value > 65535) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    if (value < 1 || value > 65535) return std::nullopt;
    out.port = value;
  }
  return out;
}

std::string DnsRecordValue(const DnsRecord& r) {
  switch (r.type) {
    case DnsType::kA:
    case DnsType::kAAAA:
      return CanonicalAddress(r.value).value_or(r.value);
    case DnsType::kCname:
      return ToLower(r.value);
    case DnsType::kSrv:
      return std::to_string(r.priority) + " " + std::to_string(r.weight) + " " +
             std::to_string(r.port) + " " + ToLower(r.value);
  }
  return r.value;
}

size_t DnsVerifyResult::Count(DnsDriftKind kind) const {
  return static_cast<size_t>(std::count_if(drift.begin(), drift.end(),
                                           [kind](const DnsDrift& d) { return d.kind == kind; }));
}

DnsVerifyResult VerifyDns(const DnsRecordSet& set, View view, DnsQuerier& querier,
                          Diagnostics& diagnostics) {
  DnsVerifyResult result;
  result.view = view;
  std::map<std::pair<std::string, DnsType>, std::set<std::string>> planned;
  for (const DnsRecord& r : set.records) {
    if (r.view != view) continue;
    planned[{r.name, r.type}].insert(DnsRecordValue(r));
    ++result.checked;
  }
  constexpr size_t kGiveUpAfter = 3;  // unreachable answers before any real one
  size_t answered = 0;
  size_t unreachable = 0;
  for (const auto& [key, want] : planned) {
    const auto& [name, type] = key;
    if (answered == 0 && unreachable >= kGiveUpAfter) {
      ++result.failed;
      continue;
    }
    DnsAnswer answer = querier.Query(name, type);
    if (answer.unreachable) ++unreachable;
    if (answer.status == DnsAnswer::Status::kFailed) {
      ++result.failed;
      diagnostics.Error(
          "LT9601", "", {},
          std::string("no answer for ") + name + " " + ToString(type) + ": " + answer.error);
      continue;
    }
    ++answered;
    std::set<std::string> have(answer.values.begin(), answer.values.end());
    std::vector<std::string> missing, extra;
    std::set_difference(want.begin(), want.end(), have.begin(), have.end(),
                        std::back_inserter(missing));
    std::set_difference(have.begin(), have.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    // Pair unmatched values as changes; what is left over is missing or extra.
    size_t paired = std::min(missing.size(), extra.size());
    for (size_t i = 0; i < paired; ++i) {
      result.drift.push_back({DnsDriftKind::kDifferent, name, type, missing[i], extra[i]});
    }
    for (size_t i = paired; i < missing.size(); ++i) {
      result.drift.push_back({DnsDriftKind::kMissing, name, type, missing[i], ""});
    }
    for (size_t i = paired; i < extra.size(); ++i) {
      result.drift.push_back({DnsDriftKind::kExtra, name, type, "", extra[i]});
    }
  }
  if (answered == 0 && unreachable >= kGiveUpAfter && result.failed > unreachable) {
    diagnostics.Error("LT9603", "", {},
                      "the DNS server does not answer; " +
                          std::to_string(result.failed - unreachable) +
                          " remaining queries were not sent");
  }
  std::sort(result.drift.begin(), result.drift.end(), [](const DnsDrift& a, const DnsDrift& b) {
    return std::tie(a.name, a.type, a.kind, a.planned, a.actual) <
           std::tie(b.name, b.type, b.kind, b.planned, b.actual);
  });
  return result;
}

namespace {

const char* ActionName(DnsDriftKind kind) {
  switch (kind) {
    case DnsDriftKind::kMissing:
      return "missing";
    case DnsDriftKind::kDifferent:
      return "different";
    case DnsDriftKind::kExtra:
      return "extra";
  }
  return "missing";
}

std::string Summary(const DnsVerifyResult& result) {
  return std::to_string(result.Count(DnsDriftKind::kMissing)) + " missing, " +
         std::to_string(result.Count(DnsDriftKind::kDifferent)) + " different, " +
         std::to_string(result.Count(DnsDriftKind::kExtra)) + " extra";
}

}  // namespace

std::string DnsVerifyText(const DnsVerifyResult& result) {
  std::string out = std::string("DNS ") + ToString(result.view) + " view at " + result.server +
                    ": " + std::to_string(result.checked) + " planned records checked\n";
  if (!result.drift.empty()) {
    out += "  + missing (to add)   ~ different (to change)   - extra (to remove)\n\n";
    for (const DnsDrift& d : result.drift) {
      std::string line = d.name + " " + ToString(d.type) + " ";
      switch (d.kind) {
        case DnsDriftKind::kMissing:
          out += "  + " + line + d.planned + "\n";
          break;
        case DnsDriftKind::kDifferent:
          out += "  ~ " + line + d.actual + " -> " + d.planned + "\n";
          break;
        case DnsDriftKind::kExtra:
          out += "  - " + line + d.actual + "\n";
          break;
      }
    }
    out += "\n";
  }
  out += Summary(result);
  if (result.failed > 0) out += ", " + std::to_string(result.failed) + " unanswered";
  out += result.drift.empty() && result.failed == 0 ? ": no drift.\n" : ".\n";
  return out;
}

nlohmann::json DnsVerifyJson(const DnsVerifyResult& result, const Diagnostics& diagnostics) {
  nlohmann::json changes = nlohmann::json::array();
  for (const DnsDrift& d : result.drift) {
    changes.push_back(
        {{"action", ActionName(d.kind)},
         {"name", d.name},
         {"type", ToString(d.type)},
         {"planned", d.planned.empty() ? nlohmann::json() : nlohmann::json(d.planned)},
         {"actual", d.actual.empty() ? nlohmann::json() : nlohmann::json(d.actual)}});
  }
  nlohmann::json doc = nlohmann::json::object();
  doc["format_version"] = 1;
  doc["view"] = ToString(result.view);
  doc["server"] = result.server;
  doc["checked"] = result.checked;
  doc["failed"] = result.failed;
  doc["changes"] = std::move(changes);
  doc["summary"] = {{"missing", result.Count(DnsDriftKind::kMissing)},
                    {"different", result.Count(DnsDriftKind::kDifferent)},
                    {"extra", result.Count(DnsDriftKind::kExtra)}};
  doc["diagnostics"] = DiagnosticsToJson(diagnostics);
  return doc;
}

std::optional<DnsRecordSet> DnsRecordsFromJson(const nlohmann::json& doc, const std::string& file,
                                               Diagnostics& diagnostics) {
  auto fail = [&](const std::string& pointer, const std::string& message) {
    SourceLoc loc;
    loc.pointer = pointer;
    diagnostics.Error("LT9602", file, loc, "DNS records file: " + message);
  };
  if (!doc.is_object() || doc.value("format_version", 0) != 1 || !doc.contains("records") ||
      !doc["records"].is_array()) {
    fail("", "expected {\"format_version\":1,\"records\":[...]}");
    return std::nullopt;
  }
  DnsRecordSet set;
  bool ok = true;
  const nlohmann::json& records = doc["records"];
  for (size_t i = 0; i < records.size(); ++i) {
    const nlohmann::json& item = records[i];
    std::string where = "/records/" + std::to_string(i);
    auto text = [&](const char* key) -> std::string {
      if (!item.is_object() || !item.contains(key) || !item[key].is_string()) {
        fail(where + "/" + key, std::string("'") + key + "' must be a string");
        ok = false;
        return "";
      }
      return item[key].get<std::string>();
    };
    auto number = [&](const char* key, bool required) -> int {
      if (!item.is_object() || !item.contains(key)) {
        if (required) {
          fail(where + "/" + key, std::string("'") + key + "' is required");
          ok = false;
        }
        return 0;
      }
      if (!item[key].is_number_integer()) {
        fail(where + "/" + key, std::string("'") + key + "' must be an integer");
        ok = false;
        return 0;
      }
      return item[key].get<int>();
    };
    DnsRecord r;
    std::string view = text("view");
    if (view == "internal") {
      r.view = View::kInternal;
    } else if (view == "external") {
      r.view = View::kExternal;
    } else if (ok) {
      fail(where + "/view", "'view' must be internal or external");
      ok = false;
    }
    r.zone = ToLower(text("zone"));
    r.name = ToLower(text("name"));
    std::string type = text("type");
    if (!type.empty() && !ParseDnsType(type, &r.type)) {
      fail(where + "/type", "unknown record type '" + type + "'");
      ok = false;
    }
    r.value = text("value");
    r.ttl = number("ttl", false);
    bool srv = r.type == DnsType::kSrv;
    r.priority = number("priority", srv);
    r.weight = number("weight", srv);
    r.port = number("port", srv);
    if (item.is_object() && item.contains("purpose") && item["purpose"].is_string()) {
      r.purpose = item["purpose"].get<std::string>();
    }
    set.records.push_back(std::move(r));
  }
  if (!ok) return std::nullopt;
  std::sort(set.records.begin(), set.records.end(), RecordLess);
  std::set<std::pair<View, std::string>> zones;
  for (const DnsRecord& r : set.records) zones.insert({r.view, r.zone});
  for (const auto& [view, name] : zones) set.zones.push_back({view, name});
  set.Index();
  return set;
}

}  // namespace lynctopo
