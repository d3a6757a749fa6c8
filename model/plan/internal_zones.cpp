#include "model/plan/internal_zones.hpp"

#include "model/fqdn.hpp"

namespace lynctopo {

bool IsAdDomain(const Topology& topology, std::string_view sip_domain) {
  return ToLower(topology.ad_domain) == ToLower(sip_domain);
}

bool IsPinpointDomain(const Topology& topology, std::string_view sip_domain) {
  return topology.dns.internal_zones == "pinpoint" && !IsAdDomain(topology, sip_domain);
}

}  // namespace lynctopo
