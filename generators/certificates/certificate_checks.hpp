#pragma once

// Consistency rules about the certificate plan (see generators/check/rules.cpp).

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// LT5101: no internal-only name (one the plan has only in the internal view: Admin, pool and
// server FQDNs, lyncdiscoverinternal) on a certificate that must come from a public CA (Edge
// external, reverse proxy).
void CheckNoInternalNamesOnPublicCertificates(const ArtifactSet& artifacts,
                                              Diagnostics& diagnostics);
// LT5102: every public host of a reverse proxy is covered by that proxy's certificate(s)
// (lyncdiscover published on port 80 excepted, call 9).
void CheckProxyCertificatesCoverPublicHosts(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT5103: every certificate name is a plan name in the view its clients resolve it in
// (external for public-CA certificates, either view for the others); a wildcard must cover one.
// SIP / XMPP domains themselves (the XMPP SANs of A.7) are domains, not hosts, and exempt.
void CheckCertificateNamesResolve(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
