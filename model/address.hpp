#pragma once

// IP addresses as the artifacts write them. One address has many spellings (`FD00:0010::10`,
// `fd00:10:0:0::10`); every generator, zone file and consistency rule compares text, so the
// loader stores the one RFC 5952 form and nothing downstream has to parse again.

#include <optional>
#include <string>
#include <string_view>

#include "model/topology.hpp"

namespace lynctopo {

// The canonical text of an IPv4 or IPv6 address (inet_ntop: lower case, zeros compressed), or
// nullopt when `text` is not one (validation then reports LT1007 on the text as written).
std::optional<std::string> CanonicalAddress(std::string_view text);

// Rewrites every address field of the topology (servers, VIPs, Edge external and public
// addresses, reverse proxies, DNS name servers) in canonical form; others are left as they are.
void NormalizeAddresses(Topology& topology);

}  // namespace lynctopo
