// The Kerberos and IIS artifacts as their consumers read them: the LDIF parsed back, the
// PowerShell checked for quoting, the consistency rules proven by mutation.

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "generators/certificates/certificate_model.hpp"
#include "generators/check/check.hpp"
#include "generators/kerberos/kerberos_checks.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/run_generators.hpp"
#include "model/load.hpp"
#include "model/validate/validate.hpp"

using namespace lynctopo;

namespace {

struct Pipeline {
  Topology topology;
  Plan plan;
  ArtifactSet artifacts;
  std::map<std::string, std::string> files;

  explicit Pipeline(const std::string& example, std::string site_name = "") {
    Diagnostics d;
    auto path = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (example + ".json");
    topology = *LoadTopologyFile(path.string(), d);
    if (!site_name.empty()) {
      const std::string old_name = topology.sites[0].name;
      topology.sites[0].name = site_name;
      for (Site& site : topology.sites) {
        if (site.parent == old_name) site.parent = site_name;
      }
    }
    ValidateTopology(topology, d);
    plan = DerivePlan(topology, d);
    artifacts = BuildArtifacts(plan, d);
    TemplateStore templates;
    OutputSet outputs;
    RunGenerators(AllGenerators(), plan, {}, templates, artifacts, outputs, d);
    for (const auto& [name, artifact] : outputs.artifacts()) files[name] = artifact.content;
    std::string findings;
    for (const Diagnostic& item : d.Sorted()) findings += FormatDiagnostic(item) + "\n";
    INFO(findings);
    REQUIRE_FALSE(d.HasErrors());
  }
};

// A minimal LDIF reader (RFC 2849 change records): entries separated by blank lines, "-"
// ending a modification, "attr: value" or "attr:: base64".
std::map<std::string, std::vector<std::string>> ParseLdifSpns(const std::string& text) {
  std::map<std::string, std::vector<std::string>> spns_by_dn;
  std::istringstream in(text);
  std::string line, dn;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("dn: ", 0) == 0) {
      dn = line.substr(4);
      spns_by_dn[dn];
    } else if (line.rfind("servicePrincipalName: ", 0) == 0) {
      REQUIRE_FALSE(dn.empty());
      spns_by_dn[dn].push_back(line.substr(22));
    } else {
      bool known = line == "version: 1" || line == "changetype: modify" ||
                   line == "add: servicePrincipalName" || line == "-";
      INFO("unexpected LDIF line: " << line);
      CHECK(known);
    }
  }
  return spns_by_dn;
}

}  // namespace

TEST_CASE("the LDIF holds one entry per account and one value per SPN", "[kerberos]") {
  Pipeline p("enterprise");
  auto parsed = ParseLdifSpns(p.files.at("kerberos/spns.ldif"));
  const KerberosPlan& kerberos = *p.artifacts.kerberos;
  REQUIRE(parsed.size() == kerberos.accounts.size());
  size_t values = 0;
  for (const KerberosAccountPlan& account : kerberos.accounts) {
    REQUIRE(parsed.count(account.distinguished_name) == 1);
    for (const SpnPlan& spn : kerberos.spns) {
      if (ToLower(spn.account) != ToLower(account.account)) continue;
      const auto& list = parsed[account.distinguished_name];
      CHECK(std::count(list.begin(), list.end(), spn.spn) == 1);
      ++values;
    }
  }
  size_t parsed_values = 0;
  for (const auto& [dn, list] : parsed) parsed_values += list.size();
  CHECK(parsed_values == values);
  CHECK(values == kerberos.spns.size());
}

