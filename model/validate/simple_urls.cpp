// Simple URLs (spec §E, F19, F20): https only, no port, no pool FQDN, plain characters, no URL a
// prefix of another, Meet per SIP domain, one Dialin, at most one Admin, whole site scopes.

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

constexpr std::string_view kHttps = "https://";

struct Entry {
  const SimpleUrl* url;
  const Site* site;  // nullptr: global scope
};

std::string Scope(const Site* site) {
  return site ? fmt::format("site '{}'", site->name) : std::string("the global scope");
}

std::string Describe(const Entry& e) {
  std::string text = fmt::format("{} URL '{}'", ToString(e.url->kind), e.url->url);
  if (e.site) text += fmt::format(" of site '{}'", e.site->name);
  return text;
}

bool IsPathCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '/';
}

// Syntax of one entry; every entry, active or not, since an inactive one may be switched on.
// Returns true when the host is a valid FQDN, so the URL can take part in the prefix rule.
bool CheckSyntax(Context& ctx, const SimpleUrl& entry) {
  const std::string& url = entry.url;
  const char* kind = ToString(entry.kind);
  if (url.empty()) {
    ctx.Report("LT1084", entry.origin, "url",
               fmt::format("{} URL for domain '{}' is empty", kind, entry.domain));
    return false;
  }
  if (char c = FirstUnsafeCharacter(url)) {
    ctx.Report(
        "LT1160", entry.origin, "url",
        fmt::format("{} URL '{}' contains {}, which could break quoting in generated scripts", kind,
                    url, DescribeCharacter(c)));
    return false;
  }
  std::string lower = ToLower(url);
  size_t scheme_end = lower.find("://");
  if (!lower.starts_with(kHttps)) {
    ctx.Report("LT1084", entry.origin, "url",
               fmt::format("{} URL '{}' does not start with https://", kind, url));
  }
  std::string_view rest =
      std::string_view(url).substr(scheme_end == std::string::npos ? 0 : scheme_end + 3);
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  size_t colon = authority.find(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    ctx.Report(
        "LT1085", entry.origin, "url",
        fmt::format("{} URL '{}' names a port; simple URLs are served on 443 only", kind, url));
  }
  FqdnError error = Fqdn::Check(host);
  if (error != FqdnError::kNone) {
    ctx.Report("LT1004", entry.origin, "url",
               fmt::format("host '{}' of {} URL '{}' {}", host, kind, url, FqdnErrorText(error)));
  } else if (const PoolRef* pool = ctx.FindPool(host)) {
    ctx.Report(
        "LT1086", entry.origin, "url",
        fmt::format("{} URL '{}' uses the FQDN of {}", kind, url, DescribePool(*pool->pool)));
  }
  auto bad = std::find_if(path.begin(), path.end(),
                          [](char c) { return !IsPathCharacter(c) && c != '-'; });
  if (bad != path.end()) {
    ctx.Report("LT1089", entry.origin, "url",
               fmt::format("{} URL '{}' contains '{}'; use letters, digits, '.' and '/' only", kind,
                           url, *bad));
  } else if (path.find('-') != std::string_view::npos) {
    ctx.Report("LT1094", entry.origin, "url",
               fmt::format("{} URL '{}' has a hyphen in its path; Lync documents only letters, "
                           "digits and '.' there",
                           kind, url));
  }
  return error == FqdnError::kNone;
}

void CheckDomain(Context& ctx, const SimpleUrl& entry) {
  const char* kind = ToString(entry.kind);
  if (entry.kind == SimpleUrlKind::kMeet) {
    if (!ctx.IsSipDomain(entry.domain)) {
      ctx.Report("LT1091", entry.origin, "domain",
                 fmt::format("meet URL '{}' names domain '{}', which is not a SIP domain",
                             entry.url, entry.domain));
    }
  } else if (entry.domain != "*" && !ctx.IsSipDomain(entry.domain)) {
    ctx.Report("LT1091", entry.origin, "domain",
               fmt::format("{} URL '{}' names domain '{}', which is neither '*' nor a SIP domain",
                           kind, entry.url, entry.domain));
  }
}

