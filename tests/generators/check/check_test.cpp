#include <catch2/catch.hpp>

#include <set>

#include "generators/check/check.hpp"

using namespace lynctopo;

namespace {

PlannedName Name(const char* fqdn, View view, NameRole role, std::vector<std::string> addresses,
                 TargetKind target = TargetKind::kServerAddress) {
  PlannedName name;
  name.fqdn = *Fqdn::Parse(fqdn);
  name.view = view;
  name.role = role;
  name.target = target;
  name.addresses = std::move(addresses);
  return name;
}

// A small consistent plan: a pool, its external web name published by proxy rp1, an alias.
Plan ConsistentPlan() {
  Plan plan;
  PlannedProxy proxy;
  proxy.name = "rp1";
  proxy.external_addresses = {"131.107.155.40"};
  proxy.public_hosts = {*Fqdn::Parse("webext.contoso.com")};
  plan.proxies.push_back(proxy);

  plan.names.push_back(Name("pool01.contoso.local", View::kInternal, NameRole::kPool, {"10.0.0.10"},
                            TargetKind::kVip));
  PlannedName alias =
      Name("sip.contoso.com", View::kInternal, NameRole::kSipDomain, {}, TargetKind::kAlias);
  alias.alias_of = "pool01.contoso.local";
  plan.names.push_back(alias);
  PlannedName web = Name("webext.contoso.com", View::kExternal, NameRole::kExternalWeb,
                         {"131.107.155.40"}, TargetKind::kReverseProxy);
  web.proxy = "rp1";
  plan.names.push_back(web);

  PlannedEndpoint endpoint;
  endpoint.host = "webext.contoso.com";
  endpoint.port = 443;
  endpoint.protocol = "https";
  endpoint.view = View::kExternal;
  endpoint.published_by = "rp1";
  plan.endpoints.push_back(endpoint);
  return plan;
}

std::multiset<std::string> CodesFor(const Plan& plan) {
  ArtifactSet artifacts;  // every model absent: rules must cope
  artifacts.plan = &plan;
  Diagnostics diagnostics;
  RunConsistencyCheck(artifacts, diagnostics);
  std::multiset<std::string> codes;
  for (const Diagnostic& d : diagnostics.items()) {
    CHECK(d.severity == Severity::kError);
    codes.insert(d.code);
  }
  return codes;
}

}  // namespace

TEST_CASE("The rule table is well formed", "[generators][check]") {
  std::set<std::string> codes;
  for (const ConsistencyRule& rule : AllConsistencyRules()) {
    CHECK(std::string(rule.code).size() == 6);
    CHECK(std::string(rule.code).rfind("LT", 0) == 0);
    CHECK(rule.summary[0] != '\0');
    CHECK(rule.run != nullptr);
    CHECK(codes.insert(rule.code).second);  // one code per rule
  }
  CHECK(codes.count("LT4101"));
}

TEST_CASE("Rules accept a consistent plan, an empty plan and no plan", "[generators][check]") {
  CHECK(CodesFor(ConsistentPlan()).empty());
  CHECK(CodesFor(Plan{}).empty());
  Diagnostics diagnostics;
  RunConsistencyCheck(ArtifactSet{}, diagnostics);
  CHECK(diagnostics.empty());
}

TEST_CASE("Mutations of the plan are caught", "[generators][check]") {
  Plan plan = ConsistentPlan();
  SECTION("LT4101: the publishing proxy is gone") {
    plan.proxies.clear();
    // The name and the endpoint both refer to it.
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4101", "LT4101"});
  }
  SECTION("LT4101: an endpoint names an unknown proxy") {
    plan.endpoints[0].published_by = "rp9";
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4101"});
  }
  SECTION("LT4102: a published name missing from the proxy's public hosts") {
    plan.proxies[0].public_hosts.clear();
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4102"});
  }
  SECTION("LT4102: a public host nobody publishes") {
    plan.proxies[0].public_hosts.push_back(*Fqdn::Parse("meet.contoso.com"));
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4102"});
  }
  SECTION("LT4103: an alias of a name that is not there") {
    plan.names[1].alias_of = "pool02.contoso.local";
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4103"});
  }
  SECTION("LT4103: an alias into the other view") {
    plan.names[1].alias_of = "webext.contoso.com";
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4103"});
  }
  SECTION("LT4104: a name without addresses") {
    plan.names[0].addresses.clear();
    CHECK(CodesFor(plan) == std::multiset<std::string>{"LT4104"});
  }
}
