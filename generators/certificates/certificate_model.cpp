#include "generators/certificates/certificate_model.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

namespace lynctopo {

const char* ToString(CertificateRole role) {
  switch (role) {
    case CertificateRole::kStandardEdition:
      return "standard-edition";
    case CertificateRole::kFrontEnd:
      return "front-end";
    case CertificateRole::kDirector:
      return "director";
    case CertificateRole::kEdgeInternal:
      return "edge-internal";
    case CertificateRole::kEdgeExternal:
      return "edge-external";
    case CertificateRole::kReverseProxy:
      return "reverse-proxy";
    case CertificateRole::kOAuth:
      return "oauth";
    case CertificateRole::kSurvivableBranch:
      return "survivable-branch";
    case CertificateRole::kMediation:
      return "mediation";
    case CertificateRole::kPersistentChat:
      return "persistent-chat";
    case CertificateRole::kOfficeWebApps:
      return "office-web-apps";
  }
  return "unknown";
}

bool Parse(std::string_view text, CertificateRole* out) {
  static constexpr CertificateRole kAll[] = {
      CertificateRole::kStandardEdition, CertificateRole::kFrontEnd,
      CertificateRole::kDirector,        CertificateRole::kEdgeInternal,
      CertificateRole::kEdgeExternal,    CertificateRole::kReverseProxy,
      CertificateRole::kOAuth,           CertificateRole::kSurvivableBranch,
      CertificateRole::kMediation,       CertificateRole::kPersistentChat,
      CertificateRole::kOfficeWebApps,
  };
  for (CertificateRole role : kAll) {
    if (text == ToString(role)) {
      *out = role;
      return true;
    }
  }
  return false;
}

const PlannedCertificate* CertificateSet::Find(std::string_view id) const {
  for (const PlannedCertificate& cert : certificates) {
    if (cert.id == id) return &cert;
  }
  return nullptr;
}

bool IsWildcard(std::string_view name) {
  return name.starts_with("*.");
}

bool SanCovers(std::string_view san, std::string_view host) {
  if (san == host) return true;
  if (!IsWildcard(san)) return false;
  // "*.contoso.com" covers exactly one extra label: "meet.contoso.com", not "a.b.contoso.com".
  std::string_view domain = san.substr(1);  // ".contoso.com"
  if (host.size() <= domain.size() || !host.ends_with(domain)) return false;
  std::string_view label = host.substr(0, host.size() - domain.size());
  return label.find('.') == std::string_view::npos;
}

SanIndex::SanIndex(const std::vector<std::string>& sans)
    : SanIndex(std::vector<std::string_view>(sans.begin(), sans.end())) {}

SanIndex::SanIndex(const SharedNames& sans)
    : SanIndex([&sans] {
        std::vector<std::string_view> views;
        views.reserve(sans.size());
        for (const SharedName& name : sans) views.push_back(name.str());
        return views;
      }()) {}

SanIndex::SanIndex(std::vector<std::string_view> sans) : exact_(std::move(sans)) {
  for (std::string_view san : exact_) {
    if (IsWildcard(san)) wildcard_domains_.push_back(san.substr(1));
  }
  std::sort(exact_.begin(), exact_.end());
  std::sort(wildcard_domains_.begin(), wildcard_domains_.end());
}

bool SanIndex::Covers(std::string_view host) const {
  if (std::binary_search(exact_.begin(), exact_.end(), host)) return true;
  // A wildcard covers a host whose first label is non-empty and whose rest is its domain.
  size_t dot = host.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  return std::binary_search(wildcard_domains_.begin(), wildcard_domains_.end(), host.substr(dot));
}

namespace {

constexpr const char* kUseDefault = "Default";
constexpr const char* kUseWebInternal = "WebServicesInternal";
constexpr const char* kUseWebExternal = "WebServicesExternal";

// The plan's names, indexed once so every look-up below is a map access, not a scan.
class NameIndex {
 public:
  explicit NameIndex(const Plan& plan) {
    for (const PlannedName& name : plan.names) {
      by_role_[{name.role, name.view}].push_back(&name);
      if (name.view == View::kExternal) external_roles_[name.fqdn.str()].insert(name.role);
    }
  }

