#pragma once

// Shared pieces of the validation rules (model/validate/*.cpp). Not part of the public API.
//
// Every rule file gets one `Context`: the topology, the diagnostics sink and indexes built once
// up front (pools by FQDN, sites by name, SIP domains), so no rule is quadratic in the size of
// the deployment.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/topology.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo::validation {

struct PoolRef {
  const Site* site = nullptr;
  const Pool* pool = nullptr;
};

class Context {
 public:
  Context(const Topology& topology, Diagnostics& diagnostics, const ValidationOptions& options);

  const Topology& topology;
  Diagnostics& diagnostics;
  const bool strict;        // design rules are errors
  const bool design_rules;  // report design rules at all

  std::vector<PoolRef> pools;  // input order
  // Lower-cased pool FQDN -> every pool using it (duplicates are a rule of their own).
  std::unordered_map<std::string, std::vector<PoolRef>> pools_by_fqdn;
  // Lower-cased site name -> the first site of that name.
  std::unordered_map<std::string, const Site*> sites_by_name;
  std::unordered_set<std::string> sip_domains;  // lower-cased

  const PoolRef* FindPool(std::string_view fqdn) const;
  const Site* FindSite(std::string_view name) const;
  bool IsSipDomain(std::string_view domain) const;

  // Reports a finding of rule `code` at `field` of `origin`; its severity comes from the rule's
  // kind (model/validate/rule_kinds.cpp), never from the rule itself.
  void Report(std::string code, const Origin& origin, std::string_view field, std::string message);
};

// Inventory pools are imported from real topologies but no generator builds anything from their
// names, so names Lync accepts and our rules reject are only warned about. Office Web Apps is
// inventory unless it is published (has an external FQDN).
bool IsInventory(const Pool& pool);
// Standard Edition, Front End, Director, Edge.
bool IsCorePool(PoolKind kind);

// `own` when the loader recorded where it was read from, else `parent` (the enclosing object).
const Origin& KnownOrigin(const Origin& own, const Origin& parent);
// Where Edge settings of `pool` were read from; the pool's origin when the loader kept none.
const Origin& EdgeOrigin(const Pool& pool);

// "front-end pool 'pool01.contoso.local'".
std::string DescribePool(const Pool& pool);

// The first character that could break out of quoting in a generated script or config (quotes,
// backslash, '$', backtick, ';', whitespace, control characters), or 0 when there is none.
char FirstUnsafeCharacter(std::string_view text);
// "a single quote", "whitespace", ...
std::string DescribeCharacter(char c);

// Checks one host-name field: reports unsafe characters (LT1160) or an invalid FQDN (LT1004, or
// the warning LT1005 when `inventory`). Empty values are the caller's business. Returns true when
// the name is a valid FQDN.
bool CheckHostName(Context& ctx, std::string_view value, const Origin& origin,
                   std::string_view field, std::string_view label, bool inventory = false);

// True for a syntactically valid IPv4 or IPv6 address.
bool IsIpAddress(std::string_view text);
// Reports LT1007 when a non-empty `value` is not an IPv4 or IPv6 address.
void CheckAddress(Context& ctx, std::string_view value, const Origin& origin,
                  std::string_view field, std::string_view label);

// The candidate closest to `wanted` by edit distance (case-insensitive) when it is close enough
// to be a plausible typo, else empty. Ties go to the smallest candidate, so output is stable.
std::string ClosestMatch(std::string_view wanted, const std::vector<std::string>& candidates);
// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates);

// The rule groups, one file each.
void CheckDeployment(Context& ctx);         // deployment.cpp: SIP domains, settings, addresses
void CheckSites(Context& ctx);              // sites.cpp: sites, proxies, branch/parent
void CheckReferences(Context& ctx);         // references.cpp: pool references
void CheckPools(Context& ctx);              // pools.cpp: SE/FE/Director rules, host names
void CheckEdge(Context& ctx);               // edge.cpp
void CheckNameClashes(Context& ctx);        // names.cpp: one name, two owners
void CheckSimpleUrls(Context& ctx);         // simple_urls.cpp
void CheckKerberos(Context& ctx);           // kerberos.cpp
void CheckCertificatePolicy(Context& ctx);  // certificates.cpp
void CheckVoiceAndReleases(Context& ctx);   // voice.cpp: Mediation trunks, SBA, Windows releases

}  // namespace lynctopo::validation