TEST_CASE("every name embedded in the PowerShell is single-quoted", "[kerberos][iis]") {
  // A site name with a quote, a subexpression and a backtick: free text, allowed in a site
  // name, must not be able to change what the scripts do.
  Pipeline p("enterprise", "Red'mond $(Remove-Item C:\\) `n");
  const std::string& runbook = p.files.at("kerberos/kerberos.ps1");
  CHECK_THAT(runbook, Catch::Contains("-Identity 'site:Red''mond $(Remove-Item C:\\) `n'"));
  // Every parameter value is a single-quoted literal (no expandable strings), or a variable
  // of the script's own helpers.
  std::regex parameter(R"(-(UserAccount|Identity|ContainerDN|Account|SamFilter|Spn) ([^$\s]))");
  for (std::sregex_iterator it(runbook.begin(), runbook.end(), parameter), end; it != end; ++it) {
    CHECK((*it)[2] == "'");
  }
  for (const auto& [name, content] : p.files) {
    if (name.rfind("iis/servers/", 0) != 0) continue;
    // The IIS scripts mention the site only in comments.
    std::istringstream lines(content);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("Red'mond") != std::string::npos) CHECK(line.rfind("# ", 0) == 0);
    }
  }
}

TEST_CASE("consistency: an IIS pool without its SPN is caught", "[kerberos][check]") {
  Pipeline p("enterprise");
  Diagnostics clean;
  RunConsistencyCheck(p.artifacts, clean);
  CHECK_FALSE(clean.HasErrors());

  KerberosPlan mutated = *p.artifacts.kerberos;
  REQUIRE_FALSE(mutated.spns.empty());
  std::string dropped = mutated.spns.front().spn;
  mutated.spns.erase(mutated.spns.begin());
  ArtifactSet broken = p.artifacts;
  broken.kerberos = std::make_shared<const KerberosPlan>(mutated);
  Diagnostics d;
  CheckIisPoolsHaveSpns(broken, d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "LT8101");
  CHECK_THAT(d.items()[0].message, Catch::Contains("'" + dropped + "'"));
}

TEST_CASE("consistency: an SPN whose host does not resolve internally is caught",
          "[kerberos][check]") {
  Pipeline p("enterprise");
  KerberosPlan mutated = *p.artifacts.kerberos;
  mutated.spns.push_back({"HTTP/ghost.contoso.local", "ghost.contoso.local", "Redmond",
                          "pool01.contoso.local", "CONTOSO\\kerbnam", SpnRegistration::kSetspn});
  ArtifactSet broken = p.artifacts;
  broken.kerberos = std::make_shared<const KerberosPlan>(mutated);
  broken.certificates = nullptr;  // the name is on no certificate either: look at DNS alone
  Diagnostics d;
  CheckSpnHostsResolveAndAreCertified(broken, d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "LT8102");
  CHECK(d.items()[0].message ==
        "SPN 'HTTP/ghost.contoso.local' names 'ghost.contoso.local', which does not resolve in "
        "internal DNS");
}

TEST_CASE("consistency: an SPN host missing from its pool's internal certificate is caught",
          "[kerberos][check]") {
  Pipeline p("enterprise");
  CertificateSet mutated = *p.artifacts.certificates;
  const SpnPlan& spn = p.artifacts.kerberos->spns.front();
  std::string dropped_from;
  for (PlannedCertificate& cert : mutated.certificates) {
    if (cert.pool != spn.pool || cert.uses.empty()) continue;
    auto it = std::find(cert.sans.begin(), cert.sans.end(), spn.host);
    if (it == cert.sans.end()) continue;
    cert.sans.erase(it);
    dropped_from = cert.id;
    break;
  }
  REQUIRE_FALSE(dropped_from.empty());
  ArtifactSet broken = p.artifacts;
  broken.certificates = std::make_shared<const CertificateSet>(mutated);
  Diagnostics d;
  CheckSpnHostsResolveAndAreCertified(broken, d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "LT8102");
  CHECK(d.items()[0].message == "SPN '" + spn.spn + "' names '" + spn.host +
                                    "', which is not on certificate '" + dropped_from +
                                    "' that IIS serves for pool '" + spn.pool + "'");
}
