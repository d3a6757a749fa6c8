// Mutation testing of the consistency proof: each row breaks one fact in otherwise consistent
// artifact models (built from examples/enterprise.json) and names the exact set of rule codes
// that must catch it. Everything runs through the rule table (RunConsistencyCheck), never by
// calling a rule directly, and every rule of the table must be named by at least one row.

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "generators/artifact_set.hpp"
#include "generators/certificates/certificate_model.hpp"
#include "generators/check/check.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "model/load.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

// The consistent starting point, built once.
struct Baseline {
  Topology topology;
  Plan plan;
  ArtifactSet artifacts;
};

const Baseline& Enterprise() {
  static const std::unique_ptr<Baseline> baseline = [] {
    auto b = std::make_unique<Baseline>();
    Diagnostics diagnostics;
    std::optional<Topology> topology =
        LoadTopologyFile(LYNCTOPO_SOURCE_DIR "/examples/enterprise.json", diagnostics);
    REQUIRE(topology);
    ValidateTopology(*topology, diagnostics);
    b->topology = std::move(*topology);
    b->plan = DerivePlan(b->topology, diagnostics);
    b->artifacts = BuildArtifacts(b->plan, diagnostics);
    REQUIRE_FALSE(diagnostics.HasErrors());
    return b;
  }();
  return *baseline;
}

// Mutable copies of every model a mutation may touch.
struct Models {
  Plan plan;
  CertificateSet certificates;
  DnsRecordSet dns;
  ProxyRuleSet proxy;
  KerberosPlan kerberos;
};

template <typename T>
std::shared_ptr<const T> Borrow(const T& object) {
  return std::shared_ptr<const T>(std::shared_ptr<const T>(), &object);  // non-owning
}

// Every finding of the rule table over `models`, in order, run `jobs` rules at a time.
Diagnostics Findings(Models& models, unsigned jobs) {
  models.dns.Index();
  ArtifactSet artifacts;
  artifacts.plan = &models.plan;
  artifacts.certificates = Borrow(models.certificates);
  artifacts.dns = Borrow(models.dns);
  artifacts.proxy = Borrow(models.proxy);
  artifacts.kerberos = Borrow(models.kerberos);
  artifacts.iis = Enterprise().artifacts.iis;
  Diagnostics diagnostics;
  RunConsistencyCheck(artifacts, diagnostics, jobs);
  return diagnostics;
}

std::set<std::string> ErrorCodes(Models& models) {
  const Diagnostics diagnostics = Findings(models, 1);
  std::set<std::string> codes;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::kError) codes.insert(d.code);
  }
  return codes;
}

Models Copy() {
  const Baseline& b = Enterprise();
  return Models{b.plan, *b.artifacts.certificates, *b.artifacts.dns, *b.artifacts.proxy,
                *b.artifacts.kerberos};
}

// ---- Helpers that fail the row when what they should change is not there.

PlannedCertificate& Cert(Models& m, const std::string& id) {
  for (PlannedCertificate& cert : m.certificates.certificates) {
    if (cert.id == id) return cert;
  }
  FAIL("no certificate " << id);
  throw;
}

void DropSan(Models& m, const std::string& id, const std::string& san) {
  SharedNames& sans = Cert(m, id).sans;
  auto found = std::find(sans.begin(), sans.end(), san);
  REQUIRE(found != sans.end());
  sans.erase(found);
}

void AddSan(Models& m, const std::string& id, const std::string& san) {
  Cert(m, id).sans.push_back(san);
}

DnsRecord& Record(Models& m, View view, const std::string& name, DnsType type,
                  const std::string& value = "") {
  for (DnsRecord& r : m.dns.records) {
    if (r.view == view && r.name == name && r.type == type && (value.empty() || r.value == value))
      return r;
  }
  FAIL("no " << ToString(type) << " " << name);
  throw;
}

void DropRecord(Models& m, View view, const std::string& name, DnsType type,
                const std::string& value = "") {
  DnsRecord* r = &Record(m, view, name, type, value);
  m.dns.records.erase(m.dns.records.begin() + (r - m.dns.records.data()));
}

