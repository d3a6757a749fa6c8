// One name, two owners: every host name the generators publish (pool, server, web services,
// Edge external and reverse proxy names) must belong to one thing only (F5, F6, F8, F9, F14).
// Inventory pools are left out: Lync collocates them (a file store on the Standard Edition
// server) and nothing is generated from their names.

#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

enum class Role {
  kPool,
  kServer,
  kInternalWeb,
  kExternalWeb,
  kAccessEdge,
  kWebConferencingEdge,
  kAudioVideoEdge,
  kReverseProxy,
};

const char* RoleName(Role role) {
  switch (role) {
    case Role::kPool:
      return "pool FQDN";
    case Role::kServer:
      return "server FQDN";
    case Role::kInternalWeb:
      return "internal web FQDN";
    case Role::kExternalWeb:
      return "external web FQDN";
    case Role::kAccessEdge:
      return "access edge FQDN";
    case Role::kWebConferencingEdge:
      return "web conferencing edge FQDN";
    case Role::kAudioVideoEdge:
      return "audio/video edge FQDN";
    case Role::kReverseProxy:
      return "reverse proxy FQDN";
  }
  return "FQDN";
}

bool IsEdgeExternal(Role role) {
  return role == Role::kAccessEdge || role == Role::kWebConferencingEdge ||
         role == Role::kAudioVideoEdge;
}

bool IsMachine(Role role) {
  return role == Role::kPool || role == Role::kServer;
}

struct NameUse {
  Role role;
  std::string value;
  const Pool* pool = nullptr;  // owner, or
  const ReverseProxy* proxy = nullptr;
  const Origin* origin = nullptr;
  const char* field = "";
  bool serves_internal_web = false;  // a pool FQDN that is also its internal web FQDN
};

// A pool without an internal web override serves internal web services on its own FQDN, so an
// external web FQDN equal to it breaks F8 like an override would.
Role EffectiveRole(const NameUse& use, const NameUse& other) {
  if (use.serves_internal_web && other.role == Role::kExternalWeb) return Role::kInternalWeb;
  return use.role;
}

std::string Owner(const NameUse& use) {
  if (use.pool) return DescribePool(*use.pool);
  return fmt::format("reverse proxy '{}'", use.proxy->name);
}

// Sharing a name is fine within one pool in two cases: a single-machine pool is named after its
// server (Standard Edition must be, F4), and an Edge pool may use one external FQDN for all three
// services ("single FQDN and IP", F14; the ports rule is checked elsewhere).
bool MayShare(const NameUse& a, const NameUse& b) {
  if (!a.pool || a.pool != b.pool) return false;
  if (IsMachine(a.role) && IsMachine(b.role) && a.role != b.role) {
    return a.pool->servers.size() == 1 || a.pool->kind == PoolKind::kStandardEdition;
  }
  return IsEdgeExternal(a.role) && IsEdgeExternal(b.role);
}

const char* CodeFor(Role a, Role b) {
  if (IsMachine(a) && IsMachine(b)) return "LT1060";
  if (a == Role::kExternalWeb && b == Role::kExternalWeb) return "LT1061";
  if (a == Role::kInternalWeb && b == Role::kInternalWeb) return "LT1062";
  if ((a == Role::kInternalWeb && b == Role::kExternalWeb) ||
      (a == Role::kExternalWeb && b == Role::kInternalWeb)) {
    return "LT1063";
  }
  return "LT1064";
}

