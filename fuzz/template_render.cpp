// libFuzzer target: the template renderer with a user template (a --templates folder holding
// the input as one template, which may include itself or built-in partials).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "generators/template_store.hpp"

namespace {

const std::filesystem::path& Folder() {
  static const std::filesystem::path folder = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lynctopo-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(Folder() / "fuzz.mustache", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  static const nlohmann::json view = {
      {"name", "pool01.contoso.com"},
      {"names", {{{"fqdn", "a.contoso.com"}, {"view", "internal"}}, {{"fqdn", "b"}, {"view", ""}}}},
      {"empty", nlohmann::json::array()},
      {"flag", true},
      {"nested", {{"inner", {{"value", "x"}}}}}};
  lynctopo::Diagnostics diagnostics;
  lynctopo::TemplateStore store(Folder(), diagnostics);
  store.Render("fuzz.mustache", view, diagnostics);
  return 0;
}
