#pragma once

// The short table `generate` prints on stdout: artifacts per generator, plan sizes and the
// sizes of the artifact models (ArtifactSet::counts).

#include <span>
#include <string>

#include "generators/generator.hpp"

namespace lynctopo::cli {

std::string FormatGenerateSummary(const Plan& plan, const ArtifactSet& artifacts,
                                  const OutputSet& outputs,
                                  std::span<const Generator* const> generators);

}  // namespace lynctopo::cli
