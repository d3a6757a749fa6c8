#include "generators/check/rendered_artifacts.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "generators/certificates/certificate_model.hpp"
#include "generators/check/check.hpp"
#include "generators/check/ldns_text.hpp"
#include "generators/check/rendered_certificates.hpp"
#include "generators/check/rendered_parsers.hpp"
#include "generators/check/rendered_proxy.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "generators/side_by_side.hpp"

// Last: ldns pulls in C headers that redefine `bool` for C++ standard headers after them.
#include <ldns/ldns.h>

namespace lynctopo {

namespace {

using rendered::CsvRow;
using rendered::IniEntry;
using rendered::LdifRecord;
using rendered::ServedRoute;

// Where a parsed fact was read.
struct Origin {
  std::string file;
  unsigned line = 0;
  std::string pointer;  // JSON files
};

class Prover {
 public:
  Prover(const Plan& plan, const RenderedFiles& files, std::string root, Diagnostics& diagnostics)
      : plan_(plan), files_(files), root_(std::move(root)), diagnostics_(diagnostics) {}

  void Run(unsigned jobs);

 private:
  std::string Shown(const std::string& file) const {
    return root_.empty() ? file : (std::filesystem::path(root_) / file).generic_string();
  }
  void Report(const char* code, const Origin& at, const std::string& message) {
    ReportTo(held_ ? *held_ : diagnostics_, code, at, message);
  }
  void ReportTo(Diagnostics& into, const char* code, const Origin& at,
                const std::string& message) const {
    SourceLoc loc;
    loc.line = at.line;
    loc.column = at.line ? 1 : 0;
    loc.pointer = at.pointer;
    into.Error(code, Shown(at.file), loc, message);
  }
  // The text of `path`. The file handed out before goes back to the page cache: the steps of
  // the proof read one file at a time (and a text read again still reads right).
  const std::string_view* File(const std::string& path) {
    auto found = files_.texts.find(path);
    if (found == files_.texts.end()) return nullptr;
    Reading(found->second);
    return &found->second;
  }
  void Reading(std::string_view text) {
    if (last_read_.data() != text.data()) files_.DropPages(last_read_);
    last_read_ = text;
  }
  // For a reader going through `text` from start to end, told how far it got: the pages it
  // passed go back to the page cache a few megabytes at a time.
  std::function<void(size_t offset)> ReleaseBehind(std::string_view text) const {
    constexpr size_t kStep = size_t{4} << 20;
    return [this, text, next = kStep](size_t offset) mutable {
      if (offset < next) return;
      files_.DropPagesBefore(text, offset);
      next = offset + kStep;
    };
  }
  std::optional<nlohmann::json> Json(const std::string& path);
  using ItemReader = std::function<void(size_t index, const nlohmann::json& item)>;
  bool JsonItems(const std::string& path, const std::string& key, const ItemReader& read,
                 nlohmann::json* rest = nullptr);

  struct ZoneFile {
    const std::string* path;  // a key of files_.texts
    View view;
  };
  std::vector<ZoneFile> ZoneFiles() const;
  void ReadZoneFile(const ZoneFile& zone);
  void ReadRecordsJson();
  void CsvRecordKeys();
  void ScriptRecordKeys();
  // Starts comparing a rendering with the zone files; ReportRecordDifferences reports what it
  // lacks and what it adds (nothing when the rendering could not be read: not started or
  // `read` false).
  void CompareRecordsWith(const std::vector<std::pair<std::string, Origin>>& zones);
  void ReportRecordDifferences(const std::string& file);
  void ReadCertificates();
  void CompareOpensslConfigs();
  void CompareCertificateCsv();
  void CompareCertificateScript();
  void ReadProxyRules();
  void CompareProxyConfigs();
  void CompareServedRoutes(const PlannedProxy& proxy, const std::string& path,
                           const std::vector<ServedRoute>& routes);
  void ReadKerberos();
  void CompareSpnRenderings();
  void RunRuleTable(unsigned jobs);

  const Plan& plan_;
  const RenderedFiles& files_;
  std::string root_;
  Diagnostics& diagnostics_;
  // While JsonItems reads a file: what its items' readers report, kept back until the whole
  // file has parsed (a file that does not parse reports that alone, as before it was read).
  Diagnostics* held_ = nullptr;

