#pragma once

// The certificate plan (spec §A): which certificates the deployment needs, what names each one
// carries, where it is installed and how it is requested. Built once from the Plan; the
// certificates generator renders it and the consistency check and `certs check` reason about it.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "generators/artifact_set.hpp"
#include "generators/certificates/shared_name.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

enum class CertificateRole {
  kStandardEdition,
  kFrontEnd,
  kDirector,
  kEdgeInternal,
  kEdgeExternal,
  kReverseProxy,
  kOAuth,
  kSurvivableBranch,  // Survivable Branch Appliance / Server: Default
  kMediation,         // each member of a stand-alone Mediation pool: Default
  kPersistentChat,    // each Persistent Chat server (File Upload/Download web service): Default
  kOfficeWebApps,     // the Office Web Apps Server farm's web certificate; not a Lync certificate
};

// "standard-edition", "front-end", "director", "edge-internal", "edge-external",
// "reverse-proxy", "oauth", "survivable-branch", "mediation", "persistent-chat",
// "office-web-apps".
const char* ToString(CertificateRole role);
bool Parse(std::string_view text, CertificateRole* out);

// Extended key usages, named as OpenSSL names them in configs.
inline constexpr const char* kServerAuthEku = "serverAuth";
inline constexpr const char* kClientAuthEku = "clientAuth";

struct PlannedCertificate {
  std::string id;  // stable, file-name safe ("fe01.contoso.local-default", "oauth")
  CertificateRole role = CertificateRole::kFrontEnd;
  // Lync `Use` types (Set-CsCertificate -Type); empty for a reverse-proxy listener certificate
  // and for the Office Web Apps farm's (the farm names it by friendly name, not by use).
  std::vector<std::string> uses;
  std::string site;
  std::string pool;    // pool FQDN (reverse proxy: empty)
  std::string server;  // the one server it belongs to; empty when shared (Edge, proxy, OAuth)
  std::vector<std::string> install_on;  // server FQDNs, or the reverse proxy's name
  std::string subject;                  // CN; never a wildcard
  SharedNames sans;  // sorted, unique, the subject included (except OAuth); shared_name.hpp
  CaKind ca = CaKind::kInternal;
  int key_bits = 2048;
  std::string hash = "sha256";
  bool exportable_key = false;
  std::vector<std::string> eku;  // kServerAuthEku, kClientAuthEku
  // Whether A.12 allows a wildcard SAN on this certificate at all (never in the subject).
  bool wildcards_allowed = false;
  // Split plan (max_sans): every part names the certificate it was split from.
  std::string split_of;  // id of the part-1 certificate; empty when not split
  int part = 0;          // 1-based part number; 0 when not split
  int parts = 0;
};

// Declared (incomplete) in generators/artifact_set.hpp; defined here.
struct CertificateSet {
  std::vector<PlannedCertificate> certificates;  // in plan order: pools, proxies, OAuth

  const PlannedCertificate* Find(std::string_view id) const;
};

// Derives every certificate from the plan (pure; every name comes from the plan). The policy
// itself was validated with the topology (LT112x); problems only the plan shows (SAN limit,
// an Edge pool without an Access Edge name) are reported with LT50xx codes.
CertificateSet BuildCertificates(const Plan& plan, Diagnostics& diagnostics);

// The id of the listener certificate of reverse proxy `proxy_name`; the proxy rules name their
// listener certificate by it.
std::string ReverseProxyCertificateId(std::string_view proxy_name);

// True when certificate name `san` ("host" or "*.domain") covers `host` (one label only for a
// wildcard, case-insensitive input assumed lower-case).
bool SanCovers(std::string_view san, std::string_view host);
bool IsWildcard(std::string_view name);

// SanCovers over a whole SAN list in O(log n): checks that ask it for every published host of a
// certificate carrying thousands of names (one per SIP domain) were quadratic with a scan.
class SanIndex {
 public:
  // Views of `sans`, which must outlive the index (and not change): the index of every SAN of
  // 10,000 servers copied into sets was the consistency check's peak memory.
  explicit SanIndex(const std::vector<std::string>& sans);
  explicit SanIndex(std::vector<std::string>&&) = delete;  // would dangle
  explicit SanIndex(std::vector<std::string_view> sans);
  explicit SanIndex(const SharedNames& sans);  // views of names that live as long as the process
  // True when any of the SANs covers `host`, exactly as std::any_of over SanCovers.
  bool Covers(std::string_view host) const;

 private:
  std::vector<std::string_view> exact_;             // every SAN as written, sorted
  std::vector<std::string_view> wildcard_domains_;  // "*.contoso.com" -> ".contoso.com", sorted
};

}  // namespace lynctopo
