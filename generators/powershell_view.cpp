#include "generators/powershell_view.hpp"

#include "generators/escape.hpp"
#include "generators/product_strings.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// The one product table (product_strings.hpp) names the product, so headers and binding
// checks never disagree.
std::string PowerShellProduct(const Plan* plan) {
  return ProductStringsOf(plan ? plan->topology : nullptr).product;
}

std::string PowerShellList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += PowerShellQuote(item);
  }
  return out;
}

}  // namespace lynctopo
