#pragma once

// How the SIP domains' internal zones are laid out (dns.internal_zones, docs/domain-calls.md):
// the one decision the plan's names, its text/Markdown note and the DNS records all follow.

#include <string_view>

#include "model/topology.hpp"

namespace lynctopo {

// `sip_domain` is the AD domain, whose zone lives inside whatever the setting says.
bool IsAdDomain(const Topology& topology, std::string_view sip_domain);

// `sip_domain`'s internal names are pin-point zones of their own: dns.internal_zones is
// "pinpoint" and the domain is not the AD domain.
bool IsPinpointDomain(const Topology& topology, std::string_view sip_domain);

}  // namespace lynctopo
