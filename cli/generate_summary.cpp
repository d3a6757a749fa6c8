#include "cli/generate_summary.hpp"

#include <map>

#include <fmt/format.h>

namespace lynctopo::cli {

std::string FormatGenerateSummary(const Plan& plan, const ArtifactSet& artifacts,
                                  const OutputSet& outputs,
                                  std::span<const Generator* const> generators) {
  std::map<std::string, size_t> per_generator;
  for (const Generator* g : generators) per_generator[std::string(g->name())] = 0;
  for (const auto& [path, artifact] : outputs.artifacts()) ++per_generator[artifact.generator];

  std::string out = fmt::format("{:<16} {:>9}\n", "generator", "artifacts");
  for (const Generator* g : generators) {
    out += fmt::format("{:<16} {:>9}\n", g->name(), per_generator[std::string(g->name())]);
  }
  out += fmt::format("{:<16} {:>9}\n", "total", outputs.size());

  size_t internal = 0;
  for (const PlannedName& name : plan.names) internal += name.view == View::kInternal;
  out += fmt::format(
      "plan: {} names ({} internal, {} external), {} services, {} endpoints, {} pools, "
      "{} reverse proxies\n",
      plan.names.size(), internal, plan.names.size() - internal, plan.services.size(),
      plan.endpoints.size(), plan.pools.size(), plan.proxies.size());
  if (artifacts.counts.empty()) {
    out += "models: none\n";
  } else {
    std::string models;
    for (const auto& [what, count] : artifacts.counts) {
      models += fmt::format("{}{} {}", models.empty() ? "" : ", ", count, what);
    }
    out += "models: " + models + "\n";
  }
  return out;
}

}  // namespace lynctopo::cli
