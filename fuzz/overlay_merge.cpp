// libFuzzer target: the overlay merge. The input is a base topology and an overlay in our
// JSON format, separated by a line holding only "----".
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/load.hpp"
#include "model/lync/import.hpp"
#include "model/validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t split = text.find("\n----\n");
  std::string_view base = split == std::string_view::npos ? text : text.substr(0, split);
  std::string_view overlay = split == std::string_view::npos ? text : text.substr(split + 6);
  lynctopo::Diagnostics diagnostics;
  auto topology = lynctopo::LoadJsonTopology(base, "base.json", diagnostics);
  auto patch = lynctopo::LoadJsonTopology(overlay, "overlay.json", diagnostics, /*partial=*/true);
  if (topology && patch) {
    lynctopo::ApplyOverlay(*topology, *patch, diagnostics);
    lynctopo::ValidateTopology(*topology, diagnostics);
  }
  return 0;
}
