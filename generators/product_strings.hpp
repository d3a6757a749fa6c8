#pragma once

// Every product-specific string the artifacts name (IIS web sites, the management shell, the
// product itself), in one table keyed by product version. Lync Server 2013 and Skype for
// Business Server 2015 / 2019 name their IIS sites and shell differently, so a binding check
// that names the wrong site fails on the product it targets.

#include "model/topology.hpp"

namespace lynctopo {

struct ProductStrings {
  const char* product;            // "Lync Server 2013"
  const char* family;             // "Lync Server": what scripts call the server product
  const char* internal_web_site;  // IIS site of the internal web services
  const char* external_web_site;  // IIS site of the external web services (4443 / 8080)
  const char* management_shell;   // where the Cs* cmdlets run
};

const ProductStrings& ProductStringsFor(ProductVersion version);
// The strings of the plan's topology (Lync Server 2013 when there is none).
const ProductStrings& ProductStringsOf(const Topology* topology);

}  // namespace lynctopo
