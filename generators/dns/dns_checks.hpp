#pragma once

// Consistency rules over the DNS model (registered in generators/check/rules.cpp).

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// LT6010: every SRV target has an A/AAAA record in the SRV's view (RFC 2782: a host, never an
// alias; §B.2: a host record).
void CheckDnsSrvTargets(const ArtifactSet& artifacts, Diagnostics& diagnostics);

// LT6011: names the spec keeps to one view stay there (§B.2, R10): lyncdiscover only in
// external DNS, lyncdiscoverinternal and the internal web services names only in internal DNS.
void CheckDnsViewScopes(const ArtifactSet& artifacts, Diagnostics& diagnostics);

// LT6012: every host name on a certificate has a DNS record in the view its clients use:
// external DNS for the certificates Internet clients see (Edge external, reverse proxy),
// internal DNS for the others (lyncdiscover.* excepted: external only). Wildcards and bare SIP
// domains (XMPP SANs) are not host names and are skipped.
void CheckDnsCertificateNames(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
