#include "generators/plan_addresses.hpp"

namespace lynctopo {

PlanAddresses::PlanAddresses(const Plan& plan) {
  std::vector<const PlannedName*> aliases;
  for (const PlannedName& name : plan.names) {
    auto& map = name.view == View::kInternal ? internal_ : external_;
    if (!name.alias_of.empty()) {
      aliases.push_back(&name);
      continue;
    }
    // Names are sorted by (view, fqdn, role): the first role of a name wins, as in DNS.
    map.try_emplace(name.fqdn.str(), name.addresses);
  }
  for (const PlannedName* alias : aliases) {
    auto& map = alias->view == View::kInternal ? internal_ : external_;
    auto target = map.find(alias->alias_of);
    if (target != map.end()) map.try_emplace(alias->fqdn.str(), target->second);
  }
}

const std::vector<std::string>& PlanAddresses::Of(View view, std::string_view fqdn) const {
  static const std::vector<std::string> kNone;
  const auto& map = view == View::kInternal ? internal_ : external_;
  auto it = map.find(std::string(fqdn));
  return it == map.end() ? kNone : it->second;
}

}  // namespace lynctopo
