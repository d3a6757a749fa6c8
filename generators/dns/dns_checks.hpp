#pragma once

// Consistency rules over the DNS model (registered in generators/check_rules.cpp).

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// LT6010: every SRV target has an A/AAAA record in the SRV's view (RFC 2782: a host, never an
// alias; §B.2: a host record).
void CheckDnsSrvTargets(const ArtifactSet& artifacts, Diagnostics& diagnostics);

// LT6011: names the spec keeps to one view stay there (§B.2, R10): lyncdiscover only in
// external DNS, lyncdiscoverinternal and the internal web services names only in internal DNS.
void CheckDnsViewScopes(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