  const std::vector<const PlannedName*>& Get(NameRole role, View view) const {
    static const std::vector<const PlannedName*> kNone;
    auto it = by_role_.find({role, view});
    return it == by_role_.end() ? kNone : it->second;
  }

  // Every distinct FQDN of `role` in `view`, optionally only those leading to `pool`.
  std::vector<std::string> Fqdns(NameRole role, View view, std::string_view pool = {}) const {
    std::vector<std::string> out;
    for (const PlannedName* name : Get(role, view)) {
      if (!pool.empty() && name->pool != pool) continue;
      out.push_back(name->fqdn.str());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  bool HasExternalRole(const std::string& fqdn, NameRole role) const {
    auto it = external_roles_.find(fqdn);
    return it != external_roles_.end() && it->second.contains(role);
  }

 private:
  std::map<std::pair<NameRole, View>, std::vector<const PlannedName*>> by_role_;
  std::unordered_map<std::string, std::set<NameRole>> external_roles_;
};

// A SAN list under construction: sorted, unique, and remembering which names A.12 lets us
// replace by a wildcard.
class SanList {
 public:
  void Add(const std::string& name, bool wildcardable = false) {
    if (name.empty()) return;
    names_.insert(name);
    if (wildcardable) wildcardable_.insert(name);
  }
  void AddAll(const std::vector<std::string>& names, bool wildcardable = false) {
    for (const std::string& name : names) Add(name, wildcardable);
  }
  void Merge(const SanList& other) {
    names_.insert(other.names_.begin(), other.names_.end());
    wildcardable_.insert(other.wildcardable_.begin(), other.wildcardable_.end());
  }

  // The final list. With `use_wildcards`, each wildcardable name is replaced by "*.<parent>"
  // (kept explicit when it is the subject or its parent is a top-level domain).
  SharedNames Build(const std::string& subject, bool use_wildcards) const {
    std::set<std::string> out;
    for (const std::string& name : names_) {
      if (use_wildcards && name != subject && wildcardable_.contains(name)) {
        size_t dot = name.find('.');
        std::string parent = name.substr(dot + 1);
        if (dot != std::string::npos && parent.find('.') != std::string::npos) {
          out.insert("*." + parent);
          continue;
        }
      }
      out.insert(name);
    }
    if (!subject.empty()) out.insert(subject);
    return {out.begin(), out.end()};
  }

  // What Build(subject, use_wildcards) gives for this list with `name` added (not
  // wildcardable), from `built`, that list's own Build with the same arguments: each server of a
  // pool adds its FQDN to the pool's names, and building the pool's sets again per server was
  // most of the certificate model's time.
  SharedNames BuiltWith(const SharedNames& built, const std::string& name) const {
    // Build had it already when the list holds it.
    auto before = [](const SharedName& a, const std::string& b) { return a.str() < b; };
    auto at = std::lower_bound(built.begin(), built.end(), name, before);
    bool add = !name.empty() && !names_.contains(name) && (at == built.end() || *at != name);
    if (!add) at = built.end();
    SharedNames out;
    out.reserve(built.size() + (add ? 1 : 0));  // exactly, as Build's copy of its set was
    out.insert(out.end(), built.begin(), at);
    if (add) out.push_back(name);
    out.insert(out.end(), at, built.end());
    return out;
  }

 private:
  std::set<std::string> names_;
  std::set<std::string> wildcardable_;
};

CertificateRole RoleOfIisPool(PoolKind kind) {
  switch (kind) {
    case PoolKind::kStandardEdition:
      return CertificateRole::kStandardEdition;
    case PoolKind::kDirector:
      return CertificateRole::kDirector;
    default:
      return CertificateRole::kFrontEnd;
  }
}

// Lower-case letters, digits, '.', '-' only: ids double as file names.
std::string SafeId(std::string_view text) {
  std::string out;
  for (char c : text) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.' ||
              lower == '-';
    out += ok ? lower : '-';
  }
  return out.empty() ? std::string("unnamed") : out;
}

class Builder {
 public:
  Builder(const Plan& plan, Diagnostics& diagnostics)
      : plan_(plan), diagnostics_(diagnostics), names_(plan) {
    static const CertificatePolicy kDefaults;
    policy_ = plan.topology ? &plan.topology->certificates : &kDefaults;
    // Key size, hash and max_sans are validated with the topology (LT112x).
    if (plan.topology) file_ = plan.topology->source_file;
  }