std::vector<NameUse> CollectNames(const Context& ctx) {
  std::vector<NameUse> uses;
  auto add = [&uses](Role role, const std::string& value, const Pool* pool,
                     const ReverseProxy* proxy, const Origin& origin, const char* field) {
    if (!value.empty()) uses.push_back({role, value, pool, proxy, &origin, field});
  };
  for (const Site& site : ctx.topology.sites) {
    for (const Pool& pool : site.pools) {
      if (IsInventory(pool)) continue;
      add(Role::kPool, pool.fqdn, &pool, nullptr, pool.origin, "fqdn");
      bool overridden =
          !pool.internal_web_fqdn.empty() && ToLower(pool.internal_web_fqdn) != ToLower(pool.fqdn);
      // A pool without an FQDN added nothing (LT0107 reports it): no entry to mark.
      if (RunsIis(pool.kind) && !overridden && !pool.fqdn.empty()) {
        uses.back().serves_internal_web = true;
      }
      for (const Server& server : pool.servers) {
        add(Role::kServer, server.fqdn, &pool, nullptr, server.origin, "fqdn");
      }
      // An "override" naming the pool itself is no override (F7 judges that case).
      if (overridden) {
        add(Role::kInternalWeb, pool.internal_web_fqdn, &pool, nullptr, pool.origin,
            "internal_web_fqdn");
      }
      add(Role::kExternalWeb, pool.external_web_fqdn, &pool, nullptr, pool.origin,
          "external_web_fqdn");
      if (pool.kind == PoolKind::kEdge) {
        const Origin& edge = EdgeOrigin(pool);
        add(Role::kAccessEdge, pool.edge.access_fqdn, &pool, nullptr, edge, "access_fqdn");
        add(Role::kWebConferencingEdge, pool.edge.web_conferencing_fqdn, &pool, nullptr, edge,
            "web_conferencing_fqdn");
        add(Role::kAudioVideoEdge, pool.edge.audio_video_fqdn, &pool, nullptr, edge,
            "audio_video_fqdn");
      }
    }
    for (const ReverseProxy& proxy : site.reverse_proxies) {
      add(Role::kReverseProxy, proxy.fqdn, nullptr, &proxy, proxy.origin, "fqdn");
    }
  }
  return uses;
}

// Topology Builder accepts one name for both sites; what breaks is Mobility (technical
// requirements for mobility in the Lync Server 2013 documentation).
constexpr std::string_view kSharedWebNameImpact =
    ": mobile clients inside the network would reach the internal site, and Mobility and "
    "Autodiscover need distinct internal and external web FQDNs (the internal one resolving "
    "only inside, the external one only on the Internet)";

std::string ClashMessage(const NameUse& use, const NameUse& other) {
  Role role = EffectiveRole(use, other);
  Role other_role = EffectiveRole(other, use);
  if (role == other_role) {
    if (use.pool == other.pool && use.proxy == other.proxy) {
      return fmt::format("{} '{}' appears twice in {}", RoleName(role), use.value, Owner(use));
    }
    return fmt::format("{} '{}' is also used by {}", RoleName(role), use.value, Owner(other));
  }
  return fmt::format("{} '{}' is also the {} of {}", RoleName(role), use.value,
                     RoleName(other_role), Owner(other));
}

}  // namespace

void CheckNameClashes(Context& ctx) {
  std::vector<NameUse> uses = CollectNames(ctx);
  // Lower-cased name -> indexes into `uses`, in input order.
  std::unordered_map<std::string, std::vector<size_t>> by_name;
  std::vector<size_t> rank(uses.size());
  for (size_t i = 0; i < uses.size(); ++i) {
    auto& group = by_name[ToLower(uses[i].value)];
    rank[i] = group.size();
    group.push_back(i);
  }
  for (size_t i = 0; i < uses.size(); ++i) {
    if (rank[i] == 0) continue;
    const auto& group = by_name[ToLower(uses[i].value)];
    // Report against the first earlier use it may not share with. Earlier uses it may share
    // with belong to the same pool, so this scan stays short.
    for (size_t k = 0; k < rank[i]; ++k) {
      const NameUse& other = uses[group[k]];
      if (MayShare(other, uses[i])) continue;
      std::string code = CodeFor(EffectiveRole(uses[i], other), EffectiveRole(other, uses[i]));
      std::string message = ClashMessage(uses[i], other);
      if (code == "LT1063") message += kSharedWebNameImpact;
      ctx.Report(std::move(code), *uses[i].origin, uses[i].field, std::move(message));
      break;
    }
  }
}

}  // namespace lynctopo::validation
