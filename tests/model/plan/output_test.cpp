#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "model/plan/output.hpp"
#include "tests/model/plan/builder.hpp"

using namespace plan_test;

namespace {

// A deployment with a bit of everything: FE pool (DNS LB + web VIP), Director, NAT Edge pool,
// OWA, a proxy, two SIP domains, XMPP.
Topology Contoso() {
  Pool pool = MakePool(PoolKind::kFrontEnd, "pool01.contoso.net", LoadBalancing::kDns,
                       {MakeServer("fe01.contoso.net", {"10.0.0.21"}),
                        MakeServer("fe02.contoso.net", {"10.0.0.22"})});
  pool.internal_web_fqdn = "webint.contoso.net";
  pool.internal_web_vip = "10.0.0.11";
  pool.external_web_fqdn = "webext.contoso.com";
  pool.edge_pool = "lsedge.contoso.net";
  pool.version = "Lync Server 2013";
  Pool director = MakePool(PoolKind::kDirector, "dir01.contoso.net", LoadBalancing::kNone,
                           {MakeServer("dir01.contoso.net", {"10.0.1.21"})});
  director.external_web_fqdn = "webdirext.contoso.com";
  Pool edge = EdgePool("lsedge.contoso.net", LoadBalancing::kNone,
                       {EdgeServer("lsedge.contoso.net", "172.25.33.10",
                                   {"10.45.16.10", "10.45.16.20", "10.45.16.30"},
                                   {"131.107.155.10", "131.107.155.20", "131.107.155.30"})},
                       /*nat=*/true, "dir01.contoso.net");
  Pool owa = MakePool(PoolKind::kOfficeWebApps, "owa01.contoso.net", LoadBalancing::kNone,
                      {MakeServer("owa01.contoso.net", {"10.0.0.60"})});
  owa.external_web_fqdn = "officewebapps01.contoso.com";
  Site site = MakeSite("Redmond", {pool, director, edge, owa},
                       {MakeProxy("rp1", {"131.107.155.40"}, "rp1.contoso.net", {"172.25.33.40"})});
  site.kerberos_account = KerberosAccount{"CONTOSO\\kerbauth", "", {}};
  Topology topology = MakeTopology({"contoso.com", "fabrikam.com"}, {site});
  topology.federation.enabled = true;
  topology.federation.xmpp = true;
  return topology;
}

}  // namespace

TEST_CASE("Plan JSON carries format_version and stable fields", "[plan][output]") {
  Topology topology = Contoso();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());
  nlohmann::json json = PlanToJson(plan);
  CHECK(json["format_version"] == 1);
  CHECK(json["topology"] == "Contoso");
  CHECK(json["sip_domains"] == nlohmann::json({"contoso.com", "fabrikam.com"}));
  REQUIRE(json["names"].size() == plan.names.size());
  for (const auto& name : json["names"]) {
    for (const char* field : {"fqdn", "role", "view", "site", "pool", "server", "sip_domain",
                              "proxy", "target", "addresses", "alias_of"}) {
      CHECK(name.contains(field));
    }
  }
  const auto& pool = json["pools"][0];
  CHECK(pool["fqdn"] == "pool01.contoso.net");
  CHECK(pool["kind"] == "front-end");
  CHECK(pool["load_balancing"] == "dns");
  CHECK(pool["internal_web_overridden"] == true);
  CHECK(pool["publishing_proxy"] == "rp1");
  CHECK(pool["edge_pool"] == "lsedge.contoso.net");
  CHECK(pool["version"] == "Lync Server 2013");
  CHECK(pool["servers"][1]["addresses"] == nlohmann::json({"10.0.0.22"}));
  CHECK_FALSE(pool["servers"][0].contains("edge_public"));
  const auto& edge = json["pools"][2];
  CHECK(edge["servers"][0]["edge_public"]["access"] == "131.107.155.10");
  CHECK(edge["edge"]["access_fqdn"] == "sip.contoso.com");
  CHECK(json["sites"][0]["kerberos_account"] == "CONTOSO\\kerbauth");
  CHECK(json["proxies"][0]["public_hosts"].size() == plan.proxies[0].public_hosts.size());
  CHECK(json["services"][0]["view"] == "internal");
  CHECK(json["endpoints"][0].contains("backend_port"));
}

TEST_CASE("Plan names, services and endpoints are in the documented order", "[plan][output]") {
  Topology topology = Contoso();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  for (size_t i = 1; i < plan.names.size(); ++i) {
    const PlannedName& a = plan.names[i - 1];
    const PlannedName& b = plan.names[i];
    CHECK(std::tie(a.view, a.fqdn, a.role) < std::tie(b.view, b.fqdn, b.role));
  }
  for (size_t i = 1; i < plan.services.size(); ++i) {
    const PlannedService& a = plan.services[i - 1];
    const PlannedService& b = plan.services[i];
    CHECK(std::tie(a.view, a.domain, a.service) < std::tie(b.view, b.domain, b.service));
  }
  for (size_t i = 1; i < plan.endpoints.size(); ++i) {
    const PlannedEndpoint& a = plan.endpoints[i - 1];
    const PlannedEndpoint& b = plan.endpoints[i];
    CHECK(std::tie(a.view, a.host, a.port, a.protocol) <
          std::tie(b.view, b.host, b.port, b.protocol));
  }
}