  CertificateSet Build() {
    CertificateSet set;
    for (const PlannedPool& pool : plan_.pools) {
      if (RunsIis(pool.kind)) {
        AddIisPool(pool, set);
      } else if (pool.kind == PoolKind::kEdge) {
        AddEdgePool(pool, set);
      } else if (pool.kind == PoolKind::kMediation) {
        AddMediationPool(pool, set);
      } else if (pool.kind == PoolKind::kSurvivableBranch) {
        AddBranchAppliance(pool, set);
      } else if (pool.kind == PoolKind::kPersistentChat) {
        AddPersistentChatPool(pool, set);
      } else if (pool.kind == PoolKind::kOfficeWebApps) {
        AddOfficeWebAppsFarm(pool, set);
      }
    }
    for (const PlannedProxy& proxy : plan_.proxies) AddProxy(proxy, set);
    AddOAuth(set);
    return ApplySanLimit(std::move(set));
  }

 private:
  PlannedCertificate Base(CertificateRole role, std::string id) const {
    PlannedCertificate cert;
    cert.role = role;
    cert.id = std::move(id);
    cert.key_bits = policy_->key_bits;
    cert.hash = ToLower(policy_->hash);
    cert.ca = policy_->internal_ca;
    cert.eku = {kServerAuthEku};
    return cert;
  }

  // Simple URLs that apply at `site`: its own site-scoped set when it has one, else the global
  // ones (F20: a site scopes all of them or none).
  std::vector<const PlannedSimpleUrl*> SimpleUrlsFor(const std::string& site) const {
    std::vector<const PlannedSimpleUrl*> scoped, global;
    for (const PlannedSimpleUrl& url : plan_.simple_urls) {
      if (url.site.empty()) {
        global.push_back(&url);
      } else if (url.site == site) {
        scoped.push_back(&url);
      }
    }
    return scoped.empty() ? global : scoped;
  }

  // Names shared by every server certificate of one IIS pool, split by use (A.3–A.6).
  struct PoolNames {
    SanList default_use;
    SanList web_internal;
    SanList web_external;
  };

  PoolNames NamesOfPool(const PlannedPool& pool) const {
    PoolNames names;
    const std::string& fqdn = pool.fqdn.str();
    names.default_use.Add(fqdn);
    if (policy_->sip_names_on_default) {
      // sip.<domain> on the automatic sign-in target only (A.3–A.5, strict DNS matching).
      names.default_use.AddAll(names_.Fqdns(NameRole::kSipDomain, View::kInternal, fqdn));
    }
    names.web_internal.Add(fqdn);
    names.web_internal.Add(pool.internal_web_fqdn.str());
    names.web_external.Add(pool.external_web_fqdn.str());
    for (const PlannedSimpleUrl* url : SimpleUrlsFor(pool.site)) {
      // Every simple URL internally (Admin included, call 3); Meet and Dialin externally.
      names.web_internal.Add(url->host.str(), true);
      if (url->kind != SimpleUrlKind::kAdmin) names.web_external.Add(url->host.str(), true);
    }
    // A.6: both autodiscover names on every SE / FE / Director certificate, whatever port the
    // proxy publishes lyncdiscover on (call 9 only changes the proxy certificate).
    names.web_internal.AddAll(names_.Fqdns(NameRole::kLyncDiscoverInternal, View::kInternal), true);
    names.web_external.AddAll(names_.Fqdns(NameRole::kLyncDiscover, View::kExternal), true);
    return names;
  }

