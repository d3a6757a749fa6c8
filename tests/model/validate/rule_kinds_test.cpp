// The product/design table (model/validate/rule_kinds.cpp): complete against the sources and
// docs/diagnostics.md, and each design rule a warning by default, an error under --strict or
// `"strict": true`, and absent where design rules are off (the actual side of a diff).

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "model/validate/rule_kinds.hpp"
#include "tests/model/validate/fixtures.hpp"

using namespace lynctopo;
using namespace lynctopo::testing;

namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> CodesInValidationSources() {
  static const std::regex kLiteral("\"(LT[0-9]{4})\"");
  std::set<std::string> codes;
  for (const auto& entry :
       fs::directory_iterator(fs::path(LYNCTOPO_SOURCE_DIR) / "model" / "validate")) {
    if (entry.path().extension() != ".cpp" || entry.path().filename() == "rule_kinds.cpp") {
      continue;
    }
    std::string text = ReadAll(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), kLiteral), end; it != end; ++it) {
      codes.insert((*it)[1].str());
    }
  }
  return codes;
}

// `| LT1046 | design | ...` rows of docs/diagnostics.md.
std::map<std::string, std::string> KindsInDocs() {
  static const std::regex kRow(R"(^\|\s*(LT1[0-9]{3})\s*\|\s*([a-z]+)\s*\|)");
  std::map<std::string, std::string> kinds;
  std::istringstream lines(ReadAll(fs::path(LYNCTOPO_SOURCE_DIR) / "docs" / "diagnostics.md"));
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, match, kRow)) kinds[match[1].str()] = match[2].str();
  }
  return kinds;
}

std::vector<Diagnostic> Run(const Topology& t, const ValidationOptions& options) {
  Diagnostics diagnostics;
  ValidateTopology(t, diagnostics, options);
  return diagnostics.items();
}

// How many findings of `code` the run had, and whether all of them had `severity`.
size_t CountOf(const std::vector<Diagnostic>& all, const std::string& code, Severity severity) {
  size_t count = 0;
  for (const Diagnostic& d : all) {
    if (d.code != code) continue;
    CHECK(d.severity == severity);
    ++count;
  }
  return count;
}

SimpleUrl& GlobalUrl(Topology& t, SimpleUrlKind kind, const std::string& domain = "*") {
  for (SimpleUrl& url : t.simple_urls) {
    if (url.kind == kind && url.domain == domain) return url;
  }
  throw std::logic_error("no such simple URL");
}

// One mutation of the valid base topology per design rule, breaking only that rule.
const std::map<std::string, std::function<void(Topology&)>>& DesignMutations() {
  static const std::map<std::string, std::function<void(Topology&)>> kMutations = {
      {"LT1005", [](Topology& t) { PoolNamed(t, "sql01.contoso.local").fqdn = "SQL01"; }},
      {"LT1025", [](Topology& t) { SiteNamed(t, "Dublin").parent = "Redmond"; }},
      {"LT1030",
       [](Topology& t) { SiteNamed(t, "Dublin").designated_pool = "pool01.contoso.local"; }},
      {"LT1031", [](Topology& t) { t.sites[0].reverse_proxies[0].external_addresses.clear(); }},
      {"LT1045",
       [](Topology& t) {
         FrontEnd(t).load_balancing = LoadBalancing::kDns;
         FrontEnd(t).internal_web_fqdn = "pool01.contoso.local";
       }},
      {"LT1046", [](Topology& t) { Director(t).load_balancing = LoadBalancing::kNone; }},
      {"LT1049", [](Topology& t) { Director(t).load_balancing = LoadBalancing::kUnknown; }},
      {"LT1051",
       [](Topology& t) {
         Pool& edge = Edge(t);
         edge.load_balancing = LoadBalancing::kHardware;
         edge.vip = "172.25.33.9";
         edge.edge.external_vips = {"10.45.16.9", "10.45.16.19", "10.45.16.29"};
       }},
      {"LT1056",
       [](Topology& t) {
         auto& pools = t.sites[0].pools;
         pools.erase(pools.begin() + 2);  // the Edge pool
         FrontEnd(t).edge_pool.clear();
         Director(t).edge_pool.clear();
         StandardEdition(t).edge_pool.clear();
       }},
      {"LT1058", [](Topology& t) { Edge(t).servers[1].edge_public.audio_video.clear(); }},
      {"LT1063", [](Topology& t) { FrontEnd(t).external_web_fqdn = "webint.contoso.local"; }},
      {"LT1068", [](Topology& t) { FrontEnd(t).os = WindowsRelease::k2022; }},
      {"LT1079",
       [](Topology& t) {
         t.simple_urls.clear();
         for (Site& site : t.sites) site.simple_urls.clear();
       }},
      {"LT1080",
       [](Topology& t) { GlobalUrl(t, SimpleUrlKind::kMeet, "fabrikam.com").active = false; }},
      {"LT1081", [](Topology& t) { GlobalUrl(t, SimpleUrlKind::kDialin).active = false; }},
      {"LT1094",
       [](Topology& t) {
         GlobalUrl(t, SimpleUrlKind::kAdmin).url = "https://admin.contoso.com/a-b";
       }},
      {"LT1103", [](Topology& t) { t.sites[1].kerberos_account->account = "FABRIKAM\\kerbdub"; }},
      {"LT1120", [](Topology& t) { t.certificates.key_bits = 1024; }},
      {"LT1122", [](Topology& t) { t.certificates.hash = "sha1"; }},
  };
  return kMutations;
}

}  // namespace