// Cardinality within one scope: Meet per SIP domain, one Dialin, at most one Admin. A site that
// scopes any simple URL must scope all of them (F20).
void CheckScope(Context& ctx, const std::vector<SimpleUrl>& urls, const Site* site,
                const Origin& origin, bool global_has_admin) {
  std::vector<const SimpleUrl*> dialins, admins;
  std::unordered_set<std::string> meet_domains;
  for (const SimpleUrl& url : urls) {
    if (!url.active) continue;
    if (url.kind == SimpleUrlKind::kMeet) meet_domains.insert(ToLower(url.domain));
    if (url.kind == SimpleUrlKind::kDialin) dialins.push_back(&url);
    if (url.kind == SimpleUrlKind::kAdmin) admins.push_back(&url);
  }
  auto missing = [&](const std::string& what) {
    if (site) {
      ctx.Report("LT1092", origin, "simple_urls",
                 fmt::format("site '{}' scopes some simple URLs but has no active {}; a site "
                             "scopes all of them or none",
                             site->name, what));
    } else if (what.starts_with("meet")) {
      ctx.Report("LT1080", origin, "simple_urls",
                 fmt::format("the global scope has no active {}: its users' meetings have no "
                             "join link, and no Meet name is planned for it (no DNS record, "
                             "certificate name or proxy rule)",
                             what));
    } else {
      ctx.Report("LT1081", origin, "simple_urls",
                 fmt::format("the global scope has no active {}: dial-in conferencing has no "
                             "settings page, and no Dialin name is planned",
                             what));
    }
  };
  for (const std::string& domain : ctx.topology.sip_domains) {
    if (!meet_domains.count(ToLower(domain))) {
      missing(fmt::format("meet URL for SIP domain '{}'", domain));
    }
  }
  if (dialins.empty()) missing("dialin URL");
  if (site && admins.empty() && global_has_admin) missing("admin URL");
  for (size_t i = 1; i < dialins.size(); ++i) {
    ctx.Report("LT1082", dialins[i]->origin, "url",
               fmt::format("dialin URL '{}' is a second active dialin URL in {} besides '{}'",
                           dialins[i]->url, Scope(site), dialins[0]->url));
  }
  for (size_t i = 1; i < admins.size(); ++i) {
    ctx.Report("LT1083", admins[i]->origin, "url",
               fmt::format("admin URL '{}' is a second active admin URL in {} besides '{}'",
                           admins[i]->url, Scope(site), admins[0]->url));
  }
}

// Unique URLs, none a prefix of another (`/meet` vs `/meet/dialin`), over every active URL.
// Keys end in '/' so a prefix is a plain string prefix at a path boundary; after sorting, the
// URLs that are prefixes of the current one are exactly those on a stack of open prefixes.
void CheckUniqueAndPrefixes(Context& ctx, const std::vector<Entry>& entries) {
  std::vector<std::pair<std::string, size_t>> keys;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::string key = ToLower(entries[i].url->url);
    while (key.ends_with('/')) key.pop_back();
    key += '/';
    keys.emplace_back(std::move(key), i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<size_t> open;  // indexes into keys
  for (size_t k = 0; k < keys.size(); ++k) {
    const Entry& current = entries[keys[k].second];
    while (!open.empty() && !keys[k].first.starts_with(keys[open.back()].first)) open.pop_back();
    if (!open.empty()) {
      const Entry& other = entries[keys[open.back()].second];
      if (keys[open.back()].first == keys[k].first) {
        ctx.Report("LT1088", current.url->origin, "url",
                   fmt::format("{} duplicates the {}", Describe(current), Describe(other)));
        continue;  // the first of equal URLs stays the open prefix
      }
      ctx.Report("LT1087", current.url->origin, "url",
                 fmt::format("{} lies below the {}; no simple URL may be a prefix of another",
                             Describe(current), Describe(other)));
    }
    open.push_back(k);
  }
}

bool HasAnySimpleUrl(const Topology& t) {
  if (!t.simple_urls.empty()) return true;
  for (const Site& site : t.sites) {
    if (!site.simple_urls.empty()) return true;
  }
  return false;
}

}  // namespace

void CheckSimpleUrls(Context& ctx) {
  const Topology& t = ctx.topology;
  std::vector<Entry> active;
  bool global_has_admin = false;
  for (const SimpleUrl& url : t.simple_urls) {
    bool comparable = CheckSyntax(ctx, url);
    CheckDomain(ctx, url);
    if (url.active && comparable) active.push_back({&url, nullptr});
    if (url.active && url.kind == SimpleUrlKind::kAdmin) global_has_admin = true;
  }
  if (!HasAnySimpleUrl(t)) {
    // Unknown rather than wrong: published topology documents never hold simple URLs, so one
    // finding says so instead of one per SIP domain and kind.
    ctx.Report("LT1079", t.origin, "simple_urls",
               "the topology has no simple URLs (Meet, Dialin, Admin), so none are planned: no "
               "simple-URL DNS records, certificate names or proxy rules, and meetings have no "
               "join link; published topology documents never hold them: read them with "
               "Get-CsSimpleUrlConfiguration and set `simple_urls` in an overlay");
  } else {
    CheckScope(ctx, t.simple_urls, nullptr, t.origin, false);
  }
  for (const Site& site : t.sites) {
    if (site.simple_urls.empty()) continue;
    if (site.kind == SiteKind::kBranch) {
      ctx.Report("LT1093", site.origin, "simple_urls",
                 fmt::format("branch site '{}' has site-scoped simple URLs; only central sites "
                             "can",
                             site.name));
    }
    for (const SimpleUrl& url : site.simple_urls) {
      bool comparable = CheckSyntax(ctx, url);
      CheckDomain(ctx, url);
      if (url.active && comparable) active.push_back({&url, &site});
    }
    CheckScope(ctx, site.simple_urls, &site, site.origin, global_has_admin);
  }
  CheckUniqueAndPrefixes(ctx, active);
}

}  // namespace lynctopo::validation