void DropRules(Models& m, const std::string& host, int port = 0) {
  auto& rules = m.proxy.rules;
  size_t before = rules.size();
  rules.erase(std::remove_if(rules.begin(), rules.end(),
                             [&](const ProxyRule& r) {
                               return r.public_host.str() == host &&
                                      (port == 0 || r.listen_port == port);
                             }),
              rules.end());
  REQUIRE(rules.size() < before);
}

ProxyRule& Rule(Models& m, const std::string& host, int port) {
  for (ProxyRule& r : m.proxy.rules) {
    if (r.public_host.str() == host && r.listen_port == port) return r;
  }
  FAIL("no rule " << host << ":" << port);
  throw;
}

SpnPlan& Spn(Models& m, const std::string& spn) {
  for (SpnPlan& s : m.kerberos.spns) {
    if (s.spn == spn) return s;
  }
  FAIL("no SPN " << spn);
  throw;
}

PlannedName& Name(Models& m, View view, const std::string& fqdn, NameRole role) {
  for (PlannedName& n : m.plan.names) {
    if (n.view == view && n.fqdn.str() == fqdn && n.role == role) return n;
  }
  FAIL("no plan name " << fqdn);
  throw;
}

// No example plans a CNAME yet, so the CNAME rows first make internal
// lyncdiscoverinternal.fabrikam.com a CNAME of the Director's internal web FQDN (a design the
// Lync DNS requirements allow) in both the plan and DNS, and a control row checks it passes.
void AddAlias(Models& m) {
  PlannedName& name = Name(m, View::kInternal, "lyncdiscoverinternal.fabrikam.com",
                           NameRole::kLyncDiscoverInternal);
  name.target = TargetKind::kAlias;
  name.addresses.clear();
  name.alias_of = "dirint.contoso.local";
  DnsRecord& a = Record(m, View::kInternal, "lyncdiscoverinternal.fabrikam.com", DnsType::kA);
  a.type = DnsType::kCname;
  a.value = "dirint.contoso.local";
}

// The AAAA rows add an IPv6 address to the external Web Conferencing Edge name.
void AddAaaa(Models& m) {
  Name(m, View::kExternal, "webconf.contoso.com", NameRole::kWebConferencingEdge)
      .addresses.push_back("2001:db8::20");
  DnsRecord aaaa = Record(m, View::kExternal, "webconf.contoso.com", DnsType::kA);
  aaaa.type = DnsType::kAAAA;
  aaaa.value = "2001:db8::20";
  m.dns.records.push_back(aaaa);
}

struct Mutation {
  const char* what;
  std::set<std::string> codes;  // exactly the error codes the check must report
  std::function<void(Models&)> apply;
};