  void AddIisPool(const PlannedPool& pool, CertificateSet& set) {
    PoolNames names = NamesOfPool(pool);
    const std::string& subject = pool.fqdn.str();
    bool wildcards = policy_->wildcard_simple_urls;
    // Each use's list built once for the pool; a server's certificate is it plus the server.
    struct Use {
      const SanList* sans;
      SharedNames built;
    };
    SanList all = names.default_use;
    all.Merge(names.web_internal);
    all.Merge(names.web_external);
    auto use = [&](const SanList& sans) { return Use{&sans, sans.Build(subject, wildcards)}; };
    const bool separate = policy_->separate_web_certificates;
    const Use default_use = use(separate ? names.default_use : all);
    const Use web_internal = separate ? use(names.web_internal) : Use{};
    const Use web_external = separate ? use(names.web_external) : Use{};
    for (const PlannedServer& server : pool.servers) {
      const std::string& host = server.fqdn.str();
      auto make = [&](std::string suffix, std::vector<std::string> uses, const Use& sans) {
        PlannedCertificate cert = Base(RoleOfIisPool(pool.kind), SafeId(host) + "-" + suffix);
        cert.uses = std::move(uses);
        cert.site = pool.site;
        cert.pool = pool.fqdn.str();
        cert.server = host;
        cert.install_on = {host};
        cert.subject = subject;
        cert.wildcards_allowed = true;
        // The server's own FQDN on every use (A.3–A.5).
        cert.sans = sans.sans->BuiltWith(sans.built, host);
        set.certificates.push_back(std::move(cert));
      };
      if (separate) {
        make("default", {kUseDefault}, default_use);
        make("web-internal", {kUseWebInternal}, web_internal);
        make("web-external", {kUseWebExternal}, web_external);
      } else {
        make("default", {kUseDefault, kUseWebInternal, kUseWebExternal}, default_use);
      }
    }
  }

  // One Default certificate per member server of a pool whose certificates are all alike:
  // subject and SANs as `names` gives them for that server.
  template <typename Names>
  void AddDefaultPerServer(const PlannedPool& pool, CertificateRole role, Names names,
                           CertificateSet& set) {
    for (const PlannedServer& server : pool.servers) {
      const std::string& host = server.fqdn.str();
      PlannedCertificate cert = Base(role, SafeId(host) + "-default");
      cert.uses = {kUseDefault};
      cert.site = pool.site;
      cert.pool = pool.fqdn.str();
      cert.server = host;
      cert.install_on = {host};
      SanList sans;
      cert.subject = names(host, sans);
      cert.sans = sans.Build(cert.subject, false);
      set.certificates.push_back(std::move(cert));
    }
  }

  // lync-server-2013-certificate-requirements-for-internal-servers, stand-alone Mediation
  // Server: subject = pool FQDN; SANs = pool FQDN and the member's FQDN.
  void AddMediationPool(const PlannedPool& pool, CertificateSet& set) {
    const std::string& fqdn = pool.fqdn.str();
    AddDefaultPerServer(
        pool, CertificateRole::kMediation,
        [&](const std::string& host, SanList& sans) {
          sans.Add(fqdn);
          sans.Add(host);
          return fqdn;
        },
        set);
  }

  // Same page, Survivable Branch Appliance: subject = the appliance FQDN; one SAN
  // sip.<sipdomain> per SIP domain, taken from the plan's sip.<domain> names (both views: the
  // same names, whichever view the plan lists them in). The subject is repeated as a SAN like on
  // every other certificate here: clients that read only SANs still find the appliance.
  void AddBranchAppliance(const PlannedPool& pool, CertificateSet& set) {
    std::vector<std::string> sip = names_.Fqdns(NameRole::kSipDomain, View::kInternal);
    std::vector<std::string> external = names_.Fqdns(NameRole::kSipDomain, View::kExternal);
    sip.insert(sip.end(), external.begin(), external.end());
    AddDefaultPerServer(
        pool, CertificateRole::kSurvivableBranch,
        [&](const std::string& host, SanList& sans) {
          sans.AddAll(sip);
          return host;
        },
        set);
  }

