#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "generators/proxy/proxy_escape.hpp"
#include "generators/proxy/proxy_generator.hpp"
#include "generators/proxy/proxy_views.hpp"
#include "tests/generators/proxy/plan_builder.hpp"

using namespace lynctopo;
using lynctopo::testing::ProxyPlanBuilder;
using nlohmann::json;

namespace {

ProxyRuleSet ContosoRules(ProxyProduct product = ProxyProduct::kNginx) {
  // The rule set copies what it needs: the builder (and its plan) may go.
  ProxyPlanBuilder builder;
  builder.Proxy("rp1", product)
      .Publish(NameRole::kExternalWeb, "webext.contoso.com", "rp1", "pool01.contoso.local",
               "webext.contoso.com")
      .Publish(NameRole::kMeet, "meet.contoso.com", "rp1", "dir01.contoso.local",
               "webdirext.contoso.com")
      .Publish(NameRole::kLyncDiscover, "lyncdiscover.contoso.com", "rp1", "dir01.contoso.local",
               "webdirext.contoso.com", false)
      .Publish(NameRole::kOfficeWebApps, "owa.contoso.com", "rp1", "owas.contoso.local",
               "owas.contoso.local", true, 443, 80);
  Diagnostics d;
  return BuildProxyRules(builder.Build(), d);
}

proxy::RenderOptions Options(std::map<std::string, std::string> values, Diagnostics& d) {
  GeneratorOptions options;
  options.values = std::move(values);
  return proxy::ParseRenderOptions(options, d);
}

const json* FindBy(const json& list, const char* key, const std::string& value) {
  for (const json& item : list) {
    if (item.value(key, "") == value) return &item;
  }
  return nullptr;
}

std::string Shell(const std::string& command) {
  return command + " >/dev/null 2>&1";
}

}  // namespace

