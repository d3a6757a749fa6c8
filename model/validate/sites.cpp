// Sites and reverse proxies: unique names, branch sites hanging off a central site.

#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

void CheckSiteNames(Context& ctx) {
  std::unordered_map<std::string, const Site*> seen;
  for (const Site& site : ctx.topology.sites) {
    if (site.name.empty()) {
      ctx.Report("LT1032", site.origin, "name", "a site has no name");
      continue;
    }
    if (!seen.try_emplace(ToLower(site.name), &site).second) {
      ctx.Report("LT1020", site.origin, "name",
                 fmt::format("site name '{}' is used by more than one site", site.name));
    }
  }
}

void CheckParents(Context& ctx) {
  std::vector<std::string> central_names;
  for (const Site& site : ctx.topology.sites) {
    if (site.kind == SiteKind::kCentral) central_names.push_back(site.name);
  }
  for (const Site& site : ctx.topology.sites) {
    if (site.kind == SiteKind::kCentral) {
      if (!site.parent.empty()) {
        ctx.Report("LT1025", site.origin, "parent",
                   fmt::format("central site '{}' names parent site '{}'; only branch sites "
                               "have a parent",
                               site.name, site.parent));
      }
      continue;
    }
    if (site.parent.empty()) {
      ctx.Report("LT1022", site.origin, "parent",
                 fmt::format("branch site '{}' has no parent central site", site.name));
      continue;
    }
    const Site* parent = ctx.FindSite(site.parent);
    if (!parent) {
      ctx.Report("LT1023", site.origin, "parent",
                 fmt::format("parent site '{}' of branch site '{}' does not exist{}", site.parent,
                             site.name, DidYouMean(site.parent, central_names)));
    } else if (parent->kind != SiteKind::kCentral) {
      ctx.Report("LT1024", site.origin, "parent",
                 fmt::format("parent site '{}' of branch site '{}' is not a central site",
                             site.parent, site.name));
    }
  }
}

void CheckBranchContents(Context& ctx) {
  for (const Site& site : ctx.topology.sites) {
    if (site.kind != SiteKind::kBranch) continue;
    for (const Pool& pool : site.pools) {
      if (!IsCorePool(pool.kind)) continue;
      ctx.Report("LT1026", pool.origin, "kind",
                 fmt::format("branch site '{}' holds {}; only central sites can", site.name,
                             DescribePool(pool)));
    }
  }
}

void CheckReverseProxies(Context& ctx) {
  std::unordered_map<std::string, const Site*> seen;
  for (const Site& site : ctx.topology.sites) {
    for (const ReverseProxy& proxy : site.reverse_proxies) {
      auto [it, inserted] = seen.try_emplace(ToLower(proxy.name), &site);
      if (!inserted) {
        ctx.Report("LT1021", proxy.origin, "name",
                   fmt::format("reverse proxy name '{}' is also used in site '{}'", proxy.name,
                               it->second->name));
      }
      if (!proxy.fqdn.empty()) {
        CheckHostName(ctx, proxy.fqdn, proxy.origin, "fqdn", "reverse proxy FQDN");
      }
      for (const std::string& address : proxy.external_addresses) {
        CheckAddress(ctx, address, proxy.origin, "external_addresses",
                     "external address of reverse proxy '" + proxy.name + "'");
      }
      for (const std::string& address : proxy.internal_addresses) {
        CheckAddress(ctx, address, proxy.origin, "internal_addresses",
                     "internal address of reverse proxy '" + proxy.name + "'");
      }
      if (proxy.external_addresses.empty()) {
        ctx.Report(
            "LT1031", proxy.origin, "external_addresses",
            fmt::format("reverse proxy '{}' has no external address to publish on", proxy.name));
      }
    }
  }
}

}  // namespace

void CheckSites(Context& ctx) {
  CheckSiteNames(ctx);
  CheckParents(ctx);
  CheckBranchContents(ctx);
  CheckReverseProxies(ctx);
}

}  // namespace lynctopo::validation
