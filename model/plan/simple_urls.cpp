// Active simple URLs with their parsed host and path and the pool that serves them.

#include <algorithm>
#include <optional>
#include <tuple>

#include "model/plan/derive.hpp"

namespace lynctopo::plan_detail {

namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return ToLower(text.substr(0, prefix.size())) == prefix;
}

void AddUrls(DeriveContext& ctx, const std::vector<SimpleUrl>& urls, const std::string& site,
             size_t target) {
  for (const SimpleUrl& url : urls) {
    if (!url.active) continue;
    std::string host;
    std::string path;
    if (!SplitSimpleUrl(url.url, &host, &path)) continue;  // validation reported it
    std::optional<Fqdn> fqdn = Fqdn::Parse(host);
    if (!fqdn) continue;
    PlannedSimpleUrl planned;
    planned.kind = url.kind;
    planned.url = url.url;
    planned.host = *fqdn;
    planned.path = std::move(path);
    planned.domain = url.domain == "*" ? url.domain : ToLower(url.domain);
    planned.site = site;
    if (const PlannedPool* pool = ctx.Pool(target)) planned.target_pool = pool->fqdn.str();
    ctx.plan.simple_urls.push_back(std::move(planned));
  }
}

}  // namespace

// "https://Host[:port]/Path/" -> host "Host", path "/Path". The scheme is required (F19 asks for
// https; http is tolerated here so a validation error does not also lose the name).
bool SplitSimpleUrl(std::string_view url, std::string* host, std::string* path) {
  std::string_view rest;
  if (StartsWithNoCase(url, "https://")) {
    rest = url.substr(8);
  } else if (StartsWithNoCase(url, "http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  size_t host_end = rest.find_first_of(":/?#");
  *host = std::string(rest.substr(0, host_end));
  path->clear();
  if (host_end != std::string_view::npos) {
    size_t path_start = rest.find('/', host_end);
    if (path_start != std::string_view::npos) {
      std::string_view tail = rest.substr(path_start);
      tail = tail.substr(0, tail.find_first_of("?#"));
      while (!tail.empty() && tail.back() == '/') tail.remove_suffix(1);
      *path = std::string(tail);
    }
  }
  return !host->empty();
}

void BuildSimpleUrls(DeriveContext& ctx) {
  AddUrls(ctx, ctx.topology.simple_urls, "", ctx.org_target);
  for (size_t site = 0; site < ctx.plan.sites.size(); ++site) {
    const Site& model = *ctx.site_models[site];
    AddUrls(ctx, model.simple_urls, model.name, ctx.site_targets[site]);
  }
  // Organisation-wide first, then by site; within a scope by kind, domain and URL.
  std::stable_sort(ctx.plan.simple_urls.begin(), ctx.plan.simple_urls.end(),
                   [](const PlannedSimpleUrl& a, const PlannedSimpleUrl& b) {
                     return std::tie(a.site, a.kind, a.domain, a.url) <
                            std::tie(b.site, b.kind, b.domain, b.url);
                   });
}

}  // namespace lynctopo::plan_detail
