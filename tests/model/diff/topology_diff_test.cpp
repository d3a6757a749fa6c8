#include <catch2/catch.hpp>

#include "model/diff/change_output.hpp"
#include "model/diff/topology_diff.hpp"

using namespace lynctopo;

namespace {

Topology Base() {
  Topology t;
  t.sip_domains = {"contoso.com"};
  t.simple_urls = {{SimpleUrlKind::kMeet, "contoso.com", "https://meet.contoso.com", true, {}},
                   {SimpleUrlKind::kDialin, "*", "https://dialin.contoso.com", true, {}}};
  Site site;
  site.name = "Redmond";
  Pool pool;
  pool.kind = PoolKind::kFrontEnd;
  pool.fqdn = "pool01.contoso.local";
  pool.external_web_fqdn = "webext.contoso.com";
  pool.servers = {{"fe01.contoso.local", {"10.0.0.1"}, {}, {}, {}, {}},
                  {"fe02.contoso.local", {"10.0.0.2"}, {}, {}, {}, {}}};
  site.pools.push_back(pool);
  t.sites.push_back(site);
  return t;
}

std::vector<std::string> Summary(const std::vector<Change>& changes) {
  std::vector<std::string> out;
  for (const Change& c : changes) {
    out.push_back(std::string(ToString(c.action)) + " " + c.kind + " " + c.address);
  }
  return out;
}

}  // namespace

TEST_CASE("identical topologies have no changes", "[diff]") {
  CHECK(DiffTopologies(Base(), Base()).empty());
  CHECK(DiffTopologies(Base(), Base(), true).size() > 0);  // no-ops on request
}

TEST_CASE("each kind of topology change alone", "[diff]") {
  Topology before = Base();
  Topology after = Base();
  std::vector<std::string> expected;

  SECTION("a new SIP domain") {
    after.sip_domains.push_back("fabrikam.com");
    expected = {"create sip-domain fabrikam.com"};
  }
  SECTION("a removed server") {
    after.sites[0].pools[0].servers.pop_back();
    expected = {"update pool pool01.contoso.local", "delete server fe02.contoso.local"};
  }
  SECTION("a changed address") {
    after.sites[0].pools[0].servers[0].addresses = {"10.0.0.9"};
    expected = {"update server fe01.contoso.local"};
  }
  SECTION("a changed external web FQDN") {
    after.sites[0].pools[0].external_web_fqdn = "web.contoso.com";
    expected = {"update pool pool01.contoso.local"};
  }
  SECTION("a new site") {
    Site site;
    site.name = "Dublin";
    after.sites.push_back(site);
    expected = {"create site dublin"};
  }
  SECTION("a changed Meet URL") {
    after.simple_urls[0].url = "https://lync.contoso.com/meet";
    expected = {"update simple-url meet contoso.com"};
  }
  SECTION("a Kerberos account") {
    after.sites[0].kerberos_account = KerberosAccount{"CONTOSO\\kerbauth", "", {}};
    expected = {"update site redmond", "create kerberos-account contoso\\kerbauth"};
  }
  SECTION("a setting") {
    after.mobility.lyncdiscover_over_http = true;
    expected = {"update deployment deployment"};
  }
  CHECK(Summary(DiffTopologies(before, after)) == expected);
}

TEST_CASE("reordering and case changes are no-ops", "[diff]") {
  Topology before = Base();
  Topology after = Base();
  std::swap(after.sites[0].pools[0].servers[0], after.sites[0].pools[0].servers[1]);
  std::swap(after.simple_urls[0], after.simple_urls[1]);
  after.sites[0].name = "REDMOND";
  after.sites[0].pools[0].fqdn = "Pool01.Contoso.Local";
  CHECK(DiffTopologies(before, after).empty());
}

TEST_CASE("a pool renamed with its servers kept is a replacement", "[diff]") {
  Topology before = Base();
  Topology after = Base();
  after.sites[0].pools[0].fqdn = "pool02.contoso.local";
  std::vector<Change> changes = DiffTopologies(before, after);
  // One replacement, not a delete and an unrelated create; the servers follow their pool.
  REQUIRE(Summary(changes) ==
          std::vector<std::string>{"replace pool pool01.contoso.local -> pool02.contoso.local",
                                   "update server fe01.contoso.local",
                                   "update server fe02.contoso.local"});
  CHECK(changes[0].note ==
        "pool FQDN changes from pool01.contoso.local to pool02.contoso.local while its servers "
        "stay");
  // Its servers now belong to the new pool.
  CHECK(changes[0].after["servers"] ==
        nlohmann::json::array({"fe01.contoso.local", "fe02.contoso.local"}));
}

TEST_CASE("text, Markdown and JSON renderings of a change list", "[diff]") {
  Topology before = Base();
  Topology after = Base();
  after.sip_domains.push_back("fabrikam.com");
  after.sites[0].pools[0].servers[0].addresses = {"10.0.0.9"};
  after.sites[0].pools[0].servers.pop_back();
  std::vector<Change> changes = DiffTopologies(before, after);
  CHECK(ChangesToText(changes) ==
        "Topology:\n"
        "  + sip-domain fabrikam.com\n"
        "      default: false\n"
        "  ~ pool pool01.contoso.local\n"
        "      - servers fe02.contoso.local\n"
        "  ~ server fe01.contoso.local\n"
        "      - addresses 10.0.0.1\n"
        "      + addresses 10.0.0.9\n"
        "  - server fe02.contoso.local\n"
        "      addresses: [\"10.0.0.2\"]\n"
        "      os: \"default\"\n"
        "      pool: \"pool01.contoso.local\"\n"
        "\n"
        "Plan: 1 to add, 2 to change, 1 to remove.\n");
  nlohmann::json json = ChangesToJson(changes);
  CHECK(json["format_version"] == 1);
  CHECK(json["summary"]["add"] == 1);
  CHECK(json["summary"]["change"] == 2);
  CHECK(json["summary"]["remove"] == 1);
  CHECK(json["changes"][3]["action"] == "delete");
  CHECK(json["changes"][3]["after"].is_null());
  std::string md = ChangesToMarkdown(changes);
  CHECK_THAT(md, Catch::Contains("| delete | server | `fe02.contoso.local` |"));
  CHECK_THAT(md, Catch::StartsWith("### lynctopo diff\n\n**Plan: 1 to add"));
  CHECK_THAT(ChangesToMarkdown(changes, "lynctopo verify"),
             Catch::StartsWith("### lynctopo verify\n\n**Plan: 1 to add"));
}