TEST_CASE("Plan derivation is deterministic", "[plan][output]") {
  Topology first = Contoso();
  Topology second = Contoso();
  Diagnostics d1, d2;
  std::string a = PlanToJson(DerivePlan(first, d1)).dump(2);
  std::string b = PlanToJson(DerivePlan(second, d2)).dump(2);
  CHECK(a == b);
  Plan plan = DerivePlan(first, d1);
  CHECK(PlanToText(plan) == PlanToText(DerivePlan(second, d2)));
  CHECK(PlanToMarkdown(plan) == PlanToMarkdown(DerivePlan(second, d2)));
}

TEST_CASE("Plan text shows the inventory and names by view", "[plan][output]") {
  Topology topology = Contoso();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  std::string text = PlanToText(plan);
  CHECK(text.find("Inventory\n  POOL") != std::string::npos);
  INFO(text);
  // Columns are padded to the widest cell ("office-web-apps").
  CHECK(text.find("  pool01.contoso.net  front-end        Lync Server 2013  Redmond  dns  ") !=
        std::string::npos);
  CHECK(text.find("fe01.contoso.net (10.0.0.21); fe02.contoso.net (10.0.0.22)") !=
        std::string::npos);
  CHECK(text.find("Redmond (central, Kerberos CONTOSO\\kerbauth)") != std::string::npos);
  CHECK(text.find("internal web  webint.contoso.net (overridden)") != std::string::npos);
  CHECK(text.find("Internal names") < text.find("External names"));
  CHECK(text.find("_sipinternaltls._tcp.fabrikam.com") != std::string::npos);
  CHECK(text.find(" \n") == std::string::npos);  // no trailing blanks

  std::string md = PlanToMarkdown(plan);
  CHECK(md.find("## Inventory\n\n| POOL | KIND |") != std::string::npos);
  CHECK(md.find("\\_sipinternaltls.\\_tcp.contoso.com") != std::string::npos);
}

TEST_CASE("Plan derivation scales to 10,000 servers and 5,000 SIP domains", "[plan][scale]") {
  std::vector<std::string> domains;
  for (int i = 0; i < 5000; ++i) domains.push_back("domain" + std::to_string(i) + ".example.com");
  std::vector<Site> sites;
  int server_number = 0;
  for (int s = 0; s < 50; ++s) {
    std::vector<Pool> pools;
    for (int p = 0; p < 17; ++p) {
      std::string pool_fqdn = "pool" + std::to_string(s) + "-" + std::to_string(p) + ".corp.net";
      std::vector<Server> servers;
      for (int k = 0; k < 12 && server_number < 10000; ++k, ++server_number) {
        servers.push_back(MakeServer("fe" + std::to_string(server_number) + ".corp.net",
                                     {"10." + std::to_string(server_number / 65536) + "." +
                                      std::to_string(server_number / 256 % 256) + "." +
                                      std::to_string(server_number % 256)}));
      }
      Pool pool = MakePool(PoolKind::kFrontEnd, pool_fqdn, LoadBalancing::kDns, servers);
      pool.internal_web_fqdn = "web-" + pool_fqdn;
      pool.external_web_fqdn =
          "ext-pool" + std::to_string(s) + "-" + std::to_string(p) + ".example.com";
      pools.push_back(pool);
    }
    sites.push_back(
        MakeSite("Site" + std::to_string(s), pools,
                 {MakeProxy("rp" + std::to_string(s), {"131.107.1." + std::to_string(s)})}));
  }
  Topology topology = MakeTopology(domains, sites);
  auto start = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  double derive_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json json = PlanToJson(plan);
  std::string text = PlanToText(plan);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(server_number == 10000);
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(plan.services.size() == 5000);
  CHECK(plan.names.size() > 10000 + 5 * 5000);
  // No time bound here: speed targets live in bench/ (a sanitizer build or a loaded machine
  // would make one flaky). The figures are printed for the curious.
  WARN("derived in " << derive_seconds << " s, rendered JSON and text in " << seconds << " s");
}

TEST_CASE("Plan JSON validates against schemas/plan.schema.json", "[plan][output][schema]") {
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    FAIL("python3-jsonschema is not installed (scripts/install-deps --with-test-tools)");
  }
  Topology topology = Contoso();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("lynctopo-plan-schema-" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream out(file);
    out << PlanToJson(plan).dump(2);
  }
  std::string command = std::string("python3 -c 'import json,sys,jsonschema; ") +
                        "jsonschema.validate(json.load(open(sys.argv[2])), " +
                        "json.load(open(sys.argv[1])), cls=jsonschema.Draft202012Validator)' '" +
                        LYNCTOPO_SOURCE_DIR + "/schemas/plan.schema.json' '" + file.string() + "'";
  int status = std::system(command.c_str());
  std::filesystem::remove(file);
  CHECK(status == 0);
}

namespace {

// Compares `actual` with tests/golden/plan/<name>; rewrites the file when
// LYNCTOPO_UPDATE_GOLDEN=1 (review the diff by eye).
void CheckGolden(const std::string& name, const std::string& actual) {
  std::filesystem::path path =
      std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "tests" / "golden" / "plan" / name;
  const char* update = std::getenv("LYNCTOPO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    WARN("updated " << path.string());
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  INFO("golden " << path.string() << " (LYNCTOPO_UPDATE_GOLDEN=1 regenerates it)");
  CHECK(actual == expected);
}

}  // namespace

TEST_CASE("Plan renderings match the golden files", "[plan][output][golden]") {
  Topology topology = Contoso();
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  CheckGolden("contoso.json", PlanToJson(plan).dump(2) + "\n");
  CheckGolden("contoso.txt", PlanToText(plan));
  CheckGolden("contoso.md", PlanToMarkdown(plan));
}