const std::vector<Mutation>& Mutations() {
  static const std::vector<Mutation> rows = {
      // Certificates.
      {"Edge external certificate loses its Web Conferencing SAN",
       {"LT4205"},
       [](Models& m) { DropSan(m, "edgepool.contoso.local-external", "webconf.contoso.com"); }},
      {"Edge external certificate loses a sip.<SIP domain> SAN",
       {"LT4205"},
       [](Models& m) { DropSan(m, "edgepool.contoso.local-external", "sip.fabrikam.com"); }},
      {"reverse proxy certificate loses meet.contoso.com",
       {"LT5102", "LT7023"},
       [](Models& m) { DropSan(m, "proxy-rp-redmond", "meet.contoso.com"); }},
      {"Front End certificate loses the external web FQDN",
       {"LT4206"},
       [](Models& m) { DropSan(m, "fe01.contoso.local-default", "webext01.contoso.com"); }},
      {"Front End certificate loses the internal web FQDN",
       {"LT4206", "LT8102"},
       [](Models& m) { DropSan(m, "fe01.contoso.local-default", "webint01.contoso.local"); }},
      {"Front End certificate loses its server FQDN",
       {"LT4206"},
       [](Models& m) { DropSan(m, "fe02.contoso.local-default", "fe02.contoso.local"); }},
      {"Director certificate loses the Meet simple URL host",
       {"LT4207"},
       [](Models& m) { DropSan(m, "dir01.contoso.local-default", "meet.contoso.com"); }},
      {"internal-only pool FQDN on the reverse proxy certificate",
       {"LT5101", "LT5103", "LT5104", "LT6012"},
       [](Models& m) { AddSan(m, "proxy-rp-redmond", "pool01.contoso.local"); }},
      {"unknown name on a Front End certificate",
       {"LT5103", "LT6012"},
       [](Models& m) { AddSan(m, "fe01.contoso.local-default", "ghost.contoso.com"); }},
      // DNS records.
      {"external A record of the external web FQDN dropped",
       {"LT4201", "LT6012", "LT7020"},
       [](Models& m) { DropRecord(m, View::kExternal, "webext01.contoso.com", DnsType::kA); }},
      {"one of two A/V Edge A records dropped",
       {"LT4201"},
       [](Models& m) {
         DropRecord(m, View::kExternal, "av.contoso.com", DnsType::kA, "131.107.155.31");
       }},
      {"one of two Access Edge A records dropped",
       {"LT4201"},
       [](Models& m) {
         DropRecord(m, View::kExternal, "sip.contoso.com", DnsType::kA, "131.107.155.11");
       }},
      {"internal Meet record dropped",
       {"LT4201", "LT4207", "LT6012"},
       [](Models& m) { DropRecord(m, View::kInternal, "meet.contoso.com", DnsType::kA); }},
      {"internal Dialin record dropped",
       {"LT4201", "LT4207", "LT6012"},
       [](Models& m) { DropRecord(m, View::kInternal, "dialin.contoso.com", DnsType::kA); }},
      {"A record address changed",
       {"LT4201", "LT7020"},
       [](Models& m) {
         Record(m, View::kExternal, "dirext.contoso.com", DnsType::kA).value = "131.107.155.99";
       }},
      {"lyncdiscoverinternal moved to the external view",
       {"LT4201", "LT6011", "LT6012"},
       [](Models& m) {
         Record(m, View::kInternal, "lyncdiscoverinternal.contoso.com", DnsType::kA).view =
             View::kExternal;
       }},
      {"lyncdiscover copied into internal DNS",
       {"LT6011"},
       [](Models& m) {
         DnsRecord copy = Record(m, View::kExternal, "lyncdiscover.contoso.com", DnsType::kA);
         copy.view = View::kInternal;
         m.dns.records.push_back(copy);
       }},
      {"federation SRV dropped",
       {"LT4202"},
       [](Models& m) {
         DropRecord(m, View::kExternal, "_sipfederationtls._tcp.contoso.com", DnsType::kSrv);
       }},
      {"external sign-in SRV port changed",
       {"LT4202"},
       [](Models& m) {
         Record(m, View::kExternal, "_sip._tls.fabrikam.com", DnsType::kSrv).port = 5061;
       }},
      {"internal sign-in SRV target changed to a host without a record",
       {"LT4202", "LT6010"},
       [](Models& m) {
         Record(m, View::kInternal, "_sipinternaltls._tcp.contoso.com", DnsType::kSrv).value =
             "nothing.contoso.com";
       }},
      {"consistent CNAME added (control row)", {}, [](Models& m) { AddAlias(m); }},
      {"CNAME dropped",
       {"LT4201", "LT6012"},
       [](Models& m) {
         AddAlias(m);
         DropRecord(m, View::kInternal, "lyncdiscoverinternal.fabrikam.com", DnsType::kCname);
       }},
      {"CNAME target changed",
       {"LT4201"},
       [](Models& m) {
         AddAlias(m);
         Record(m, View::kInternal, "lyncdiscoverinternal.fabrikam.com", DnsType::kCname).value =
             "pool01.contoso.local";
       }},
      {"consistent AAAA added (control row)", {}, [](Models& m) { AddAaaa(m); }},
      {"AAAA record dropped",
       {"LT4201"},
       [](Models& m) {
         AddAaaa(m);
         DropRecord(m, View::kExternal, "webconf.contoso.com", DnsType::kAAAA);
       }},
      // Reverse proxy rules.
      {"Meet rule on 443 dropped (80 remains)",
       {"LT4203"},
       [](Models& m) { DropRules(m, "meet.contoso.com", 443); }},
      {"every Meet rule dropped",
       {"LT4203", "LT4204", "LT4207"},
       [](Models& m) { DropRules(m, "meet.fabrikam.com"); }},
      {"every rule of the second proxy dropped",
       {"LT4203", "LT4204", "LT7021"},
       [](Models& m) { DropRules(m, "webext02.contoso.com"); }},
      {"rule listen port changed",
       {"LT4203"},
       [](Models& m) { Rule(m, "dialin.contoso.com", 443).listen_port = 8443; }},
      {"internal-only domain given an external zone",
       {"LT6014"},
       [](Models& m) {
         for (DnsZone& zone : m.dns.zones) {
           if (zone.name == "contoso.local") zone.view = View::kExternal;
         }
       }},
      {"rule backend port changed",
       {"LT4203"},
       [](Models& m) { Rule(m, "webext01.contoso.com", 443).backend_port = 443; }},
      {"rule backend host changed",
       {"LT4203", "LT6013"},
       [](Models& m) {
         Rule(m, "lyncdiscover.contoso.com", 443).backend_host = "pool01.contoso.local";
       }},
      {"rule moved to the other proxy",
       {"LT4203", "LT4204", "LT6013", "LT7020", "LT7023"},
       [](Models& m) {
         Rule(m, "owas.contoso.com", 443).proxy = "rp-dublin";
         Rule(m, "owas.contoso.com", 80).proxy = "rp-dublin";
         std::stable_sort(m.proxy.rules.begin(), m.proxy.rules.end(),
                          [](const ProxyRule& a, const ProxyRule& b) { return a.proxy < b.proxy; });
       }},
      {"listener certificate dropped",
       {"LT7023"},
       [](Models& m) { Rule(m, "dirext.contoso.com", 443).certificate.clear(); }},
      {"listener certificate swapped for one without the name",
       {"LT7023"},
       [](Models& m) { Rule(m, "dirext.contoso.com", 443).certificate = "proxy-rp-dublin"; }},
      {"Admin simple URL published",
       {"LT7020", "LT7022", "LT7023"},
       [](Models& m) {
         ProxyRule admin = Rule(m, "dialin.contoso.com", 443);
         admin.public_host = *Fqdn::Parse("admin.contoso.com");
         admin.name = "admin.contoso.com-443";
         m.proxy.rules.push_back(admin);
       }},
      // Kerberos.
      {"pool SPN dropped",
       {"LT8101"},
       [](Models& m) {
         auto& spns = m.kerberos.spns;
         auto found = std::find_if(spns.begin(), spns.end(), [](const SpnPlan& s) {
           return s.spn == "HTTP/pool01.contoso.local";
         });
         REQUIRE(found != spns.end());
         spns.erase(found);
       }},
      {"SPN on the wrong account",
       {"LT8101"},
       [](Models& m) { Spn(m, "HTTP/webint02.contoso.local").account = "CONTOSO\\kerbnam"; }},
      {"SPN host changed to an unresolvable name",
       {"LT8101", "LT8102"},
       [](Models& m) {
         SpnPlan& spn = Spn(m, "HTTP/dirint.contoso.local");
         spn.spn = "HTTP/dirint2.contoso.local";
         spn.host = "dirint2.contoso.local";
       }},
      // The plan itself (framework rules).
      {"external name published by a proxy the plan lacks",
       {"LT4101", "LT4102"},
       [](Models& m) {
         Name(m, View::kExternal, "dialin.contoso.com", NameRole::kDialin).proxy = "rp-nowhere";
       }},
      {"proxy loses a public host",
       {"LT4102"},
       [](Models& m) {
         for (PlannedProxy& p : m.plan.proxies) {
           if (p.name != "rp-redmond") continue;
           auto& hosts = p.public_hosts;
           auto found = std::find_if(hosts.begin(), hosts.end(),
                                     [](const Fqdn& h) { return h.str() == "owas.contoso.com"; });
           REQUIRE(found != hosts.end());
           hosts.erase(found);
         }
       }},
      {"alias of a name the view lacks",
       {"LT4103", "LT4201"},
       [](Models& m) {
         PlannedName& pool =
             Name(m, View::kInternal, "owas.contoso.local", NameRole::kOfficeWebApps);
         pool.target = TargetKind::kAlias;
         pool.alias_of = "farm.contoso.local";
         pool.addresses.clear();
       }},
      {"plan name without addresses",
       {"LT4104"},
       [](Models& m) {
         Name(m, View::kInternal, "rp01.contoso.local", NameRole::kReverseProxy).addresses.clear();
       }},
  };
  return rows;
}

}  // namespace

