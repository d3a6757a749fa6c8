#include "generators/iis/iis_model.hpp"

#include <algorithm>

#include "generators/product_strings.hpp"

namespace lynctopo {

const std::vector<IisFeature>& RequiredIisFeatures() {
  static const std::vector<IisFeature> kFeatures = {
      {"Web-Server", "Web Server (IIS)"},
      {"Web-Static-Content", "Static Content"},
      {"Web-Default-Doc", "Default Document"},
      {"Web-Http-Errors", "HTTP Errors"},
      {"Web-Http-Redirect", "HTTP Redirection"},
      {"Web-Asp-Net", "ASP.NET 3.5"},
      {"Web-Asp-Net45", "ASP.NET 4.5"},
      {"Web-Net-Ext", ".NET Extensibility 3.5"},
      {"Web-Net-Ext45", ".NET Extensibility 4.5"},
      {"Web-ISAPI-Ext", "ISAPI Extensions"},
      {"Web-ISAPI-Filter", "ISAPI Filters"},
      {"Web-Http-Logging", "HTTP Logging"},
      {"Web-Log-Libraries", "Logging Tools"},
      {"Web-Request-Monitor", "Request Monitor"},
      {"Web-Http-Tracing", "Tracing"},
      {"Web-Basic-Auth", "Basic Authentication"},
      {"Web-Windows-Auth", "Windows Authentication"},
      {"Web-Client-Auth", "Client Certificate Mapping Authentication"},
      {"Web-Filtering", "Request Filtering"},
      {"Web-Stat-Compression", "Static Content Compression"},
      {"Web-Dyn-Compression", "Dynamic Content Compression"},
      {"Web-Mgmt-Console", "IIS Management Console"},
      {"Web-Scripting-Tools", "IIS Management Scripts and Tools"},
      {"Web-Mgmt-Compat", "IIS 6 Management Compatibility"},
  };
  return kFeatures;
}

namespace {

std::vector<IisBinding> BindingsFor(const PlannedPool& pool, bool separate_certificates,
                                    const ProductStrings& product) {
  const char* internal_site = product.internal_web_site;
  const char* external_site = product.external_web_site;
  // With one combined certificate every https binding takes the Default certificate, which
  // also carries the WebServicesInternal and WebServicesExternal uses.
  const std::string internal_use = separate_certificates ? "WebServicesInternal" : "Default";
  const std::string external_use = separate_certificates ? "WebServicesExternal" : "Default";
  const std::string internal_host = pool.internal_web_fqdn.str();
  const std::string external_host =
      pool.external_web_fqdn.empty() ? std::string() : pool.external_web_fqdn.str();
  return {
      {internal_site, "https", 443, internal_host, internal_use},
      {internal_site, "http", 80, internal_host, ""},
      {external_site, "https", 4443, external_host, external_use},
      {external_site, "http", 8080, external_host, ""},
  };
}

}  // namespace

IisPlan BuildIisPlan(const Plan& plan, Diagnostics&) {
  IisPlan result;
  const bool separate = plan.topology && plan.topology->certificates.separate_web_certificates;
  for (const PlannedPool& pool : plan.pools) {
    if (!RunsIis(pool.kind)) continue;
    std::vector<IisBinding> bindings = BindingsFor(pool, separate, ProductStringsOf(plan.topology));
    for (const PlannedServer& server : pool.servers) {
      result.servers.push_back({server.fqdn.str(), pool.fqdn.str(), pool.site, pool.kind,
                                RequiredIisFeatures(), bindings});
    }
  }
  std::sort(result.servers.begin(), result.servers.end(),
            [](const IisServer& a, const IisServer& b) { return a.server < b.server; });
  return result;
}

}  // namespace lynctopo