TEST_CASE("every validation code has a kind, and only validation codes do", "[validate][kinds]") {
  std::set<std::string> used = CodesInValidationSources();
  REQUIRE(used.size() > 50);
  std::set<std::string> table;
  for (const RuleKindEntry& entry : ValidationRuleKinds()) table.insert(std::string(entry.code));
  for (const std::string& code : used) {
    INFO(code << " is reported by model/validate but has no kind in rule_kinds.cpp");
    CHECK(FindRuleKind(code) != nullptr);
  }
  for (const std::string& code : table) {
    INFO(code << " is in the kind table but no rule reports it");
    CHECK(used.count(code) == 1);
  }
  CHECK(FindRuleKind("LT3020") == nullptr);
  CHECK(FindRuleKind("LT0000") == nullptr);
}

TEST_CASE("docs/diagnostics.md marks each validation code with its kind",
          "[validate][kinds][docs]") {
  std::map<std::string, std::string> documented = KindsInDocs();
  for (const RuleKindEntry& entry : ValidationRuleKinds()) {
    INFO(entry.code << " has no `| code | product/design |` row in docs/diagnostics.md");
    REQUIRE(documented.count(std::string(entry.code)) == 1);
    CHECK(documented[std::string(entry.code)] == ToString(entry.kind));
  }
  for (const auto& [code, kind] : documented) {
    INFO(code << " is documented as '" << kind << "' but is not in the kind table");
    CHECK(FindRuleKind(code) != nullptr);
  }
}

TEST_CASE("each design rule: warning, error under strict, absent for the actual side",
          "[validate][kinds]") {
  REQUIRE(Validate(ValidBase()).empty());
  std::set<std::string> design;
  for (const RuleKindEntry& entry : ValidationRuleKinds()) {
    if (entry.kind == RuleKind::kDesign) design.insert(std::string(entry.code));
  }
  std::set<std::string> covered;
  for (const auto& [code, mutate] : DesignMutations()) covered.insert(code);
  CHECK(covered == design);  // a new design rule needs its mutation here

  for (const auto& [code, mutate] : DesignMutations()) {
    INFO("design rule " << code);
    Topology t = ValidBase();
    mutate(t);
    std::vector<Diagnostic> relaxed = Run(t, {});
    CHECK(CountOf(relaxed, code, Severity::kWarning) >= 1);
    for (const Diagnostic& d : relaxed) CHECK(d.severity != Severity::kError);

    CHECK(CountOf(Run(t, {.strict = true}), code, Severity::kError) >= 1);

    Topology asks = t;
    asks.strict = true;
    CHECK(CountOf(Run(asks, {}), code, Severity::kError) >= 1);

    CHECK(CountOf(Run(asks, {.strict = true, .design_rules = false}), code, Severity::kError) == 0);
    CHECK(Run(t, {.design_rules = false}).empty());
  }
}

TEST_CASE("product rules stay errors whatever the options", "[validate][kinds]") {
  Topology t = ValidBase();
  FrontEnd(t).servers[0].fqdn = "fe01";  // LT1004
  for (ValidationOptions options : {ValidationOptions{}, ValidationOptions{.strict = true},
                                    ValidationOptions{.design_rules = false}}) {
    std::vector<Diagnostic> all = Run(t, options);
    REQUIRE(all.size() == 1);
    CHECK(all[0].code == "LT1004");
    CHECK(all[0].severity == Severity::kError);
  }
}
