#pragma once

// Artifact-level differences: what a topology change does to every generated artifact
// (certificates to reissue, DNS records, proxy rules, SPNs, IIS bindings), compared on the
// artifact models, never on rendered text.

#include <vector>

#include "generators/artifact_set.hpp"
#include "model/diff/change.hpp"

namespace lynctopo {

std::vector<Change> DiffArtifacts(const ArtifactSet& before, const ArtifactSet& after,
                                  bool include_no_op = false);

}  // namespace lynctopo
