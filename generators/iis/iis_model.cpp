#include "generators/iis/iis_model.hpp"

#include <algorithm>
#include <cctype>

#include "generators/product_strings.hpp"

namespace lynctopo {

std::vector<IisFeature> RequiredIisFeatures(ProductVersion product, WindowsRelease release,
                                            PoolKind kind) {
  const IisRequirements& req = IisRequirementsFor(product, release, nullptr);
  std::vector<IisFeature> features;
  for (const std::string& name : kind == PoolKind::kDirector ? req.director : req.front_end) {
    features.push_back({name, FeatureDisplayName(name)});
  }
  return features;
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

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The model server behind a planned one; an imported single-machine pool may leave the server
// FQDN empty, so its only server stands for it.
const Server* ModelServer(const Pool& pool, const PlannedServer& planned) {
  for (const Server& s : pool.servers) {
    if (SameName(s.fqdn, planned.fqdn.str())) return &s;
  }
  return pool.servers.size() == 1 ? &pool.servers.front() : nullptr;
}

WindowsRelease ReleaseOf(const PlannedPool& pool, const PlannedServer& planned,
                         ProductVersion version) {
  if (!pool.source) return DefaultRelease(version);
  const Server* server = ModelServer(*pool.source, planned);
  return EffectiveRelease(server ? *server : Server{}, *pool.source, version);
}

void ApplyRequirements(IisServer& server, ProductVersion version) {
  const IisRequirements& req = IisRequirementsFor(version, server.os, &server.os_listed);
  server.requirements_os = req.release;
  server.install_windows_feature = req.install_windows_feature;
  server.pages = &req.pages;
  server.features = RequiredIisFeatures(version, req.release, server.kind);
  for (const IisPrerequisite& p : req.prerequisites) {
    if (p.front_end_only && server.kind == PoolKind::kDirector) continue;
    server.prerequisites.push_back(&p);
  }
}

}  // namespace

IisPlan BuildIisPlan(const Plan& plan, Diagnostics&) {
  IisPlan result;
  const bool separate = plan.topology && plan.topology->certificates.separate_web_certificates;
  const ProductVersion version = plan.topology ? plan.topology->version : ProductVersion::kLync2013;
  for (const PlannedPool& pool : plan.pools) {
    if (!RunsIis(pool.kind)) continue;
    std::vector<IisBinding> bindings = BindingsFor(pool, separate, ProductStringsOf(plan.topology));
    for (const PlannedServer& planned : pool.servers) {
      IisServer server;
      server.server = planned.fqdn.str();
      server.pool = pool.fqdn.str();
      server.site = pool.site;
      server.kind = pool.kind;
      server.os = ReleaseOf(pool, planned, version);
      ApplyRequirements(server, version);
      server.bindings = bindings;
      result.servers.push_back(std::move(server));
    }
  }
  std::sort(result.servers.begin(), result.servers.end(),
            [](const IisServer& a, const IisServer& b) { return a.server < b.server; });
  return result;
}

}  // namespace lynctopo
