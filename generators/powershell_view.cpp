#include "generators/powershell_view.hpp"

#include "generators/escape.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

std::string PowerShellProduct(const Plan* plan) {
  ProductVersion version =
      plan && plan->topology ? plan->topology->version : ProductVersion::kLync2013;
  switch (version) {
    case ProductVersion::kLync2013:
      return "Lync Server 2013";
    case ProductVersion::kSkype2015:
      return "Skype for Business Server 2015";
    case ProductVersion::kSkype2019:
      return "Skype for Business Server 2019";
  }
  return "Lync Server 2013";
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