TEST_CASE("Mutation table: the unmutated example is consistent", "[check][mutation]") {
  Models m = Copy();
  CHECK(ErrorCodes(m).empty());
}

TEST_CASE("Mutation table: each mutation is caught by exactly its rules", "[check][mutation]") {
  for (const Mutation& mutation : Mutations()) {
    INFO(mutation.what);
    Models m = Copy();
    mutation.apply(m);
    CHECK(ErrorCodes(m) == mutation.codes);
  }
}

TEST_CASE("Mutation table: the rules find the same, in the same order, side by side",
          "[check][mutation]") {
  size_t findings = 0;
  for (const Mutation& mutation : Mutations()) {
    INFO(mutation.what);
    Models m = Copy();
    mutation.apply(m);
    const Diagnostics on_one = Findings(m, 1), on_many = Findings(m, 8);
    std::vector<std::string> one, many;
    for (const Diagnostic& d : on_one.items()) one.push_back(FormatDiagnostic(d));
    for (const Diagnostic& d : on_many.items()) many.push_back(FormatDiagnostic(d));
    CHECK(many == one);
    findings += one.size();
  }
  CHECK(findings >= Mutations().size());
}

TEST_CASE("Rules side by side report in the table's order, not as they finish",
          "[check][mutation]") {
  static const ConsistencyRule rules[] = {
      {"LT9997", "slow",
       [](const ArtifactSet&, Diagnostics& d) {
         std::this_thread::sleep_for(std::chrono::milliseconds(100));
         d.Error("LT9997", "", {}, "first in the table");
       }},
      {"LT9999", "quick",
       [](const ArtifactSet&, Diagnostics& d) { d.Error("LT9999", "", {}, "second"); }},
  };
  Models m = Copy();
  ArtifactSet artifacts;
  artifacts.plan = &m.plan;
  Diagnostics diagnostics;
  RunConsistencyCheck(artifacts, rules, diagnostics, 2);
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(diagnostics.items()[0].code == "LT9997");
  CHECK(diagnostics.items()[1].code == "LT9999");
}