  // lync-server-2013-certificate-requirements-for-persistent-chat-server asks only for a
  // certificate from the internal servers' CA on each server running the File Upload/Download
  // web service, with no name table: we plan subject = server FQDN, SANs = server and pool FQDN
  // (docs/certificates.md).
  void AddPersistentChatPool(const PlannedPool& pool, CertificateSet& set) {
    const std::string& fqdn = pool.fqdn.str();
    AddDefaultPerServer(
        pool, CertificateRole::kPersistentChat,
        [&](const std::string& host, SanList& sans) {
          sans.Add(fqdn);
          sans.Add(host);
          return host;
        },
        set);
  }

  // The farm's one web certificate (same certificate, same friendly name on every farm server).
  // The reverse proxy re-encrypts to the farm and forwards the original host header
  // (lync-server-2013-publishing-office-web-apps-server-using-a-reverse-proxy-server), so the
  // certificate carries the internal farm FQDN and the external FQDN the proxy publishes.
  void AddOfficeWebAppsFarm(const PlannedPool& pool, CertificateSet& set) {
    if (pool.servers.empty()) return;
    const std::string& fqdn = pool.fqdn.str();
    PlannedCertificate cert = Base(CertificateRole::kOfficeWebApps, SafeId(fqdn) + "-farm");
    cert.site = pool.site;
    cert.pool = fqdn;
    for (const PlannedServer& server : pool.servers) cert.install_on.push_back(server.fqdn.str());
    cert.subject = fqdn;
    cert.exportable_key = true;  // requested once, copied to every farm server
    SanList sans;
    sans.Add(fqdn);
    sans.Add(pool.external_web_fqdn.str());
    cert.sans = sans.Build(fqdn, false);
    set.certificates.push_back(std::move(cert));
  }

  // The Edge pool that carries the XMPP names: the one the plan points xmpp.<domain> at, else
  // the one flagged for XMPP, else the federation Edge, else the first.
  const PlannedPool* XmppEdge() const {
    std::vector<const PlannedPool*> edges;
    for (const PlannedPool& pool : plan_.pools) {
      if (pool.kind == PoolKind::kEdge) edges.push_back(&pool);
    }
    if (edges.empty()) return nullptr;
    for (const PlannedName* name : names_.Get(NameRole::kXmpp, View::kExternal)) {
      for (const PlannedPool* edge : edges) {
        if (edge->fqdn.str() == name->pool) return edge;
      }
    }
    for (const PlannedPool* edge : edges) {
      if (edge->source && edge->source->edge.xmpp) return edge;
    }
    for (const PlannedPool* edge : edges) {
      if (edge->source && edge->source->edge.federation) return edge;
    }
    return edges.front();
  }

  // External Edge names of one Edge pool: those the plan leads to the pool, else the plan's
  // name equal to the FQDN the topology gives for that service.
  std::vector<std::string> EdgeNames(NameRole role, const PlannedPool& pool) const {
    std::vector<std::string> out = names_.Fqdns(role, View::kExternal, pool.fqdn.str());
    if (!out.empty() || !pool.source) return out;
    const EdgeSettings& edge = pool.source->edge;
    std::string wanted =
        ToLower(role == NameRole::kAccessEdge ? edge.access_fqdn : edge.web_conferencing_fqdn);
    for (const std::string& name : names_.Fqdns(role, View::kExternal)) {
      if (name == wanted) out.push_back(name);
    }
    return out;
  }

