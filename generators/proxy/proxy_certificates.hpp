#pragma once

// Which planned certificate each TLS rule's listener serves. A reverse-proxy certificate over
// max_sans is planned as parts (`proxy-<name>`, `proxy-<name>-part2`, ...); each published host
// is served, by SNI, with the part that carries its name.

#include "generators/certificates/certificate_model.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {

// Sets every TLS rule's `certificate` to the id of the planned certificate (or part) that
// covers its host; a rule no certificate covers keeps its id, for LT7023 to report.
void AssignListenerCertificates(ProxyRuleSet& rules, const CertificateSet& certificates);

}  // namespace lynctopo
