// Certificate policy sanity (spec A.1, call 5): RSA key sizes, signature hash, SANs per request.

#include <string>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {

void CheckCertificatePolicy(Context& ctx) {
  const CertificatePolicy& policy = ctx.topology.certificates;
  if (policy.key_bits == 1024) {
    ctx.Report("LT1120", policy.origin, "key_bits",
               "key size 1024 bits is allowed by Lync but weak; use 2048 or more");
  } else if (policy.key_bits != 2048 && policy.key_bits != 4096) {
    ctx.Report("LT1121", policy.origin, "key_bits",
               fmt::format("key size {} bits is not one of 1024, 2048 or 4096", policy.key_bits));
  }
  std::string hash = ToLower(policy.hash);
  if (hash == "sha1") {
    ctx.Report("LT1122", policy.origin, "hash",
               "hash 'sha1' is deprecated; public CAs no longer issue SHA-1 certificates");
  } else if (hash != "sha256" && hash != "sha384" && hash != "sha512") {
    ctx.Report("LT1123", policy.origin, "hash",
               fmt::format("hash '{}' is not one of sha1, sha256, sha384 or sha512", policy.hash));
  }
  if (policy.max_sans < 1) {
    ctx.Report("LT1124", policy.origin, "max_sans",
               fmt::format("max_sans {} must be at least 1", policy.max_sans));
  }
}

}  // namespace lynctopo::validation