  void AddEdgePool(const PlannedPool& pool, CertificateSet& set) {
    const std::string& fqdn = pool.fqdn.str();
    std::vector<std::string> servers;
    for (const PlannedServer& server : pool.servers) servers.push_back(server.fqdn.str());

    // Internal interface: subject = Edge pool internal FQDN, no other SAN (A.7, C11–C14).
    PlannedCertificate internal = Base(CertificateRole::kEdgeInternal, SafeId(fqdn) + "-internal");
    internal.uses = {"Internal"};
    internal.site = pool.site;
    internal.pool = fqdn;
    internal.install_on = servers;
    internal.subject = fqdn;
    internal.sans = {fqdn};
    internal.exportable_key = true;     // requested once, copied to every member
    internal.wildcards_allowed = true;  // tolerated as an extra SAN (A.12); we never add one
    set.certificates.push_back(std::move(internal));

    // External interface: Access Edge subject, Web Conferencing and sip.<domain> SANs, never the
    // A/V name (the A/V Authentication service ignores names), XMPP names when enabled.
    std::vector<std::string> access = EdgeNames(NameRole::kAccessEdge, pool);
    if (access.empty()) {
      diagnostics_.Error("LT5012", file_, pool.source ? pool.source->origin.loc : SourceLoc{},
                         fmt::format("Edge pool {} has no Access Edge external FQDN in the plan; "
                                     "its external certificate cannot be planned",
                                     fqdn));
      return;
    }
    PlannedCertificate external = Base(CertificateRole::kEdgeExternal, SafeId(fqdn) + "-external");
    external.uses = {"AccessEdgeExternal", "DataEdgeExternal", "AudioVideoAuthentication"};
    external.site = pool.site;
    external.pool = fqdn;
    external.install_on = servers;
    external.subject = access.front();
    external.ca = CaKind::kPublic;
    external.exportable_key = true;  // A/V Authentication: same key on every Edge server
    SanList sans;
    sans.AddAll(access);
    sans.AddAll(EdgeNames(NameRole::kWebConferencingEdge, pool));
    sans.AddAll(names_.Fqdns(NameRole::kSipDomain, View::kExternal));
    if (XmppEdge() == &pool) {
      std::vector<std::string> xmpp = names_.Fqdns(NameRole::kXmpp, View::kExternal);
      sans.AddAll(xmpp);
      if (!xmpp.empty()) {
        // A.7 DERIVED: the XMPP domains themselves (default: every SIP domain).
        const auto& chosen =
            plan_.topology ? plan_.topology->federation.xmpp_domains : std::vector<std::string>{};
        if (!chosen.empty()) {
          for (const std::string& domain : chosen) sans.Add(ToLower(domain));
        } else {
          for (const Fqdn& domain : plan_.sip_domains) sans.Add(domain.str());
        }
      }
    }
    external.sans = sans.Build(external.subject, false);
    set.certificates.push_back(std::move(external));
  }

