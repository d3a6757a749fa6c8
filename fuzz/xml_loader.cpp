// libFuzzer target: our XML format, parsed and read into the model, then validated.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/load.hpp"
#include "model/validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  lynctopo::Diagnostics diagnostics;
  if (auto topology = lynctopo::LoadXmlTopology(text, "fuzz.xml", diagnostics)) {
    lynctopo::ValidateTopology(*topology, diagnostics);
  }
  return 0;
}
