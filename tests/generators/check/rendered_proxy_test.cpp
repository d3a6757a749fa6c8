#include <catch2/catch.hpp>

#include "generators/check/rendered_certificates.hpp"
#include "generators/check/rendered_proxy.hpp"

using namespace lynctopo::rendered;

namespace {

std::vector<std::string> Described(const std::vector<ServedRoute>& routes) {
  std::vector<std::string> out;
  for (const ServedRoute& r : routes)
    out.push_back(r.host + (r.tls ? " tls " : " plain ") + r.backend + " @" +
                  std::to_string(r.line));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("HAProxy routes: host ACLs per frontend, TLS from its bind line", "[check][rendered]") {
  const char* cfg =
      "frontend https\n"
      "  use_backend bk_a if { var(txn.host) -m str 'Meet.Contoso.com' 'dialin.contoso.com' }\n"
      "  bind :443 ssl crt '/etc/x.pem'  # after the rule: the section's TLS still counts\n"
      "frontend http\n"
      "  bind :80\n"
      "  use_backend bk_b if { var(txn.host) -m str 'meet.contoso.com' }\n"
      "backend bk_a\n"
      "  server s1 web.contoso.com:4443 ssl verify required\n"
      "backend bk_b\n"
      "  server s1 web.contoso.com:8080\n";
  std::vector<ServedRoute> routes;
  std::string error;
  unsigned line = 0;
  REQUIRE(HaproxyRoutes(cfg, routes, error, line));
  CHECK(Described(routes) ==
        std::vector<std::string>{"dialin.contoso.com tls web.contoso.com:4443 @2",
                                 "meet.contoso.com plain web.contoso.com:8080 @6",
                                 "meet.contoso.com tls web.contoso.com:4443 @2"});
  routes.clear();
  CHECK_FALSE(HaproxyRoutes("frontend f\n  bind :80\n  use_backend nope if { x -m str 'a' }\n",
                            routes, error, line));
  CHECK(line == 3);
}

TEST_CASE("ARR routes: a host rule rewrites to its farm's server and port", "[check][rendered]") {
  const char* xml = R"(<configuration>
  <webFarms>
    <webFarm name="meet.contoso.com">
      <server address="Web.contoso.com">
        <applicationRequestRouting httpPort="8080" httpsPort="4443" />
      </server>
    </webFarm>
  </webFarms>
  <system.webServer><rewrite><globalRules>
    <rule name="a">
      <conditions>
        <add input="{HTTP_HOST}" pattern="^meet\.contoso\.com$" />
        <add input="{HTTPS}" pattern="^on$" />
      </conditions>
      <action type="Rewrite" url="https://meet.contoso.com/{R:0}" />
    </rule>
    <rule name="b">
      <conditions><add input="{HTTP_HOST}" pattern="^dialin\.contoso\.com$" /></conditions>
      <action type="Rewrite" url="http://meet.contoso.com/{R:0}" />
    </rule>
  </globalRules></rewrite></system.webServer>
</configuration>
)";
  std::vector<ServedRoute> routes;
  std::string error;
  unsigned line = 0;
  REQUIRE(ArrRoutes(xml, routes, error, line));
  // Rule b has no {HTTPS} condition: it serves both listeners.
  CHECK(Described(routes) ==
        std::vector<std::string>{"dialin.contoso.com plain web.contoso.com:8080 @17",
                                 "dialin.contoso.com tls web.contoso.com:4443 @17",
                                 "meet.contoso.com tls web.contoso.com:4443 @10"});
  routes.clear();
  CHECK_FALSE(ArrRoutes("<configuration><webFarms></configuration>", routes, error, line));
}

TEST_CASE("request-certificates.ps1 steps: per computer block, with names and scope",
          "[check][rendered]") {
  const char* script =
      "function Request-PlannedCertificate { param($Id) }\n"
      "if ($ComputerFqdn -eq 'FE01.contoso.local') {\n"
      "  Request-PlannedCertificate -Id 'fe01-default' -Subject 'pool.contoso.local' -Names "
      "@('pool.contoso.local', 'fe01.contoso.local') -Offline $false -Request @{\n"
      "    Type = @('Default') }\n"
      "  Set-PlannedCertificate -Id 'oauth' -Subject 'contoso.com' -Names @('contoso.com') "
      "-Types @('OAuthTokenIssuer') -Global $true\n"
      "}\n"
      "if ($ComputerFqdn -eq 'edge02.contoso.local') {\n"
      "  Import-PlannedCertificate -Id 'edge' -Subject 'sip.contoso.com' -Names @() -Pfx 'e.pfx'\n"
      "}\n"
      "if ($ComputerFqdn -eq 'fe02.contoso.local') {\n"
      "  Import-PlannedCertificate -Id 'fe01-default' -Subject 'pool.contoso.local' -Names "
      "@('fe01.contoso.local', 'POOL.contoso.local') -Pfx 'f.pfx'\n"
      "  Set-PlannedCertificate -Id 'fe01-default' -Subject 'pool.contoso.local' -Names "
      "@('pool.contoso.local') -Types @('Default')\n"
      "}\n";
  NamePool pool;
  std::vector<CertificateMention> steps = ScriptCertificateSteps(script, pool);
  REQUIRE(steps.size() == 5);
  // A step with the names of the step before for its certificate does not repeat them.
  CHECK(steps[3].names_as_before);
  CHECK(steps[3].names.empty());
  CHECK_FALSE(steps[4].names_as_before);
  CHECK(steps[4].names == std::vector<std::string_view>{"pool.contoso.local"});
  CHECK_FALSE(steps[0].names_as_before);
  CHECK_FALSE(steps[2].names_as_before);
  CHECK(steps[0].step == "Request");
  CHECK(steps[0].id == "fe01-default");
  CHECK(steps[0].subject == "pool.contoso.local");
  CHECK(steps[0].names ==
        std::vector<std::string_view>{"fe01.contoso.local", "pool.contoso.local"});
  CHECK(steps[0].hosts == std::vector<std::string_view>{"fe01.contoso.local"});
  CHECK(steps[0].line == 3);
  CHECK(steps[1].step == "Set");
  CHECK(steps[1].global);
  CHECK(steps[2].step == "Import");
  CHECK(steps[2].names.empty());
  CHECK(steps[2].hosts == std::vector<std::string_view>{"edge02.contoso.local"});
  // A name several steps mention is held once (in the pool), whatever its case in the script.
  CHECK(steps[0].names[1].data() == steps[4].names[0].data());
}