  void AddProxy(const PlannedProxy& proxy, CertificateSet& set) {
    bool lyncdiscover_on_80 = plan_.topology && plan_.topology->mobility.lyncdiscover_over_http;
    SanList sans;
    std::set<std::string> published;
    for (const Fqdn& host : proxy.public_hosts) {
      const std::string& name = host.str();
      // Admin is internal only (call 3); lyncdiscover on port 80 needs no certificate (call 9).
      if (names_.HasExternalRole(name, NameRole::kAdmin)) continue;
      bool is_lyncdiscover = names_.HasExternalRole(name, NameRole::kLyncDiscover);
      if (is_lyncdiscover && lyncdiscover_on_80) continue;
      bool wildcardable = is_lyncdiscover || names_.HasExternalRole(name, NameRole::kMeet) ||
                          names_.HasExternalRole(name, NameRole::kDialin);
      sans.Add(name, wildcardable);
      published.insert(name);
    }
    if (published.empty()) {
      diagnostics_.Warning("LT5013", file_, {},
                           fmt::format("reverse proxy '{}' publishes no host name; no "
                                       "certificate planned for it",
                                       proxy.name));
      return;
    }
    // Subject: the external web FQDN of the first SE / FE pool it publishes, else of the first
    // Director, else its first published name (A.11).
    std::string subject;
    for (bool directors : {false, true}) {
      for (const PlannedPool& pool : plan_.pools) {
        if (!subject.empty()) break;
        if (!RunsIis(pool.kind) || (pool.kind == PoolKind::kDirector) != directors) continue;
        if (pool.publishing_proxy == proxy.name && published.contains(pool.external_web_fqdn.str()))
          subject = pool.external_web_fqdn.str();
      }
    }
    if (subject.empty()) subject = *published.begin();

    PlannedCertificate cert =
        Base(CertificateRole::kReverseProxy, ReverseProxyCertificateId(proxy.name));
    cert.site = proxy.site;
    cert.install_on = {proxy.name};
    cert.subject = subject;
    cert.ca = CaKind::kPublic;
    cert.exportable_key = true;                   // made off-box (CSR) or shared by a proxy farm
    cert.eku = {kServerAuthEku, kClientAuthEku};  // what the C20 CSR procedure requests
    cert.wildcards_allowed = true;
    cert.sans = sans.Build(subject, policy_->wildcard_simple_urls);
    if (set.Find(cert.id)) cert.id = fmt::format("{}-{}", cert.id, set.certificates.size());
    set.certificates.push_back(std::move(cert));
  }

  // The organisation's sign-in / simple URL pool: what internal sip.<domain> leads to, else the
  // global simple URLs' target, else the first SE / FE / Director pool.
  const PlannedPool* OrganisationPool() const {
    for (const PlannedName* name : names_.Get(NameRole::kSipDomain, View::kInternal)) {
      if (const PlannedPool* pool = plan_.FindPool(name->pool); pool && RunsIis(pool->kind))
        return pool;
    }
    for (const PlannedSimpleUrl& url : plan_.simple_urls) {
      if (!url.site.empty()) continue;
      if (const PlannedPool* pool = plan_.FindPool(url.target_pool); pool && RunsIis(pool->kind))
        return pool;
    }
    for (const PlannedPool& pool : plan_.pools) {
      if (RunsIis(pool.kind)) return &pool;
    }
    return nullptr;
  }

  // The Front End pool the OAuthTokenIssuer certificate is requested and assigned from: the
  // organisation pool when it is a Standard Edition / Front End pool, else the first such pool
  // (a Director is never where it is assigned).
  const PlannedPool* OAuthPool() const {
    auto front_end = [](const PlannedPool* pool) {
      return pool &&
             (pool->kind == PoolKind::kStandardEdition || pool->kind == PoolKind::kFrontEnd) &&
             !pool->servers.empty();
    };
    if (const PlannedPool* org = OrganisationPool(); front_end(org)) return org;
    for (const PlannedPool& pool : plan_.pools) {
      if (front_end(&pool)) return &pool;
    }
    return nullptr;
  }

  // One global OAuthTokenIssuer certificate, as "Assigning a server-to-server authentication
  // certificate to Microsoft Lync Server 2013" describes: a web server certificate with the SIP
  // domain in its subject, at least 2048 bits, assigned once (-Identity global) from one Front
  // End Server; Lync's replication then deploys it to every Front End Server.
  void AddOAuth(CertificateSet& set) {
    const PlannedPool* pool = OAuthPool();
    if (!pool || plan_.sip_domains.empty()) {
      if (!plan_.pools.empty()) {
        diagnostics_.Warning("LT5020", file_, {},
                             "no Standard Edition or Front End pool: no OAuthTokenIssuer "
                             "certificate planned");
      }
      return;
    }
    PlannedCertificate cert = Base(CertificateRole::kOAuth, "oauth");
    cert.uses = {"OAuthTokenIssuer"};
    cert.site = pool->site;
    cert.pool = pool->fqdn.str();
    cert.subject = plan_.sip_domains.front().str();
    cert.key_bits = std::max(2048, policy_->key_bits);
    cert.exportable_key = true;  // replicated to every Front End Server
    std::set<std::string> servers;
    for (const PlannedPool& p : plan_.pools) {
      if (p.kind != PoolKind::kStandardEdition && p.kind != PoolKind::kFrontEnd) continue;
      for (const PlannedServer& server : p.servers) servers.insert(server.fqdn.str());
    }
    cert.install_on.assign(servers.begin(), servers.end());
    set.certificates.push_back(std::move(cert));
  }

