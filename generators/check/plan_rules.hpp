#pragma once

// Framework-level consistency rules that need only the plan (see rules.cpp).

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

// LT4101: a name's `proxy` / an endpoint's `published_by` names a proxy in plan.proxies.
void CheckPublishingProxiesExist(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4102: every external name published through a proxy is in that proxy's public_hosts, and
// every public host has such a name.
void CheckProxyPublicHosts(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4103: every kAlias name's `alias_of` is a plan name of the same view.
void CheckAliasTargets(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4104: every name has addresses or is an alias (DNS could not publish it otherwise).
void CheckNamesResolve(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
