#pragma once

// What Lync files do not hold (reverse proxies, Kerberos accounts, load balancing and VIPs,
// certificate policy, AD domain, simple URLs of published documents, public NAT addresses of
// Access and Web Conferencing Edge, server addresses written as 0.0.0.0): one warning per
// missing piece (per kind, site or pool where it matters), each naming the overlay field that
// fills it. Nothing is invented silently.

#include <string>

#include "model/diagnostics.hpp"
#include "model/topology.hpp"

namespace lynctopo {

// `topology` is the import with every overlay already applied, so only what is still missing
// is reported. `published`: the source was a published document (call 13).
void ReportImportGaps(const Topology& topology, bool published, const std::string& path,
                      Diagnostics& diagnostics);

}  // namespace lynctopo
