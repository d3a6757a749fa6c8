// libFuzzer target: the Lync importer (.tbxml and Get-CsTopology -AsXml, UTF-8 or UTF-16).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/load.hpp"
#include "model/lync/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool original : {false, true}) {
    lynctopo::Diagnostics diagnostics;
    lynctopo::LoadOptions options;
    options.original_topology = original;
    lynctopo::ImportLyncTopology(text, "fuzz.tbxml", options, diagnostics);
  }
  return 0;
}