TEST_CASE("Mutation table: every rule of the table is named by a mutation", "[check][mutation]") {
  std::set<std::string> named;
  for (const Mutation& mutation : Mutations())
    named.insert(mutation.codes.begin(), mutation.codes.end());
  size_t rules = 0;
  for (const ConsistencyRule& rule : AllConsistencyRules()) {
    INFO(rule.code << ": " << rule.summary);
    CHECK(named.count(rule.code));
    ++rules;
  }
  CHECK(rules == AllConsistencyRules().size());
  CHECK(rules >= 23);
}

TEST_CASE("A rule that throws is LT4100 and the others still run", "[check][mutation]") {
  static const ConsistencyRule rules[] = {
      {"LT9998", "throws",
       [](const ArtifactSet&, Diagnostics&) { throw std::runtime_error("boom"); }},
      {"LT9999", "reports",
       [](const ArtifactSet&, Diagnostics& d) { d.Error("LT9999", "", {}, "ran"); }},
  };
  Models m = Copy();
  ArtifactSet artifacts;
  artifacts.plan = &m.plan;
  Diagnostics diagnostics;
  RunConsistencyCheck(artifacts, rules, diagnostics, GENERATE(1u, 4u));
  std::set<std::string> codes;
  for (const Diagnostic& d : diagnostics.items()) codes.insert(d.code);
  CHECK(codes == std::set<std::string>{"LT4100", "LT9999"});
  REQUIRE_FALSE(diagnostics.items().empty());
  CHECK(diagnostics.items()[0].message.find("LT9998") != std::string::npos);
  CHECK(diagnostics.items()[0].message.find("boom") != std::string::npos);
}

}  // namespace lynctopo
