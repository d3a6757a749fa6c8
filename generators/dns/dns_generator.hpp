#pragma once

// The "dns" generator: renders the DNS model (ArtifactSet::dns) to dns/records.json,
// dns/records.csv, one BIND zone file per view and zone, a named.conf fragment with the two
// views, and a Windows DNS PowerShell script.

#include "generators/generator.hpp"

namespace lynctopo {

const Generator& DnsGenerator();

}  // namespace lynctopo
