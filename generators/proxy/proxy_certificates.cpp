#include "generators/proxy/proxy_certificates.hpp"

#include <optional>
#include <unordered_map>
#include <vector>

namespace lynctopo {

void AssignListenerCertificates(ProxyRuleSet& rules, const CertificateSet& certificates) {
  // Certificate id (of part 1) -> every part, part 1 first.
  // SANs indexed per part, when a rule first asks: a proxy certificate carries a name per SIP
  // domain, and scanning them for each of thousands of rules was quadratic.
  struct Part {
    const PlannedCertificate* cert;
    std::optional<SanIndex> sans;
  };
  std::unordered_map<std::string, std::vector<Part>> parts;
  for (const PlannedCertificate& cert : certificates.certificates) {
    parts[cert.split_of.empty() ? cert.id : cert.split_of].push_back({&cert, std::nullopt});
  }
  for (ProxyRule& rule : rules.rules) {
    if (!rule.listen_tls || rule.certificate.empty()) continue;
    auto found = parts.find(rule.certificate);
    if (found == parts.end()) continue;
    for (Part& part : found->second) {
      if (!part.sans) part.sans.emplace(part.cert->sans);
      if (part.sans->Covers(rule.public_host.str())) {
        rule.certificate = part.cert->id;
        break;
      }
    }
  }
}

}  // namespace lynctopo
