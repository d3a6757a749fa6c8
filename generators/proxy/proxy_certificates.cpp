#include "generators/proxy/proxy_certificates.hpp"

#include <unordered_map>
#include <vector>

namespace lynctopo {

void AssignListenerCertificates(ProxyRuleSet& rules, const CertificateSet& certificates) {
  // Certificate id (of part 1) -> every part, part 1 first.
  std::unordered_map<std::string, std::vector<const PlannedCertificate*>> parts;
  for (const PlannedCertificate& cert : certificates.certificates) {
    parts[cert.split_of.empty() ? cert.id : cert.split_of].push_back(&cert);
  }
  for (ProxyRule& rule : rules.rules) {
    if (!rule.listen_tls || rule.certificate.empty()) continue;
    auto found = parts.find(rule.certificate);
    if (found == parts.end()) continue;
    for (const PlannedCertificate* part : found->second) {
      bool covers = false;
      for (const std::string& san : part->sans)
        covers = covers || SanCovers(san, rule.public_host.str());
      if (covers) {
        rule.certificate = part->id;
        break;
      }
    }
  }
}

}  // namespace lynctopo
