#pragma once

// What each plan name resolves to, per view, looked up in O(1): the firewall matrix, the
// load-balancer plan and the report all address rules at the addresses the plan gave a name,
// never at addresses they work out again.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/plan/plan.hpp"

namespace lynctopo {

class PlanAddresses {
 public:
  explicit PlanAddresses(const Plan& plan);
  // The addresses of `fqdn` in `view` (an alias follows its target); empty when unknown.
  const std::vector<std::string>& Of(View view, std::string_view fqdn) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> internal_;
  std::unordered_map<std::string, std::vector<std::string>> external_;
};

}  // namespace lynctopo
