#pragma once

// The reverse-proxy rule model (spec §C.6): one publishing rule per published (host, port), read
// from the plan's published endpoints. Every product renderer (TMG, ARR, nginx, HAProxy) and the
// consistency check work from this, never from rendered text.

#include <span>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// What a published name is for (rules.json `purpose`).
inline constexpr const char* kPurposeExternalWeb = "external-web";
inline constexpr const char* kPurposeMeet = "meet";
inline constexpr const char* kPurposeDialin = "dialin";
inline constexpr const char* kPurposeLyncDiscover = "lyncdiscover";
inline constexpr const char* kPurposeOfficeWebApps = "office-web-apps";

// Reverse proxy timeout (call 7): above the 900 s Office 365 push-notification timeout.
inline constexpr int kDefaultProxyTimeoutSeconds = 960;

struct ProxyRule {
  std::string name;   // unique per proxy: "<public host>-<listen port>"
  std::string proxy;  // reverse proxy name (PlannedProxy::name)
  Fqdn public_host;
  int listen_port = 443;
  bool listen_tls = true;    // 443: TLS listener with `certificate`; 80: plain HTTP
  std::string backend_host;  // from the plan; an FQDN (or an address where the plan says so)
  int backend_port = 4443;
  std::string path = "/*";
  std::string purpose;  // kPurpose*
  std::string pool;     // the serving pool (Director, designated pool, OWA farm)
  bool forward_host_header = true;
  std::string preauth = "none";
  // "none-client-may-authenticate-directly"; the HTTP lyncdiscover rule (C.4):
  // "none-client-cannot-authenticate".
  std::string delegation = "none-client-may-authenticate-directly";
  bool tls_to_backend = true;  // re-encrypted, never offloaded (C.2); false for 80 → 8080
  bool link_translation = false;
  int timeout_seconds = kDefaultProxyTimeoutSeconds;
  std::string certificate;  // listener certificate id (`proxy-<proxy>`, see
                            // ReverseProxyCertificateId); empty for plain HTTP
};

// Summary of one proxy for the renderers (listener addresses, certificate).
struct ProxyListener {
  std::string name;
  ProxyProduct product = ProxyProduct::kNginx;
  std::string fqdn;
  std::vector<std::string> external_addresses;
  std::string certificate;  // `proxy-<proxy>`
};

struct ProxyRuleSet {
  // Sorted by (proxy, public_host, listen_port): each proxy's rules are contiguous.
  std::vector<ProxyRule> rules;
  // In plan order (plan.proxies).
  std::vector<ProxyListener> proxies;

  // The rules of `proxy` (a contiguous slice of `rules`).
  std::span<const ProxyRule> RulesOf(std::string_view proxy) const;
};

// The certificate id the certificate plan gives a reverse proxy's listener certificate.
std::string ProxyCertificateId(std::string_view proxy_name);

// Builds the rules from plan.endpoints (published external endpoints) and plan.names (purpose,
// serving pool). Pure: names and backends come from the plan, nothing is recomputed.
ProxyRuleSet BuildProxyRules(const Plan& plan, Diagnostics& diagnostics);

}  // namespace lynctopo
