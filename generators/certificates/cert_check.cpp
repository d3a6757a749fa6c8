// What `certs check` finds in a certificate: names versus the plan (§A), and the certificate
// infrastructure requirements of A.1 (EKU, CDP, key, signature, validity).

#include "generators/certificates/cert_check.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace lynctopo {

namespace {

constexpr int kDaySeconds = 24 * 60 * 60;

std::string Asn1Text(const ASN1_STRING* text) {
  unsigned char* utf8 = nullptr;
  int length = ASN1_STRING_to_UTF8(&utf8, text);
  if (length < 0) return "";
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(length));
  OPENSSL_free(utf8);
  return out;
}

std::string CommonName(X509* x) {
  X509_NAME* name = X509_get_subject_name(x);
  int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (index < 0) return "";
  return Asn1Text(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

std::string NameText(const X509_NAME* name) {
  BIO* bio = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(std::max(0L, length)));
  BIO_free(bio);
  return out;
}

std::vector<std::string> DnsNames(X509* x) {
  std::vector<std::string> out;
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr));
  if (!names) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type == GEN_DNS) out.push_back(ToLower(Asn1Text(name->d.dNSName)));
  }
  GENERAL_NAMES_free(names);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string TimeText(const ASN1_TIME* time) {
  tm parts{};
  if (!ASN1_TIME_to_tm(time, &parts)) return "";
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", parts.tm_year + 1900, parts.tm_mon + 1,
                     parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
}

std::string CurveName(const EVP_PKEY* key) {
  char group[80] = {};
  size_t length = 0;
  if (!EVP_PKEY_get_group_name(key, group, sizeof group, &length)) return "";
  std::string name(group, length);
  if (name == "prime256v1" || name == "P-256") return "P-256";
  if (name == "secp384r1" || name == "P-384") return "P-384";
  if (name == "secp521r1" || name == "P-521") return "P-521";
  return name;
}

class Checker {
 public:
  Checker(CheckedCertificate& out, std::time_t now, int expiry_days)
      : out_(out), now_(now), expiry_days_(expiry_days) {}

  void Add(const char* code, Severity severity, std::string message) {
    out_.findings.push_back({code, severity, std::move(message)});
  }

  void Describe(X509* x) {
    out_.subject = ToLower(CommonName(x));
    out_.sans = DnsNames(x);
    out_.issuer = NameText(X509_get_issuer_name(x));
    out_.not_before = TimeText(X509_get0_notBefore(x));
    out_.not_after = TimeText(X509_get0_notAfter(x));
    int signature_nid = X509_get_signature_nid(x);
    out_.signature_algorithm = OBJ_nid2ln(signature_nid) ? OBJ_nid2ln(signature_nid) : "";
    int md_nid = NID_undef;
    X509_get_signature_info(x, &md_nid, nullptr, nullptr, nullptr);
    out_.hash = md_nid != NID_undef && OBJ_nid2sn(md_nid) ? ToLower(OBJ_nid2sn(md_nid)) : "";
    if (const EVP_PKEY* key = X509_get0_pubkey(x)) {
      int id = EVP_PKEY_get_base_id(key);
      out_.key_type = id == EVP_PKEY_RSA       ? "RSA"
                      : id == EVP_PKEY_RSA_PSS ? "RSA-PSS"
                      : id == EVP_PKEY_EC      ? "EC"
                      : OBJ_nid2sn(id)         ? OBJ_nid2sn(id)
                                               : "unknown";
      out_.key_bits = EVP_PKEY_get_bits(key);
      if (id == EVP_PKEY_EC) out_.curve = CurveName(key);
    }
  }

  // A.1 signature: SHA-1 / SHA-2 only, never RSASSA-PSS. A self-signed root's own signature
  // is never verified, so it is not judged.
  void Signature(X509* x) {
    if (X509_get_extension_flags(x) & EXFLAG_SS) return;
    if (X509_get_signature_nid(x) == NID_rsassaPss) {
      Add("LT5309", Severity::kError, "signed with RSASSA-PSS, which Lync does not support");
    }
    static const std::set<std::string> kSha2 = {"sha224", "sha256", "sha384", "sha512"};
    if (out_.hash == "sha1") {
      Add("LT5311", Severity::kWarning, "signed with SHA-1: accepted, but use SHA-256");
    } else if (!kSha2.contains(out_.hash)) {
      Add("LT5310", Severity::kError,
          fmt::format("signature hash '{}' ({}) is not SHA-1 or SHA-2",
                      out_.hash.empty() ? "none" : out_.hash, out_.signature_algorithm));
    }
  }

  void Validity(X509* x) {
    if (ASN1_TIME_cmp_time_t(X509_get0_notBefore(x), now_) > 0) {
      Add("LT5312", Severity::kError, "not yet valid (valid from " + out_.not_before + ")");
    }
    if (ASN1_TIME_cmp_time_t(X509_get0_notAfter(x), now_) < 0) {
      Add("LT5314", Severity::kError, "expired on " + out_.not_after);
    } else if (ASN1_TIME_cmp_time_t(X509_get0_notAfter(x),
                                    now_ + static_cast<std::time_t>(expiry_days_) * kDaySeconds) <
               0) {
      Add("LT5313", Severity::kWarning,
          fmt::format("expires within {} days (on {})", expiry_days_, out_.not_after));
    }
  }

