#pragma once

// Consistency rules of the Kerberos plan (registered in generators/check/rules.cpp).

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// LT8101: every IIS pool of a site with a Kerberos account has its HTTP/<pool FQDN> SPN (and
// HTTP/<internal web FQDN> where overridden), on that site's account.
void CheckIisPoolsHaveSpns(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT8102: every SPN host has an internal DNS record (in the DNS model) and, when the
// certificate model is there, is a name on that pool's internal web certificate.
void CheckSpnHostsResolveAndAreCertified(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