  // The models read back, and where each DNS record came from (keyed as RecordKey): while the
  // zone files are read, a map per part; then, merged, sorted by key.
  std::shared_ptr<DnsRecordSet> dns_;
  std::map<std::string, Origin> zone_records_;
  std::vector<std::pair<std::string, Origin>> zone_keys_;
  // The records of the other rendering this prover reads (records.json, records.csv, dns.ps1)
  // compared with zone_keys_ as they are read: which zone records it has, and those it has
  // that no zone file has. Holding each rendering's every key until the comparison was, for
  // thousands of SIP domains, most of the proof's memory.
  struct RenderedRecords {
    explicit RenderedRecords(const std::vector<std::pair<std::string, Origin>>& zone_keys)
        : zones(&zone_keys), seen(zone_keys.size(), false) {}
    const std::vector<std::pair<std::string, Origin>>* zones;
    std::vector<bool> seen;                // by index into *zones
    std::map<std::string, Origin> extras;  // the first place each is found
    void Add(std::string key, Origin origin);
  };
  std::optional<RenderedRecords> rendered_;
  // Where the comparison's findings go (their own place in the report, after every reading's).
  Diagnostics* compared_into_ = nullptr;
  std::shared_ptr<const CertificateSet> certificates_;  // read by the comparisons side by side
  std::shared_ptr<ProxyRuleSet> proxy_;
  std::shared_ptr<KerberosPlan> kerberos_;
  std::string_view last_read_;
};

std::string RecordKey(View view, const std::string& name, const std::string& type,
                      const std::string& value, int priority, int weight, int port) {
  std::string key = fmt::format("{} {} {} {}", ToString(view), name, type, value);
  if (type == "SRV") key += fmt::format(" {} {} {}", priority, weight, port);
  return key;
}
std::string RecordKey(const DnsRecord& r) {
  return RecordKey(r.view, r.name, ToString(r.type), r.value, r.priority, r.weight, r.port);
}

std::string Lower(std::string text) {
  text = ToLower(text);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::optional<nlohmann::json> Prover::Json(const std::string& path) {
  const std::string_view* text = File(path);
  if (!text) return std::nullopt;
  try {
    return nlohmann::json::parse(*text);
  } catch (const std::exception& e) {
    Report("LT4251", {path, 0, ""}, fmt::format("not valid JSON: {}", e.what()));
    return std::nullopt;
  }
}

// Reads the items of the top-level array `key` one at a time, each dropped once `read` has
// seen it: the whole tree of certificates.json or records.json was the largest thing the proof
// held. `rest` gets the document without them. A file that is not valid JSON is reported, as
// Json() reports it, and nothing `read` reported of its items is: false, as for a missing file.
// One pass: the file is parsed as it is read, not checked by a parse of its own first.
bool Prover::JsonItems(const std::string& path, const std::string& key, const ItemReader& read,
                       nlohmann::json* rest) {
  const std::string_view* text = File(path);
  if (!text) return false;
  using Event = nlohmann::json::parse_event_t;
  bool in_key = false, in_array = false;
  size_t index = 0;
  // Depth 1 is the root object's members; depth 2 the items of an array among them.
  auto callback = [&](int depth, Event event, nlohmann::json& parsed) {
    if (depth == 1) {
      if (event == Event::key)
        in_key = parsed.is_string() && parsed.get_ref<const std::string&>() == key;
      if (event == Event::array_start) in_array = in_key;
      if (event == Event::array_end) in_array = false;
      return true;
    }
    bool item_done =
        event == Event::object_end || event == Event::array_end || event == Event::value;
    if (depth == 2 && in_array && item_done) {
      size_t at = index++;
      try {
        read(at, parsed);
      } catch (const nlohmann::json::type_error& e) {  // a field of another type
        Report("LT4251", {path, 0, fmt::format("/{}/{}", key, at)},
               fmt::format("not what the generator writes: {}", e.what()));
      }
      return false;
    }
    return true;
  };
  Diagnostics items_found;
  held_ = &items_found;
  nlohmann::json document;
  bool parsed = true;
  try {
    document = nlohmann::json::parse(*text, callback);
  } catch (const nlohmann::json::parse_error&) {
    parsed = false;
  }
  held_ = nullptr;
  if (!parsed) {
    Json(path);  // reports the parser's message
    return false;
  }
  diagnostics_.Append(items_found);
  if (rest) *rest = std::move(document);
  return true;
}

// ---- DNS: the zone files (what BIND serves) are the model; every other rendering must agree.

std::vector<Prover::ZoneFile> Prover::ZoneFiles() const {
  std::vector<ZoneFile> zones;
  for (const auto& [path, text] : files_.texts) {
    std::filesystem::path p(path);
    if (p.extension() != ".zone" || p.parent_path().parent_path() != "dns") continue;
    std::string view_name = p.parent_path().filename().string();
    if (view_name != "internal" && view_name != "external") continue;
    zones.push_back({&path, view_name == "internal" ? View::kInternal : View::kExternal});
  }
  return zones;
}

void Prover::ReadZoneFile(const ZoneFile& zone) {
  const std::string& path = *zone.path;
  const std::string_view text = *File(path);
  std::filesystem::path p(path);
  const View view = zone.view;
  if (!dns_) dns_ = std::make_shared<DnsRecordSet>();
  FILE* in = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  if (!in) return;
  uint32_t ttl = 3600;
  const std::string zone_name = p.stem().string();
  ldns_rdf* origin = ldns_dname_new_frm_str((zone_name + ".").c_str());
  ldns_rdf* previous = nullptr;
  int line = 0;
  std::set<std::string> name_servers;  // their A/AAAA glue is the zone's frame too
  while (!feof(in)) {
    ldns_rr* rr = nullptr;
    int before = line;
    ldns_status status = ldns_rr_new_frm_fp_l(&rr, in, &ttl, &origin, &previous, &line);
    if (status == LDNS_STATUS_SYNTAX_EMPTY || status == LDNS_STATUS_SYNTAX_TTL ||
        status == LDNS_STATUS_SYNTAX_ORIGIN || status == LDNS_STATUS_SYNTAX_INCLUDE) {
      continue;
    }
    if (status != LDNS_STATUS_OK) {
      if (feof(in) && line == before) break;
      Report("LT4251", {path, static_cast<unsigned>(line), ""},
             fmt::format("zone file does not parse: {}", ldns_get_errorstr_by_id(status)));
      break;
    }
    DnsRecord record;
    record.view = view;
    record.zone = zone_name;
    record.name = Lower(LdnsRdfText(ldns_rr_owner(rr)));
    record.ttl = static_cast<int>(ldns_rr_ttl(rr));
    bool keep = true;
    switch (ldns_rr_get_type(rr)) {
      case LDNS_RR_TYPE_A:
        record.type = DnsType::kA;
        record.value = LdnsRdfText(ldns_rr_rdf(rr, 0));
        break;
      case LDNS_RR_TYPE_AAAA:
        record.type = DnsType::kAAAA;
        record.value = LdnsRdfText(ldns_rr_rdf(rr, 0));
        break;
      case LDNS_RR_TYPE_CNAME:
        record.type = DnsType::kCname;
        record.value = Lower(LdnsRdfText(ldns_rr_rdf(rr, 0)));
        break;
      case LDNS_RR_TYPE_SRV:
        record.type = DnsType::kSrv;
        if (ldns_rr_rd_count(rr) < 4) {
          keep = false;
          break;
        }
        record.priority = ldns_rdf2native_int16(ldns_rr_rdf(rr, 0));
        record.weight = ldns_rdf2native_int16(ldns_rr_rdf(rr, 1));
        record.port = ldns_rdf2native_int16(ldns_rr_rdf(rr, 2));
        record.value = Lower(LdnsRdfText(ldns_rr_rdf(rr, 3)));
        break;
      case LDNS_RR_TYPE_NS:
        name_servers.insert(Lower(LdnsRdfText(ldns_rr_rdf(rr, 0))));
        keep = false;
        break;
      default:
        keep = false;  // SOA, NS and glue are the zone's frame, not planned records
    }
    bool glue = (record.type == DnsType::kA || record.type == DnsType::kAAAA) &&
                name_servers.count(record.name);
    keep = keep && !glue;
    ldns_rr_free(rr);
    if (!keep) continue;
    zone_records_.emplace(RecordKey(record), Origin{path, static_cast<unsigned>(line), ""});
    dns_->records.push_back(std::move(record));
  }
  if (origin) ldns_rdf_deep_free(origin);
  if (previous) ldns_rdf_deep_free(previous);
  fclose(in);
}

// Names the input holds no address for are in no zone file: records.json lists them. Its
// records are kept for the comparison with the zone files, so the file is parsed once.
void Prover::ReadRecordsJson() {
  dns_ = std::make_shared<DnsRecordSet>();
  nlohmann::json rest;
  auto record = [this](size_t i, const nlohmann::json& r) {
    View view = r.value("view", "") == "external" ? View::kExternal : View::kInternal;
    rendered_->Add(RecordKey(view, r.value("name", ""), r.value("type", ""), r.value("value", ""),
                             r.value("priority", 0), r.value("weight", 0), r.value("port", 0)),
                   Origin{"dns/records.json", 0, fmt::format("/records/{}", i)});
  };
  if (!JsonItems("dns/records.json", "records", record, &rest)) {
    rendered_.reset();  // not read: nothing to compare
  } else {
    const nlohmann::json& unknown = rest["address_unknown"];
    for (size_t i = 0; unknown.is_array() && i < unknown.size(); ++i) {
      const nlohmann::json& u = unknown[i];
      DnsUnknownAddress entry;
      try {
        entry.view = u.value("view", "") == "external" ? View::kExternal : View::kInternal;
        entry.zone = u.value("zone", "");
        entry.name = u.value("name", "");
        entry.purpose = u.value("purpose", "");
      } catch (const nlohmann::json::type_error& e) {
        Report("LT4251", {"dns/records.json", 0, fmt::format("/address_unknown/{}", i)},
               fmt::format("not what the generator writes: {}", e.what()));
        continue;
      }
      dns_->unknown_addresses.push_back(std::move(entry));
    }
  }
}

// Every other rendering of the records, its keys compared both ways with the zone files'
// (RenderedRecords) as they are read.
void Prover::CsvRecordKeys() {
  const std::string_view* csv = File("dns/records.csv");
  if (!csv) {
    rendered_.reset();
    return;
  }
  bool header = true;  // the first row
  auto read = [&](CsvRow& row) {
    if (std::exchange(header, false)) return;
    const std::vector<std::string>& f = row.fields;
    if (f.size() < 9) {
      Report("LT4251", {"dns/records.csv", row.line, ""}, "a record row with too few fields");
      return;
    }
    if (f[3].empty() && f[5] == "address unknown") return;  // listed, never in a zone
    auto number = [](const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); };
    View view = f[0] == "external" ? View::kExternal : View::kInternal;
    rendered_->Add(RecordKey(view, f[2], f[3], f[5], number(f[6]), number(f[7]), number(f[8])),
                   Origin{"dns/records.csv", row.line, ""});
  };
  rendered::ForEachCsvRow(*csv, read, ReleaseBehind(*csv));
}

void Prover::ScriptRecordKeys() {
  const std::string_view* ps1 = File("dns/dns.ps1");
  if (!ps1) {
    rendered_.reset();
    return;
  }
  // The records are the script's $Planned table, read by its string literals:
  //   'internal' = @(                                   a view
  //     @{ Zone = 'contoso.com'; Records = @(           a zone
  //       @{ Name = 'sip'; Type = 'A'; Data = '10.0.0.10'; Ttl = 3600; Priority = 0; ... }
  std::string_view rest = *ps1;
  unsigned number = 0;
  View view = View::kInternal;
  std::string zone;
  // The number after `Key = ` on the line, 0 when absent.
  auto field = [](std::string_view text, std::string_view key) {
    size_t at = text.find(std::string(key) + " = ");
    if (at == std::string::npos) return 0;
    // As atoi read it: blanks and a '+' before the digits are allowed.
    std::string_view number = text.substr(at + key.size() + 3);
    number.remove_prefix(std::min(number.find_first_not_of(" \t"), number.size()));
    if (number.starts_with('+')) number.remove_prefix(1);
    int value = 0;
    std::from_chars(number.data(), number.data() + number.size(), value);
    return value;
  };
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    ++number;
    std::vector<std::string> literals = rendered::SingleQuotedLiterals(line);
    if (literals.empty()) continue;
    std::string_view trimmed(line);
    trimmed.remove_prefix(std::min(trimmed.find_first_not_of(' '), trimmed.size()));
    if (line.find("= @(") != std::string::npos && trimmed.starts_with("'") &&
        (literals[0] == "internal" || literals[0] == "external")) {
      view = literals[0] == "external" ? View::kExternal : View::kInternal;
      continue;
    }
    if (trimmed.starts_with("@{ Zone = ")) {
      zone = literals[0];
      continue;
    }
    if (!trimmed.starts_with("@{ Name = ") || literals.size() < 3 || zone.empty()) continue;
    const std::string& type = literals[1];
    std::string name = literals[0] == "@" ? zone : literals[0] + "." + zone;
    int priority = 0, weight = 0, port = 0;
    if (type == "SRV") {
      priority = field(line, "Priority");
      weight = field(line, "Weight");
      port = field(line, "Port");
    }
    rendered_->Add(RecordKey(view, Lower(name), type, Lower(literals[2]), priority, weight, port),
                   Origin{"dns/dns.ps1", number, ""});
  }
}

void Prover::RenderedRecords::Add(std::string key, Origin origin) {
  auto found = std::lower_bound(zones->begin(), zones->end(), key,
                                [](const std::pair<std::string, Origin>& zone,
                                   const std::string& k) { return zone.first < k; });
  if (found != zones->end() && found->first == key) {
    seen[static_cast<size_t>(found - zones->begin())] = true;
  } else {
    extras.emplace(std::move(key), std::move(origin));
  }
}

void Prover::CompareRecordsWith(const std::vector<std::pair<std::string, Origin>>& zones) {
  rendered_.emplace(zones);
}

void Prover::ReportRecordDifferences(const std::string& file) {
  if (!rendered_) return;
  Diagnostics& into = compared_into_ ? *compared_into_ : diagnostics_;
  const std::vector<std::pair<std::string, Origin>>& zones = *rendered_->zones;
  for (size_t i = 0; i < zones.size(); ++i) {
    if (rendered_->seen[i]) continue;
    const auto& [key, origin] = zones[i];
    ReportTo(
        into, "LT4252", {file, 0, ""},
        fmt::format("lacks record '{}', which {}:{} has", key, Shown(origin.file), origin.line));
  }
  for (const auto& [key, origin] : rendered_->extras) {
    ReportTo(into, "LT4252", origin, fmt::format("has record '{}', which no zone file has", key));
  }
  rendered_.reset();
}

// ---- Certificates: certificates.json is the model; each OpenSSL request config must carry the
// same subject and names.

void Prover::ReadCertificates() {
  auto certificates = std::make_shared<CertificateSet>();
  auto read = [&](size_t i, const nlohmann::json& c) {
    PlannedCertificate cert;
    cert.id = c.value("id", "");
    if (!Parse(c.value("role", ""), &cert.role)) {
      Report("LT4251",
             {"certificates/certificates.json", 0, fmt::format("/certificates/{}/role", i)},
             fmt::format("unknown certificate role '{}'", c.value("role", "")));
      return;
    }
    auto strings = [&](const char* key) {
      std::vector<std::string> out;
      if (c.contains(key) && c[key].is_array()) {
        for (const auto& v : c[key]) {
          if (v.is_string()) out.push_back(v.get<std::string>());
        }
      }
      return out;
    };
    cert.uses = strings("uses");
    cert.sans = ToSharedNames(strings("sans"));
    cert.install_on = strings("install_on");
    auto text = [&](const char* key) {
      return c.contains(key) && c[key].is_string() ? c[key].get<std::string>() : std::string();
    };
    cert.site = text("site");
    cert.pool = text("pool");
    cert.server = text("server");
    cert.subject = text("subject");
    if (c.contains("split") && c["split"].is_object()) {
      const nlohmann::json& split = c["split"];
      cert.split_of = split.value("of", "");
      cert.part = split.value("part", 0);
      cert.parts = split.value("parts", 0);
    }
    certificates->certificates.push_back(std::move(cert));
  };
  if (JsonItems("certificates/certificates.json", "certificates", read))
    certificates_ = std::move(certificates);
}

void Prover::CompareOpensslConfigs() {
  if (!certificates_) return;
  for (const PlannedCertificate& cert : certificates_->certificates) {
    if (cert.role == CertificateRole::kOAuth) continue;
    std::string path = "certificates/openssl/" + cert.id + ".cnf";
    const std::string_view* text = File(path);
    if (!text) {
      Report("LT4253", {"certificates/certificates.json", 0, ""},
             fmt::format("certificate {} has no request configuration {}", cert.id, Shown(path)));
      continue;
    }
    std::vector<IniEntry> ini = rendered::ParseIni(*text);
    // The extension section the request uses, and the subjectAltName in it (inline or @section).
    std::string extensions = "san", common_name;
    for (const IniEntry& e : ini) {
      if (e.section == "req" && e.key == "req_extensions") extensions = e.value;
    }
    std::set<std::string> names;
    unsigned san_line = 0;
    for (const IniEntry& e : ini) {
      if (e.key == "CN" || e.key == "commonName") common_name = Lower(e.value);
      if (e.section != extensions || e.key != "subjectAltName") continue;
      san_line = e.line;
      std::stringstream items(e.value);
      std::string item;
      while (std::getline(items, item, ',')) {
        std::string_view v(item);
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        if (v.starts_with("DNS:")) names.insert(Lower(std::string(v.substr(4))));
        if (v.starts_with("@")) {
          std::string section(v.substr(1));
          for (const IniEntry& s : ini) {
            if (s.section == section && s.key.starts_with("DNS")) names.insert(Lower(s.value));
          }
        }
      }
    }
    std::set<std::string> planned(cert.sans.begin(), cert.sans.end());
    for (const std::string& name : planned) {
      if (names.count(name)) continue;
      Report("LT4253", {path, san_line, ""},
             fmt::format("the request of {} lacks '{}', which certificates.json lists", cert.id,
                         name));
    }
    for (const std::string& name : names) {
      if (planned.count(name)) continue;
      Report("LT4253", {path, san_line, ""},
             fmt::format("the request of {} carries '{}', which certificates.json does not list",
                         cert.id, name));
    }
    if (!cert.subject.empty() && common_name != cert.subject) {
      Report("LT4253", {path, 0, ""},
             fmt::format("the request of {} has subject CN '{}', certificates.json '{}'", cert.id,
                         common_name, cert.subject));
    }
  }
}

// The names of a list, lower case, sorted, each once.
// Strings or SharedNames.
template <typename Names>
std::vector<std::string> SortedLower(const Names& items) {
  std::vector<std::string> out;
  for (const std::string& item : items) out.push_back(Lower(item));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string CommaList(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

// "lacks a, b; adds c": how sorted `have` differs from sorted `want`.
std::string NameDifference(const std::vector<std::string>& have,
                           const std::vector<std::string>& want) {
  std::vector<std::string> lacks, adds;
  std::set_difference(want.begin(), want.end(), have.begin(), have.end(),
                      std::back_inserter(lacks));
  std::set_difference(have.begin(), have.end(), want.begin(), want.end(), std::back_inserter(adds));
  std::string text;
  if (!lacks.empty()) text += "lacks " + CommaList(lacks);
  if (!adds.empty()) {
    text += text.empty() ? "adds " : "; adds ";
    text += CommaList(adds);
  }
  return text.empty() ? std::string("the same names in another order") : text;
}

// certificates.csv must list every certificate of certificates.json as it is (subject, SANs,
// where it is installed).
void Prover::CompareCertificateCsv() {
  if (!certificates_) return;
  const std::string csv_path = "certificates/certificates.csv";
  if (const std::string_view* csv = File(csv_path)) {
    std::vector<rendered::CertificateMention> rows;
    std::string error;
    if (!rendered::CsvCertificates(*csv, rows, error, ReleaseBehind(*csv))) {
      Report("LT4251", {csv_path, 1, ""}, "does not parse: " + error);
    } else {
      std::map<std::string, const rendered::CertificateMention*> by_id;
      for (const rendered::CertificateMention& row : rows) by_id.emplace(row.id, &row);
      std::set<std::string> planned;
      for (const PlannedCertificate& cert : certificates_->certificates) {
        planned.insert(cert.id);
        auto found = by_id.find(cert.id);
        if (found == by_id.end()) {
          Report("LT4257", {csv_path, 0, ""}, fmt::format("has no row for {}", cert.id));
          continue;
        }
        const rendered::CertificateMention& row = *found->second;
        if (row.subject != Lower(cert.subject))
          Report("LT4257", {csv_path, row.line, ""},
                 fmt::format("gives {} subject '{}', certificates.json '{}'", cert.id, row.subject,
                             cert.subject));
        auto joined = [](const auto& items) {
          std::string text;
          for (const std::string& item : items) {
            if (!text.empty()) text += ';';
            text += Lower(item);
          }
          return text;
        };
        if (row.sans_field != joined(cert.sans))
          Report("LT4257", {csv_path, row.line, ""},
                 fmt::format("{}: SANs differ from certificates.json ({})", cert.id,
                             NameDifference(rendered::CsvListNames(row.sans_field),
                                            SortedLower(cert.sans))));
        if (row.install_on_field != joined(cert.install_on))
          Report("LT4257", {csv_path, row.line, ""},
                 fmt::format("{}: install_on differs from certificates.json ({})", cert.id,
                             NameDifference(rendered::CsvListNames(row.install_on_field),
                                            SortedLower(cert.install_on))));
      }
      for (const rendered::CertificateMention& row : rows) {
        if (!planned.count(row.id))
          Report("LT4257", {csv_path, row.line, ""},
                 fmt::format("lists {}, which certificates.json does not plan", row.id));
      }
    }
  }
}

// request-certificates.ps1 must request each certificate the Lync servers request (all but the
// reverse proxies') on each server it is installed on, with its names.
void Prover::CompareCertificateScript() {
  if (!certificates_) return;
  const std::string script_path = "certificates/request-certificates.ps1";
  const std::string_view* script = File(script_path);
  if (!script) return;
  // The certificates a step can be compared with: the first of each id, not the reverse
  // proxies' (no Lync server requests those).
  std::unordered_map<std::string_view, const PlannedCertificate*> planned;
  for (const PlannedCertificate& cert : certificates_->certificates) {
    if (cert.role != CertificateRole::kReverseProxy) planned.try_emplace(cert.id, &cert);
  }
  // What certificates.json plans for one certificate, lower-case and sorted as the script's
  // steps are read; kept for the next step, which is often the same certificate's.
  struct Expected {
    const PlannedCertificate* cert = nullptr;
    std::vector<std::string> names, hosts;
    std::string subject;
  } expected;
  auto expect = [&expected](const PlannedCertificate& cert) -> const Expected& {
    if (expected.cert == &cert) return expected;
    std::vector<std::string> names = Strings(cert.sans);
    if (!cert.subject.empty()) names.push_back(cert.subject);
    expected = {&cert, SortedLower(names), SortedLower(cert.install_on), Lower(cert.subject)};
    return expected;
  };
  // Each step as little as the checks after the reading need (where it obtains or assigns the
  // certificate), and what it got wrong, found while it was read: the steps with their names
  // until the end of the script were the largest part of the proof's memory.
  struct Step {
    std::string_view step, host;
    bool global = false;
    unsigned line = 0;
    std::string finding;  // empty when it agrees with certificates.json
  };
  rendered::NamePool pool;  // the ids, verbs and hosts the steps are views of
  std::map<std::string_view, std::vector<Step>> steps;  // by id, each in script order
  auto read = [&](const rendered::CertificateMention& s) {
    std::string_view id = pool.Intern(s.id);
    Step& step = steps[id].emplace_back();
    step.step = pool.Intern(s.step);
    step.host = s.hosts.empty() ? std::string_view() : s.hosts[0];
    step.global = s.global;
    step.line = s.line;
    auto cert = planned.find(id);
    if (cert == planned.end()) return;  // reported below, with every step of its id
    const Expected& want = expect(*cert->second);
    if (!std::binary_search(want.hosts.begin(), want.hosts.end(), step.host)) {
      step.finding =
          fmt::format("{}s {} on {}, where certificates.json does not install it", Lower(s.step),
                      s.id, step.host.empty() ? "every computer" : step.host);
    } else if (s.subject != want.subject) {
      step.finding = fmt::format("{}s {} with subject '{}', certificates.json plans '{}'",
                                 Lower(s.step), s.id, s.subject, want.cert->subject);
    } else if (!std::equal(s.names.begin(), s.names.end(), want.names.begin(), want.names.end())) {
      step.finding =
          fmt::format("{}s {} on {}: names differ from certificates.json ({})", Lower(s.step), s.id,
                      step.host, NameDifference({s.names.begin(), s.names.end()}, want.names));
    }
  };
  rendered::ForEachScriptCertificateStep(*script, pool, read, ReleaseBehind(*script));

  for (const PlannedCertificate& cert : certificates_->certificates) {
    if (cert.role == CertificateRole::kReverseProxy) continue;  // not a Lync server's
    const std::vector<std::string> hosts = SortedLower(cert.install_on);
    auto found = steps.find(cert.id);
    static const std::vector<Step> kNone;
    const std::vector<Step>& mine = found == steps.end() ? kNone : found->second;
    // Obtained (requested, or imported from the server that requested it) on each server; a
    // globally assigned one (OAuth) once, on any of them.
    bool global = std::any_of(mine.begin(), mine.end(), [](const Step& s) { return s.global; });
    auto obtained_on = [&](const std::string& host) {
      return std::any_of(mine.begin(), mine.end(), [&](const Step& s) {
        return s.step != "Set" && !s.host.empty() && s.host == host;
      });
    };
    size_t obtained = std::count_if(hosts.begin(), hosts.end(), obtained_on);
    for (const std::string& host : hosts) {
      if (obtained_on(host) || (global && obtained > 0)) continue;
      Report("LT4257", {script_path, 0, ""},
             fmt::format("never requests or imports {} on {}", cert.id, host));
    }
    for (const Step& s : mine) {
      if (!s.finding.empty()) Report("LT4257", {script_path, s.line, ""}, s.finding);
    }
    if (found != steps.end()) steps.erase(found);
  }
  for (const auto& [id, mine] : steps) {
    for (const Step& s : mine)
      Report("LT4257", {script_path, s.line, ""},
             fmt::format("{}s {}, which certificates.json does not plan",
                         Lower(std::string(s.step)), id));
  }
}

// ---- Proxy: rules.json is the model; each nginx configuration must route the same rules.

void Prover::ReadProxyRules() {
  auto proxy = std::make_shared<ProxyRuleSet>();
  // The listeners are facts of the plan (which proxy answers on which address).
  for (const PlannedProxy& p : plan_.proxies) {
    proxy->proxies.push_back(ProxyListener{p.name, p.product, p.fqdn, p.external_addresses,
                                           ReverseProxyCertificateId(p.name)});
  }
  auto read = [&](size_t i, const nlohmann::json& r) {
    ProxyRule rule;
    rule.proxy = r.value("proxy", "");
    std::optional<Fqdn> host = Fqdn::Parse(r.value("public_host", ""));
    if (!host) {
      Report("LT4251", {"proxy/rules.json", 0, fmt::format("/rules/{}/public_host", i)},
             "not a host name");
      return;
    }
    rule.public_host = *host;
    rule.listen_port = r.value("listen_port", 0);
    rule.listen_tls = r.value("listen_tls", rule.listen_port != 80);
    rule.backend_host = r.value("backend_host", "");
    rule.backend_port = r.value("backend_port", 0);
    rule.purpose = r.value("purpose", "");
    rule.pool = r.value("pool", "");
    if (rule.listen_tls && r.contains("certificate") && r["certificate"].is_string())
      rule.certificate = r["certificate"].get<std::string>();
    proxy->rules.push_back(std::move(rule));
  };
  if (!JsonItems("proxy/rules.json", "rules", read)) return;
  proxy_ = std::move(proxy);
  std::stable_sort(proxy_->rules.begin(), proxy_->rules.end(),
                   [](const ProxyRule& a, const ProxyRule& b) { return a.proxy < b.proxy; });
  // rules.json names no listener certificate: a TLS listener serves, by SNI, whichever
  // certificate of certificates.json installed on its proxy carries the host (the proxy's
  // default id when none does, for LT7023 to report).
  std::vector<std::pair<const PlannedCertificate*, SanIndex>> listener_certificates;
  if (certificates_) {
    for (const PlannedCertificate& cert : certificates_->certificates) {
      if (cert.role == CertificateRole::kReverseProxy)
        listener_certificates.emplace_back(&cert, SanIndex(cert.sans));
    }
  }
  for (ProxyRule& rule : proxy_->rules) {
    if (!rule.listen_tls || !rule.certificate.empty()) continue;
    rule.certificate = ReverseProxyCertificateId(rule.proxy);
    for (const auto& [cert, names] : listener_certificates) {
      bool installed = std::find(cert->install_on.begin(), cert->install_on.end(), rule.proxy) !=
                       cert->install_on.end();
      if (installed && names.Covers(rule.public_host.str())) {
        rule.certificate = cert->id;
        break;
      }
    }
  }
}

void Prover::CompareProxyConfigs() {
  if (!proxy_) return;
  using Reader = bool (*)(std::string_view, std::vector<ServedRoute>&, std::string&, unsigned&);
  const std::pair<const char*, Reader> products[] = {
      {"nginx.conf", rendered::NginxRoutes},
      {"haproxy.cfg", rendered::HaproxyRoutes},
      {"arr-applicationHost.xml", rendered::ArrRoutes},
  };
  for (const PlannedProxy& proxy : plan_.proxies) {
    for (const auto& [file, reader] : products) {
      std::string path = "proxy/" + proxy.name + "/" + file;
      const std::string_view* text = File(path);
      if (!text) continue;  // another product
      std::vector<ServedRoute> routes;
      std::string error;
      unsigned error_line = 0;
      if (!reader(*text, routes, error, error_line)) {
        Report("LT4251", {path, error_line, ""}, "does not parse: " + error);
        continue;
      }
      CompareServedRoutes(proxy, path, routes);
    }
  }
}

void Prover::CompareServedRoutes(const PlannedProxy& proxy, const std::string& path,
                                 const std::vector<ServedRoute>& routes) {
  // (host, TLS) -> backend and the line routing it.
  std::map<std::pair<std::string, int>, std::pair<std::string, unsigned>> served;
  for (const ServedRoute& route : routes)
    served[{route.host, route.tls ? 1 : 0}] = {route.backend, route.line};
  auto scheme = [](int tls) { return tls ? "https" : "http"; };
  // Backend ports (proxy.backend_port.*) and addresses (proxy.backend_address.*) are
  // generator options the folder does not record: the backend host is compared, unless it
  // was replaced by an address.
  auto host_of = [](const std::string& backend) {
    std::string host = backend.substr(0, backend.rfind(':'));
    if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
    return host;
  };
  auto overridden = [&](const std::string& backend) {
    std::string host = host_of(backend);
    return IsIpv4(host) || IsIpv6(host);
  };
  std::set<std::pair<std::string, int>> ruled;
  for (const ProxyRule& rule : proxy_->RulesOf(proxy.name)) {
    std::pair<std::string, int> key{rule.public_host.str(), rule.listen_tls ? 1 : 0};
    ruled.insert(key);
    auto found = served.find(key);
    if (found == served.end()) {
      Report("LT4254", {path, 0, ""},
             fmt::format("does not serve {}://{}, which rules.json publishes through {}",
                         scheme(key.second), key.first, proxy.name));
    } else if (host_of(found->second.first) != rule.backend_host &&
               !overridden(found->second.first)) {
      Report("LT4254", {path, found->second.second, ""},
             fmt::format("{}://{} is routed to {}, rules.json says {}", scheme(key.second),
                         key.first, found->second.first, rule.backend_host));
    }
  }
  for (const auto& [key, backend] : served) {
    if (ruled.count(key)) continue;
    Report("LT4254", {path, backend.second, ""},
           fmt::format("serves {}://{}, which rules.json does not publish through {}",
                       scheme(key.second), key.first, proxy.name));
  }
}

// ---- Kerberos: kerberos/plan.json is the model; the LDIF and the runbook must register the
// same SPNs on the same accounts.

void Prover::ReadKerberos() {
  auto kerberos = std::make_shared<KerberosPlan>();
  auto read = [&](size_t, const nlohmann::json& s) {
    SpnPlan spn;
    spn.spn = s.value("spn", "");
    spn.host = Lower(spn.spn.substr(spn.spn.find('/') + 1));
    spn.site = s.value("site", "");
    spn.pool = s.value("pool", "");
    spn.account = s.value("account", "");
    spn.registered_by = s.value("registered_by", "") == "setspn"
                            ? SpnRegistration::kSetspn
                            : SpnRegistration::kEnableCsTopology;
    kerberos->spns.push_back(std::move(spn));
  };
  if (JsonItems("kerberos/plan.json", "spns", read)) kerberos_ = std::move(kerberos);
}

void Prover::CompareSpnRenderings() {
  if (!kerberos_) return;
  if (const std::string_view* ldif = File("kerberos/spns.ldif")) {
    // (lower-case account user name, SPN) as the LDIF modifies them.
    std::map<std::pair<std::string, std::string>, unsigned> registered;
    for (const LdifRecord& record : rendered::ParseLdif(*ldif)) {
      std::string cn = record.dn.substr(0, record.dn.find(','));
      if (ToLower(cn).starts_with("cn=")) cn = cn.substr(3);
      for (const auto& [attribute, value] : record.values) {
        if (attribute == "servicePrincipalName")
          registered.emplace(std::pair{ToLower(cn), value.first}, value.second);
      }
    }
    std::set<std::pair<std::string, std::string>> planned;
    for (const SpnPlan& spn : kerberos_->spns) {
      std::pair key{ToLower(AccountUserName(spn.account)), spn.spn};
      planned.insert(key);
      if (registered.count(key)) continue;
      Report("LT4255", {"kerberos/spns.ldif", 0, ""},
             fmt::format("does not add {} to {}", spn.spn, spn.account));
    }
    for (const auto& [key, line] : registered) {
      if (planned.count(key)) continue;
      Report("LT4255", {"kerberos/spns.ldif", line, ""},
             fmt::format("adds {} to {}, which kerberos/plan.json does not plan", key.second,
                         key.first));
    }
  }
  if (const std::string_view* runbook = File("kerberos/kerberos.ps1")) {
    // setspn-registered SPNs: a line naming the SPN and its account as literals. Enable-CsTopology
    // ones: the site's account assignment ('site:<site>' and the account on one line).
    // Each line's literals, lower-case, and the lines each literal is on: one lookup per SPN
    // instead of a scan of the script (SPNs x lines was quadratic in the pools).
    std::vector<std::set<std::string>> line_literals;
    std::map<std::string, std::vector<size_t>> lines_of;
    rendered::ForEachSingleQuotedLine(*runbook, [&](rendered::QuotedLine& quoted) {
      std::set<std::string>& mine = line_literals.emplace_back();
      for (const std::string& l : quoted.literals) mine.insert(ToLower(l));
      for (const std::string& l : mine) lines_of[l].push_back(line_literals.size() - 1);
    });
    auto has_line_with = [&](const std::string& a, const std::string& b) -> bool {
      auto found = lines_of.find(ToLower(a));
      if (found == lines_of.end()) return false;
      const std::string second = ToLower(b);
      return std::any_of(found->second.begin(), found->second.end(),
                         [&](size_t line) { return line_literals[line].count(second) > 0; });
    };
    for (const SpnPlan& spn : kerberos_->spns) {
      bool ok = spn.registered_by == SpnRegistration::kSetspn
                    ? has_line_with(spn.spn, spn.account)
                    : has_line_with("site:" + spn.site, spn.account);
      if (ok) continue;
      Report("LT4256", {"kerberos/kerberos.ps1", 0, ""},
             spn.registered_by == SpnRegistration::kSetspn
                 ? fmt::format("never registers {} on {} (setspn)", spn.spn, spn.account)
                 : fmt::format("never assigns site {} to {}, which registers {}", spn.site,
                               spn.account, spn.spn));
    }
  }
}

// ---- The rule table on the models read back. Rules report no file; they are attributed to the
// file their model was read from.

const char* ModelFileOf(const std::string& code) {
  if (code.starts_with("LT51") || code == "LT4205" || code == "LT4206")
    return "certificates/certificates.json";
  if (code.starts_with("LT60") || code == "LT4201" || code == "LT4202" || code == "LT4207")
    return "dns";
  if (code.starts_with("LT70") || code == "LT4203" || code == "LT4204") return "proxy/rules.json";
  if (code.starts_with("LT81")) return "kerberos/plan.json";
  return "";
}

// The line of `json_text` where the object a rule's finding is about starts to be described:
// the first name of `message` that is an object's identity there (a certificate's "id", an
// SPN's "spn", a proxy rule's "public_host"). 0 when none is (the finding is about something
// missing, or names no such object): the finding then names the file alone.
unsigned LineNaming(std::string_view json_text, const std::string& message) {
  auto line_of = [&](const std::string& name) -> unsigned {
    for (const char* key : {"\"id\": \"", "\"spn\": \"", "\"public_host\": \""}) {
      size_t at = json_text.find(key + name + '"');
      if (at != std::string::npos)
        return static_cast<unsigned>(std::count(json_text.begin(), json_text.begin() + at, '\n')) +
               1;
    }
    return 0;
  };
  std::string token;
  for (char c : message + " ") {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '\'' || c == '"' || c == ',' ||
        c == '(' || c == ')' || c == ';') {
      while (!token.empty() && (token.back() == '.' || token.back() == ':')) token.pop_back();
      if (token.size() >= 3)
        if (unsigned line = line_of(token)) return line;
      token.clear();
    } else {
      token += c;
    }
  }
  return 0;
}

void Prover::RunRuleTable(unsigned jobs) {
  ArtifactSet artifacts;
  artifacts.plan = &plan_;
  artifacts.dns = dns_;
  artifacts.certificates = certificates_;
  artifacts.proxy = proxy_;
  artifacts.kerberos = kerberos_;
  Diagnostics found;
  RunConsistencyCheck(artifacts, found, jobs);
  for (const Diagnostic& d : found.items()) {
    std::string file = d.file.empty() ? ModelFileOf(d.code) : d.file;
    SourceLoc loc = d.loc;
    if (const std::string_view* text = d.file.empty() ? File(file) : nullptr) {
      loc.line = LineNaming(*text, d.message);
      loc.column = loc.line ? 1 : 0;
    }
    // A rule's warning (an address the topology does not give) stays a warning.
    diagnostics_.Report({d.code, d.severity, file.empty() ? root_ : Shown(file), loc, d.message});
  }
}

void Prover::Run(unsigned jobs) {
  // The proof is parts that each read their own files into a model (or into the keys of one
  // rendering) and compare them with the models read before them, never with each other's
  // findings: each part is a prover of its own, with its own findings, and the parts of a round
  // run side by side (a round reads models, the next compares with them). A part's
  // findings take the place its step had when the proof ran one step after the other, so what
  // is reported, and in which order, does not depend on the threads. The rule table runs last,
  // on every model read back.
  enum Place {
    kZones,
    kRecordsJson,
    kRecordsCsv,
    kRecordsScript,
    kJsonRecordsCompared,
    kCsvRecordsCompared,
    kScriptRecordsCompared,
    kReadCertificates,
    kOpenssl,
    kCertificateCsv,
    kCertificateScript,
    kProxy,
    kKerberos
  };
  struct Part {
    Place place;
    std::function<void(Prover&)> run;
    Diagnostics found;
    std::unique_ptr<Prover> prover;
  };
  std::deque<Part> parts;  // a deque: a prover keeps a reference to its part's findings
  auto add = [&](Place place, std::function<void(Prover&)> run) -> Prover& {
    Part& part = parts.emplace_back();
    part.place = place;
    part.run = std::move(run);
    part.prover = std::make_unique<Prover>(plan_, files_, root_, part.found);
    part.prover->certificates_ = certificates_;
    return *part.prover;
  };
  auto run_round = [&](size_t first) {
    RunSideBySide(parts.size() - first, jobs, [&parts, first](size_t i) {
      Part& part = parts[first + i];
      part.run(*part.prover);
      part.prover->Reading({});  // its last file goes back to the page cache too
      GiveBackFreedMemory();     // and what it freed to the kernel (side_by_side.hpp)
    });
  };

  // Round one: the zone files (a few hundred to a part: thousands of SIP domains are thousands
  // of zones).
  const std::vector<ZoneFile> zones = ZoneFiles();
  const size_t zones_per_part = std::max<size_t>(256, zones.size() / 16);
  std::vector<Prover*> zone_parts;
  for (size_t first = 0; first < zones.size(); first += zones_per_part) {
    size_t last = std::min(zones.size(), first + zones_per_part);
    zone_parts.push_back(&add(kZones, [&zones, first, last](Prover& p) {
      for (size_t i = first; i < last; ++i) p.ReadZoneFile(zones[i]);
    }));
  }
  run_round(0);
  if (!zones.empty()) {
    dns_ = std::make_shared<DnsRecordSet>();
    size_t records = 0;
    for (const Prover* part : zone_parts) records += part->dns_->records.size();
    dns_->records.reserve(records);
    for (Prover* part : zone_parts) {
      std::vector<DnsRecord>& records = part->dns_->records;
      std::move(records.begin(), records.end(), std::back_inserter(dns_->records));
      records = {};
      zone_records_.merge(part->zone_records_);  // the first file of a key names it, as before
      part->zone_records_.clear();
    }
    zone_keys_.reserve(zone_records_.size());
    while (!zone_records_.empty()) {  // in key order
      auto node = zone_records_.extract(zone_records_.begin());
      zone_keys_.emplace_back(std::move(node.key()), std::move(node.mapped()));
    }
    std::sort(dns_->records.begin(), dns_->records.end(), RecordLess);
    dns_->Index();
  }

  // Round two: the other renderings of the records, each compared with the zone files as it
  // is read (without zone files there is nothing to compare them with), and certificates.json
  // read. A comparison's findings keep their place after every reading's: its part is there
  // to hold them, filled by the part that reads the file.
  const size_t second = parts.size();
  Prover* json_records = nullptr;
  if (dns_) {
    auto compare = [this, &add](Place reading, Place compared, const char* file,
                                void (Prover::*read)()) {
      Prover& into = add(compared, [](Prover&) {});
      Prover& reader = add(reading, [this, file, read](Prover& p) {
        p.CompareRecordsWith(zone_keys_);
        (p.*read)();
        p.ReportRecordDifferences(file);
      });
      reader.compared_into_ = &into.diagnostics_;
      return &reader;
    };
    json_records =
        compare(kRecordsJson, kJsonRecordsCompared, "dns/records.json", &Prover::ReadRecordsJson);
    compare(kRecordsCsv, kCsvRecordsCompared, "dns/records.csv", &Prover::CsvRecordKeys);
    compare(kRecordsScript, kScriptRecordsCompared, "dns/dns.ps1", &Prover::ScriptRecordKeys);
  }
  Prover& certificates = add(kReadCertificates, [](Prover& p) { p.ReadCertificates(); });
  run_round(second);
  certificates_ = std::move(certificates.certificates_);
  if (json_records) dns_->unknown_addresses = std::move(json_records->dns_->unknown_addresses);
  zone_keys_ = {};

  // Round three: every comparison with the certificates, the proxy rules and the SPNs.
  const size_t third = parts.size();
  add(kOpenssl, [](Prover& p) { p.CompareOpensslConfigs(); });
  add(kCertificateCsv, [](Prover& p) { p.CompareCertificateCsv(); });
  add(kCertificateScript, [](Prover& p) { p.CompareCertificateScript(); });
  Prover& proxy = add(kProxy, [](Prover& p) {
    p.ReadProxyRules();
    p.CompareProxyConfigs();
  });
  Prover& kerberos = add(kKerberos, [](Prover& p) {
    p.ReadKerberos();
    p.CompareSpnRenderings();
  });
  run_round(third);
  proxy_ = std::move(proxy.proxy_);
  kerberos_ = std::move(kerberos.kerberos_);

  std::vector<const Part*> in_place;
  for (const Part& part : parts) in_place.push_back(&part);
  std::stable_sort(in_place.begin(), in_place.end(),
                   [](const Part* a, const Part* b) { return a->place < b->place; });
  for (const Part* part : in_place) diagnostics_.Append(part->found);
  parts.clear();
  RunRuleTable(jobs);
}

}  // namespace

void RenderedFiles::Map(std::string path, MappedFile file) {
  std::string_view text = file.text();
  if (!text.empty()) mapped.emplace(text.data(), std::move(file));
  texts[std::move(path)] = text;
}

void RenderedFiles::DropPagesBefore(std::string_view text, size_t offset) const {
  if (text.empty()) return;
  if (auto found = mapped.find(text.data()); found != mapped.end())
    found->second.DropPagesBefore(offset);
}

void RenderedFiles::DropPages(std::string_view text) const {
  if (text.empty()) return;
  if (auto found = mapped.find(text.data()); found != mapped.end()) found->second.DropPages();
}

bool ReadRenderedFiles(const std::string& dir, RenderedFiles& files, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diagnostics.Error("LT4250", dir, {}, "not a folder of generated artifacts");
    return false;
  }
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) {
      diagnostics.Error("LT4250", it->path().string(), {}, "cannot be read");
      return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    files.read.push_back(text.str());
    files.texts[std::filesystem::relative(it->path(), dir).generic_string()] = files.read.back();
  }
  if (ec) {
    diagnostics.Error("LT4250", dir, {}, "cannot be listed: " + ec.message());
    return false;
  }
  return true;
}

void ProveRenderedArtifacts(const Plan& plan, const RenderedFiles& files, const std::string& root,
                            Diagnostics& diagnostics, unsigned jobs) {
  Prover(plan, files, root, diagnostics).Run(jobs);
}

}  // namespace lynctopo