  // max_sans: warn, or split into parts that cover every name exactly once (part 1 keeps the
  // id, the subject and the Lync uses; part N's subject is its first explicit name).
  CertificateSet ApplySanLimit(CertificateSet set) {
    size_t limit = static_cast<size_t>(std::max(2, policy_->max_sans));
    CertificateSet out;
    for (PlannedCertificate& cert : set.certificates) {
      if (cert.sans.size() <= limit) {
        out.certificates.push_back(std::move(cert));
        continue;
      }
      if (!policy_->split_over_max_sans) {
        diagnostics_.Warning(
            "LT5010", file_, policy_->origin.Field("max_sans"),
            fmt::format("certificate {} needs {} names, more than max_sans {}; a CA may refuse "
                        "it (set split_over_max_sans to plan a split)",
                        cert.id, cert.sans.size(), limit));
        out.certificates.push_back(std::move(cert));
        continue;
      }
      // The names leave `cert` before it is copied into each part: copying the full list into
      // every one of (names / limit) parts made the split quadratic in the SIP domains.
      const size_t needed = cert.sans.size();
      SharedNames rest;
      rest.reserve(needed);
      for (const SharedName& san : cert.sans) {
        if (san != cert.subject) rest.push_back(san);
      }
      cert.sans.clear();
      cert.sans.shrink_to_fit();
      std::vector<PlannedCertificate> parts;
      size_t next = 0;
      PlannedCertificate first = cert;
      first.sans = {cert.subject};
      while (first.sans.size() < limit && next < rest.size()) first.sans.push_back(rest[next++]);
      std::sort(first.sans.begin(), first.sans.end());
      parts.push_back(std::move(first));
      while (next < rest.size()) {
        PlannedCertificate part = cert;
        part.id = fmt::format("{}-part{}", cert.id, parts.size() + 1);
        part.sans.assign(rest.begin() + next, rest.begin() + std::min(rest.size(), next + limit));
        next += part.sans.size();
        part.subject.clear();
        for (const std::string& san : part.sans) {
          if (!IsWildcard(san)) {
            part.subject = san;
            break;
          }
        }
        if (part.subject.empty()) {
          // Only wildcards left: the original subject is repeated (never a wildcard subject).
          part.subject = cert.subject;
          part.sans.push_back(cert.subject);
        }
        std::sort(part.sans.begin(), part.sans.end());
        parts.push_back(std::move(part));
      }
      diagnostics_.Note("LT5011", file_, policy_->origin.Field("max_sans"),
                        fmt::format("certificate {} needs {} names, more than max_sans {}; "
                                    "planned as {} certificates",
                                    cert.id, needed, limit, parts.size()));
      for (size_t i = 0; i < parts.size(); ++i) {
        parts[i].split_of = cert.id;
        parts[i].part = static_cast<int>(i + 1);
        parts[i].parts = static_cast<int>(parts.size());
        out.certificates.push_back(std::move(parts[i]));
      }
    }
    return out;
  }

  const Plan& plan_;
  Diagnostics& diagnostics_;
  NameIndex names_;
  const CertificatePolicy* policy_ = nullptr;
  std::string file_;
};

}  // namespace

CertificateSet BuildCertificates(const Plan& plan, Diagnostics& diagnostics) {
  return Builder(plan, diagnostics).Build();
}

std::string ReverseProxyCertificateId(std::string_view proxy_name) {
  return "proxy-" + SafeId(proxy_name);
}

}  // namespace lynctopo