  // A.1: server authentication EKU, CRL distribution point, RSA 1024/2048/4096 or ECDSA
  // P-256/P-384/P-521.
  void ServerRequirements(X509* x) {
    uint32_t flags = X509_get_extension_flags(x);
    if (!(flags & EXFLAG_XKUSAGE) || !(X509_get_extended_key_usage(x) & XKU_SSL_SERVER)) {
      Add("LT5305", Severity::kError, "no Server Authentication extended key usage");
    }
    if (X509_get_ext_by_NID(x, NID_crl_distribution_points, -1) < 0) {
      Add("LT5306", Severity::kError, "no CRL distribution point");
    }
    if (out_.key_type == "RSA") {
      if (out_.key_bits == 1024) {
        Add("LT5308", Severity::kWarning, "1024-bit RSA key: accepted, but use 2048");
      } else if (out_.key_bits != 2048 && out_.key_bits != 4096) {
        Add("LT5307", Severity::kError,
            fmt::format("{}-bit RSA key: Lync accepts 1024, 2048 or 4096", out_.key_bits));
      }
    } else if (out_.key_type == "EC") {
      if (out_.curve != "P-256" && out_.curve != "P-384" && out_.curve != "P-521") {
        Add("LT5317", Severity::kError,
            fmt::format("EC key on curve '{}': only P-256, P-384 and P-521 are accepted",
                        out_.curve));
      }
    } else {
      Add("LT5317", Severity::kError,
          fmt::format("{} key: only RSA and ECDSA (P-256/P-384/P-521) are accepted",
                      out_.key_type));
    }
    if (IsWildcard(out_.subject)) {
      Add("LT5304", Severity::kError, "wildcard subject " + out_.subject + ": never supported");
    }
  }

  // Names of the certificate a TLS client matches: the DNS SANs, else the subject.
  std::vector<std::string> PresentedNames() const {
    if (!out_.sans.empty()) return out_.sans;
    if (!out_.subject.empty()) return {out_.subject};
    return {};
  }

  void AgainstPlan(const PlannedCertificate& plan) {
    std::vector<std::string> presented = PresentedNames();
    auto covered = [&](const std::string& name) {
      return std::any_of(presented.begin(), presented.end(),
                         [&](const std::string& p) { return SanCovers(p, name); });
    };
    std::vector<std::string> planned = Strings(plan.sans);
    if (planned.empty()) planned = {plan.subject};
    std::vector<std::string> missing;
    for (const std::string& name : planned) {
      if (!covered(name)) missing.push_back(name);
    }
    for (const std::string& name : missing) {
      Add("LT5301", Severity::kError, "missing SAN " + name);
    }
    for (const std::string& name : out_.sans) {
      bool known = std::any_of(planned.begin(), planned.end(), [&](const std::string& p) {
        return SanCovers(name, p) || SanCovers(p, name);
      });
      if (!known) Add("LT5302", Severity::kWarning, "SAN " + name + " is not in the plan");
      if (IsWildcard(name) && !plan.wildcards_allowed) {
        Add("LT5304", Severity::kError,
            fmt::format("wildcard SAN {} on a {} certificate, where wildcards are not supported",
                        name, ToString(plan.role)));
      }
    }
    if (out_.subject != plan.subject) {
      Add("LT5303", Severity::kError,
          fmt::format("subject is '{}', the plan says '{}'", out_.subject, plan.subject));
    }
    if (plan.role == CertificateRole::kOAuth && out_.key_type == "RSA" && out_.key_bits < 2048) {
      Add("LT5318", Severity::kError,
          fmt::format("{}-bit key on the OAuthTokenIssuer certificate: 2048 bits at least",
                      out_.key_bits));
    }
    Add("LT5315", Severity::kNote,
        plan.exportable_key
            ? "the plan needs an exportable private key: a certificate cannot show that; check "
              "the key store or the PFX"
            : "private-key exportability is not checkable from a certificate");
  }

 private:
  CheckedCertificate& out_;
  std::time_t now_;
  int expiry_days_;
};

// How well a certificate's names fit a planned certificate: (planned names covered, subject
// equal), compared lexicographically.
std::pair<size_t, bool> Fit(const CheckedCertificate& cert, const PlannedCertificate& plan) {
  std::vector<std::string> presented = cert.sans;
  if (!cert.subject.empty()) presented.push_back(cert.subject);
  size_t covered = 0;
  std::vector<std::string> planned = Strings(plan.sans);
  if (planned.empty()) planned = {plan.subject};
  for (const std::string& name : planned) {
    if (std::any_of(presented.begin(), presented.end(),
                    [&](const std::string& p) { return SanCovers(p, name); }))
      ++covered;
  }
  return {covered, cert.subject == plan.subject};
}

}  // namespace

