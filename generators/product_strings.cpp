#include "generators/product_strings.hpp"

namespace lynctopo {
namespace {

// Site names as each product's setup creates them in IIS; shell names as its Start menu does.
constexpr ProductStrings kLync2013{"Lync Server 2013", "Lync Server",
                                   "Lync Server Internal Web Site", "Lync Server External Web Site",
                                   "Lync Server Management Shell"};
constexpr ProductStrings kSkype2015{"Skype for Business Server 2015", "Skype for Business Server",
                                    "Skype for Business Server Internal Web Site",
                                    "Skype for Business Server External Web Site",
                                    "Skype for Business Server Management Shell"};
constexpr ProductStrings kSkype2019{"Skype for Business Server 2019", "Skype for Business Server",
                                    "Skype for Business Server Internal Web Site",
                                    "Skype for Business Server External Web Site",
                                    "Skype for Business Server Management Shell"};

}  // namespace

const ProductStrings& ProductStringsFor(ProductVersion version) {
  switch (version) {
    case ProductVersion::kLync2013:
      return kLync2013;
    case ProductVersion::kSkype2015:
      return kSkype2015;
    case ProductVersion::kSkype2019:
      return kSkype2019;
  }
  return kLync2013;
}

const ProductStrings& ProductStringsOf(const Topology* topology) {
  return ProductStringsFor(topology ? topology->version : ProductVersion::kLync2013);
}

}  // namespace lynctopo