TEST_CASE("Quoting for each proxy target", "[proxy]") {
  using namespace lynctopo::proxy;
  CHECK(PsQuote("it's") == "'it''s'");
  CHECK(XmlAttr("a<\"&'>") == "a&lt;&quot;&amp;&apos;&gt;");
  CHECK(NginxQuote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK_FALSE(IsSafeForNginx("/etc/$x"));
  CHECK(IsSafeForNginx("/etc/ssl/lynctopo"));
  CHECK(HaproxyQuote("/etc/x.pem") == "'/etc/x.pem'");
  CHECK_FALSE(IsSafeForHaproxy("it's"));
  CHECK(RegexEscape("meet.contoso.com") == "meet\\.contoso\\.com");
  CHECK(Identifier("Web-Ext.contoso.com") == "web_ext_contoso_com");
  CHECK(ProxyFolder("rp 1/../x") == "rp_1_.._x");
  CHECK(ProxyFolder("..") == "_..");
}

TEST_CASE("rules.json carries exactly the contract fields", "[proxy]") {
  ProxyRuleSet set = ContosoRules();
  json doc = proxy::RulesJson(set);
  CHECK(doc["format_version"] == 1);
  REQUIRE(doc["rules"].size() == set.rules.size());
  const json& first = doc["rules"][0];
  CHECK(first.size() == 8);
  for (const char* key : {"proxy", "public_host", "listen_port", "backend_host", "backend_port",
                          "path", "purpose", "pool"}) {
    CHECK(first.contains(key));
  }
}

TEST_CASE("rules.json validates against schemas/proxy-rules.schema.json", "[proxy][schema]") {
  if (std::system(Shell("python3 -c 'import jsonschema'").c_str()) != 0) {
    FAIL("python3-jsonschema is not installed (scripts/install-deps --with-test-tools)");
  }
  auto dir = std::filesystem::temp_directory_path() / "lynctopo-proxy-schema";
  std::filesystem::create_directories(dir);
  auto validate = [&](const json& doc) {
    std::ofstream(dir / "rules.json") << doc.dump(2);
    std::string cmd =
        "python3 -c 'import json,sys,jsonschema; "
        "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' " +
        std::string(LYNCTOPO_SOURCE_DIR) + "/schemas/proxy-rules.schema.json " +
        (dir / "rules.json").string();
    return std::system(Shell(cmd).c_str()) == 0;
  };
  json doc = proxy::RulesJson(ContosoRules());
  CHECK(validate(doc));
  doc["rules"][0]["purpose"] = "admin";  // never published (call 3): the schema refuses it
  CHECK_FALSE(validate(doc));
  std::filesystem::remove_all(dir);
}

TEST_CASE("nginx view: upstreams per backend, options move listeners and backends", "[proxy]") {
  ProxyRuleSet set = ContosoRules();
  Diagnostics d;
  auto options = Options({{"listen_address", "127.0.0.1"},
                          {"listen_https", "18443"},
                          {"listen_http", "18080"},
                          {"cert_dir", "/tmp/certs"},
                          {"backend_address.webdirext.contoso.com", "127.0.0.3"},
                          {"backend_port.443", "19443"}},
                         d);
  CHECK(d.empty());
  json view = proxy::NginxView(set.proxies[0], set.RulesOf("rp1"), options);
  CHECK(view["cert_file"] == "\"/tmp/certs/proxy-rp1.crt\"");
  CHECK(view["listen_https"] == "127.0.0.1:18443");
  CHECK(view["timeout_seconds"] == 960);
  const json* dir = FindBy(view["upstreams"], "name", "lync_webdirext_contoso_com_4443_tls");
  REQUIRE(dir);
  CHECK((*dir)["server"] == "127.0.0.3:4443");
  const json* owa = FindBy(view["upstreams"], "name", "lync_owas_contoso_local_443_tls");
  REQUIRE(owa);
  CHECK((*owa)["server"] == "owas.contoso.local:19443");
  const json* meet = FindBy(view["servers"], "host", "\"meet.contoso.com\"");
  REQUIRE(meet);
  CHECK((*meet)["scheme"] == "http");  // the first meet rule is port 80 -> 8080
  CHECK(view["servers"].size() == set.rules.size());
}

TEST_CASE("HAProxy, ARR and TMG views", "[proxy]") {
  ProxyRuleSet set = ContosoRules();
  Diagnostics d;
  auto options = Options({}, d);
  auto rules = set.RulesOf("rp1");

  json haproxy = proxy::HaproxyView(set.proxies[0], rules, options);
  CHECK(haproxy["pem_file"] == "'/etc/ssl/lynctopo/proxy-rp1.pem'");
  CHECK(haproxy["bind_https"] == ":443");
  CHECK(haproxy["https_hosts"].size() == 4);
  CHECK(haproxy["http_hosts"].size() == 3);  // lyncdiscover is on 443 only

  json arr = proxy::ArrView(set.proxies[0], rules, options);
  REQUIRE(arr["farms"].size() == 4);  // one farm per published FQDN
  const json* lyncdiscover = FindBy(arr["farms"], "name", "lyncdiscover.contoso.com");
  REQUIRE(lyncdiscover);
  CHECK((*lyncdiscover)["host_pattern"] == "^lyncdiscover\\.contoso\\.com$");
  CHECK((*lyncdiscover)["ssl_rule"] == "ARR_lyncdiscover.contoso.com_loadbalance_SSL");
  CHECK((*lyncdiscover)["has_http"] == false);
  CHECK(arr["timeout_timespan"] == "00:16:00");

  json tmg = proxy::TmgView(set.proxies[0], rules, options);
  REQUIRE(tmg["rules"].size() == 4);  // one TMG rule per public host
  const json* owa = FindBy(tmg["rules"], "public_host", "owa.contoso.com");
  REQUIRE(owa);
  CHECK((*owa)["server_type"] == 2);
  CHECK((*owa)["ssl_port"] == 443);  // no bridging for Office Web Apps
  CHECK((*owa)["http_port"] == 80);
  CHECK((*owa)["delegation"] == 0);
  CHECK((*owa)["forward_host_header"] == "$true");
  CHECK((*owa)["link_translation"] == "$false");
  const json* ld = FindBy(tmg["rules"], "public_host", "lyncdiscover.contoso.com");
  REQUIRE(ld);
  CHECK((*ld)["server_type"] == 1);
  CHECK((*ld)["public_host_ps"] == "'lyncdiscover.contoso.com'");
}

TEST_CASE("Bad proxy options are reported", "[proxy]") {
  Diagnostics d;
  auto options = Options({{"listen_https", "99999"},
                          {"cert_dir", "/etc/$evil"},
                          {"listen_address", "1.2.3.4; rm"},
                          {"all_products", "maybe"},
                          {"no_such", "1"}},
                         d);
  CHECK(d.error_count() == 4);
  CHECK(d.warning_count() == 1);
  CHECK(options.listen_https == 443);
  CHECK(options.cert_dir == "/etc/ssl/lynctopo");
}

TEST_CASE("Proxy artifacts render through the template store", "[proxy][render]") {
  TemplateStore templates;
  REQUIRE_FALSE(templates.List().empty());
  ProxyRuleSet set = ContosoRules();
  Diagnostics d;
  auto options = Options({{"all_products", "true"}}, d);
  OutputSet outputs;
  proxy::RenderProxyArtifacts(set, options, templates, outputs, d);
  std::string first_problem = d.items().empty() ? std::string() : FormatDiagnostic(d.items()[0]);
  INFO(first_problem);
  CHECK_FALSE(d.HasErrors());
  for (const char* file : {"proxy/rules.json", "proxy/rp1/nginx.conf", "proxy/rp1/haproxy.cfg",
                           "proxy/rp1/arr-applicationHost.xml", "proxy/rp1/arr-apply.ps1",
                           "proxy/rp1/tmg-publish.ps1", "proxy/rp1/tmg-checklist.md"}) {
    INFO(file);
    CHECK(outputs.artifacts().contains(file));
  }
  auto arr = outputs.artifacts().find("proxy/rp1/arr-applicationHost.xml");
  REQUIRE(arr != outputs.artifacts().end());
  if (std::system(Shell("xmllint --version").c_str()) != 0) {
    FAIL("xmllint is not installed (scripts/install-deps --with-test-tools)");
  }
  auto path = std::filesystem::temp_directory_path() / "lynctopo-arr-fragment.xml";
  std::ofstream(path) << arr->second.content;
  std::string cmd = "xmllint --noout --schema " + std::string(LYNCTOPO_SOURCE_DIR) +
                    "/schemas/iis-arr.xsd " + path.string();
  CHECK(std::system(Shell(cmd).c_str()) == 0);
  std::filesystem::remove(path);
}

// "RP (DMZ)" gives the listener certificate id "proxy-rp--dmz-": with "--" or a trailing "-"
// inside the header comment, xmllint refuses the file ("Double hyphen within comment").
TEST_CASE("ARR XML stays well-formed for hostile proxy names", "[proxy][render]") {
  TemplateStore templates;
  if (std::system(Shell("xmllint --version").c_str()) != 0) {
    WARN("SKIPPED: xmllint is not installed");
    return;
  }
  for (std::string name : {"RP (DMZ)", "rp--edge-", "-", "a---b--", "RP <&> '\"' -->"}) {
    INFO(name);
    ProxyPlanBuilder builder;
    builder.Proxy(name, ProxyProduct::kArr)
        .Publish(NameRole::kExternalWeb, "webext.contoso.com", name, "pool01.contoso.local",
                 "webext.contoso.com");
    Diagnostics d;
    ProxyRuleSet set = BuildProxyRules(builder.Build(), d);
    auto options = Options({}, d);
    OutputSet outputs;
    proxy::RenderProxyArtifacts(set, options, templates, outputs, d);
    const Artifact* arr = nullptr;
    for (const auto& [file, artifact] : outputs.artifacts()) {
      if (file.ends_with("/arr-applicationHost.xml")) arr = &artifact;
    }
    REQUIRE(arr);
    auto path = std::filesystem::temp_directory_path() / "lynctopo-arr-hostile.xml";
    std::ofstream(path) << arr->content;
    CHECK(std::system(Shell("xmllint --noout " + path.string()).c_str()) == 0);
    std::string cmd = "xmllint --noout --schema " + std::string(LYNCTOPO_SOURCE_DIR) +
                      "/schemas/iis-arr.xsd " + path.string();
    CHECK(std::system(Shell(cmd).c_str()) == 0);
    std::filesystem::remove(path);
  }
}