size_t CertCheckReport::errors() const {
  size_t n = 0;
  for (const auto& c : certificates) {
    for (const auto& f : c.findings) n += f.severity == Severity::kError;
  }
  return n;
}

size_t CertCheckReport::warnings() const {
  size_t n = 0;
  for (const auto& c : certificates) {
    for (const auto& f : c.findings) n += f.severity == Severity::kWarning;
  }
  return n;
}

std::vector<const PlannedCertificate*> SelectPlanned(const CertificateSet& set,
                                                     const std::string& selector) {
  std::vector<const PlannedCertificate*> out;
  std::string wanted = ToLower(selector);
  CertificateRole role;
  bool is_role = Parse(wanted, &role);
  for (const PlannedCertificate& cert : set.certificates) {
    bool match =
        wanted.empty() || cert.id == wanted || (is_role && cert.role == role) ||
        cert.server == wanted ||
        std::find(cert.install_on.begin(), cert.install_on.end(), selector) !=
            cert.install_on.end() ||
        std::find(cert.install_on.begin(), cert.install_on.end(), wanted) != cert.install_on.end();
    if (match) out.push_back(&cert);
  }
  return out;
}

CertCheckReport CheckCertificates(const std::vector<LoadedCertificate>& certificates,
                                  const std::vector<const PlannedCertificate*>& candidates,
                                  const CertCheckOptions& options) {
  CertCheckReport report;
  std::time_t now = options.now ? options.now : std::time(nullptr);
  for (const LoadedCertificate& loaded : certificates) {
    CheckedCertificate checked;
    checked.source = loaded.source;
    checked.leaf = loaded.leaf;
    Checker checker(checked, now, options.expiry_warning_days);
    X509* x = loaded.x509.get();
    checker.Describe(x);
    checker.Signature(x);
    checker.Validity(x);
    if (loaded.leaf) {
      checker.ServerRequirements(x);
      const PlannedCertificate* best = nullptr;
      std::pair<size_t, bool> best_fit{0, false};
      for (const PlannedCertificate* plan : candidates) {
        auto fit = Fit(checked, *plan);
        if (!best || fit > best_fit) {
          best = plan;
          best_fit = fit;
        }
      }
      // Without --for, a certificate sharing no name with the plan is not matched to anything.
      if (best && options.for_selector.empty() && best_fit.first == 0 && !best_fit.second)
        best = nullptr;
      checked.planned = best;
      if (best) {
        checker.AgainstPlan(*best);
      } else {
        checker.Add("LT5316", Severity::kError,
                    "matches no planned certificate (name one with --for)");
      }
    }
    report.certificates.push_back(std::move(checked));
  }
  return report;
}

std::string CertCheckReportText(const CertCheckReport& report) {
  std::string out;
  for (const CheckedCertificate& cert : report.certificates) {
    out += fmt::format("{}: {}subject '{}'", cert.source, cert.leaf ? "" : "chain certificate, ",
                       cert.subject);
    if (cert.planned) {
      out += fmt::format(", planned {} ({})", cert.planned->id, ToString(cert.planned->role));
    }
    out += "\n";
    if (cert.findings.empty()) out += "  ok\n";
    for (const CertFinding& f : cert.findings) {
      out += fmt::format("  {}: {} [{}]\n", SeverityName(f.severity), f.message, f.code);
    }
  }
  out += fmt::format("{} certificate(s) checked: {} error(s), {} warning(s)\n",
                     report.certificates.size(), report.errors(), report.warnings());
  return out;
}

nlohmann::json CertCheckReportJson(const CertCheckReport& report) {
  nlohmann::json certificates = nlohmann::json::array();
  for (const CheckedCertificate& cert : report.certificates) {
    nlohmann::json findings = nlohmann::json::array();
    for (const CertFinding& f : cert.findings) {
      findings.push_back(
          {{"code", f.code}, {"severity", SeverityName(f.severity)}, {"message", f.message}});
    }
    nlohmann::json key = {{"type", cert.key_type}, {"bits", cert.key_bits}};
    if (!cert.curve.empty()) key["curve"] = cert.curve;
    certificates.push_back({
        {"source", cert.source},
        {"leaf", cert.leaf},
        {"subject", cert.subject},
        {"sans", cert.sans},
        {"issuer", cert.issuer},
        {"not_before", cert.not_before},
        {"not_after", cert.not_after},
        {"key", key},
        {"signature_algorithm", cert.signature_algorithm},
        {"hash", cert.hash},
        {"planned", cert.planned ? nlohmann::json(cert.planned->id) : nlohmann::json(nullptr)},
        {"findings", findings},
    });
  }
  return {{"format_version", 1},
          {"certificates", certificates},
          {"errors", report.errors()},
          {"warnings", report.warnings()},
          {"result", report.FallsShort() ? "short" : "ok"}};
}

}  // namespace lynctopo
