#pragma once

// `lynctopo certs check`: inspects real certificates (files or a live TLS endpoint) with
// OpenSSL and compares each one with the certificate plan (spec §A.1, A.12, call 5).

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <openssl/types.h>
#include <nlohmann/json.hpp>

#include "generators/certificates/certificate_model.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

struct X509Deleter {
  void operator()(X509* x) const;
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

// One certificate as loaded, with where it came from ("cert.pem", "cert.pem#2",
// "host:443#1") and whether it is the leaf of its file or chain.
struct LoadedCertificate {
  std::string source;
  X509Ptr x509;
  bool leaf = true;
};

// Loads every certificate of a PEM file (a leaf and its chain) or a DER file. Problems
// (unreadable, no certificate) are LT5320 errors.
std::vector<LoadedCertificate> LoadCertificateFile(const std::string& path,
                                                   Diagnostics& diagnostics);

// Connects to host:port over TLS (SNI = host), and returns the chain the server presents.
// Failures (bad address, refused, timeout, handshake) are LT5321 errors.
std::vector<LoadedCertificate> FetchCertificates(const std::string& host_port,
                                                 double timeout_seconds, Diagnostics& diagnostics);
// The same, connecting to `host_port` (an address) but asking for `sni` (a reverse proxy
// serving many names on one address). Empty `sni`: as FetchCertificates.
std::vector<LoadedCertificate> FetchCertificatesWithSni(const std::string& host_port,
                                                        const std::string& sni,
                                                        double timeout_seconds,
                                                        Diagnostics& diagnostics);

struct CertFinding {
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
};

struct CheckedCertificate {
  std::string source;
  bool leaf = true;
  std::string subject;  // CN ("" when absent)
  std::vector<std::string> sans;
  std::string issuer;
  std::string not_before;  // ISO 8601 UTC
  std::string not_after;
  std::string key_type;  // "RSA", "EC", other OpenSSL names
  int key_bits = 0;
  std::string curve;  // EC: "P-256", ...
  std::string signature_algorithm;
  std::string hash;  // "sha256", ... ("" when unknown)
  const PlannedCertificate* planned = nullptr;
  std::vector<CertFinding> findings;
};

struct CertCheckOptions {
  // --for: a certificate id, a role name or a server FQDN; empty = match by names.
  std::string for_selector;
  std::time_t now = 0;  // 0 = the current time
  int expiry_warning_days = 30;
};

struct CertCheckReport {
  std::vector<CheckedCertificate> certificates;
  size_t errors() const;
  size_t warnings() const;
  // True when any finding is an error or a warning (exit 2).
  bool FallsShort() const { return errors() + warnings() > 0; }
};

// The planned certificates `selector` names (id, role, or server FQDN). Empty selector: all.
std::vector<const PlannedCertificate*> SelectPlanned(const CertificateSet& set,
                                                     const std::string& selector);

// Checks every loaded certificate: leaves against the best-matching planned certificate among
// `candidates`, chain certificates for signature and validity only.
CertCheckReport CheckCertificates(const std::vector<LoadedCertificate>& certificates,
                                  const std::vector<const PlannedCertificate*>& candidates,
                                  const CertCheckOptions& options);

std::string CertCheckReportText(const CertCheckReport& report);
nlohmann::json CertCheckReportJson(const CertCheckReport& report);

}  // namespace lynctopo
