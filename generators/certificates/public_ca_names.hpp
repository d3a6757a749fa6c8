#pragma once

// Names a public certification authority will not put on a certificate. Since 1 November 2015
// the CA/Browser Forum Baseline Requirements forbid publicly trusted certificates for
// "internal names": a single label, or a name under a top-level domain that is not delegated in
// the public DNS root (.local, .corp, .lan, ...) or is reserved for special use (RFC 2606,
// RFC 6761, RFC 6762, RFC 7686, RFC 8375, RFC 9476). docs/domain-calls.md, item 13.
//
// Real topologies use such domains inside (contoso.local as the AD domain): that is valid Lync
// and never an error by itself; only planning one of these names for a public CA, or an external
// (Internet) zone for such a domain, is.

#include <optional>
#include <string>
#include <string_view>

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// Why a public CA refuses `name` ("a single-label name", "the reserved top-level domain
// '.local'"), or nullopt when it may issue it. A wildcard is judged by what follows "*.".
std::optional<std::string> PublicCaRefuses(std::string_view name);

// LT5104: a certificate planned for a public CA carries a name a public CA will not issue.
void CheckPublicCaNames(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT6014: an external-view DNS zone is for a domain the public DNS cannot delegate.
void CheckExternalZonesArePublic(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
