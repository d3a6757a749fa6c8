#include "model/validate.hpp"

namespace lynctopo {

// Placeholder until the validation work lands.
void ValidateTopology(const Topology&, Diagnostics&) {}

}  // namespace lynctopo
