// Keeps every team honest: each diagnostic code the sources emit ("LT" + 4 digits as a string
// literal under model/, generators/ or cli/) must have its row in docs/diagnostics.md.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Code -> the first source file using it.
std::map<std::string, std::string> CodesInSources() {
  static const std::regex kLiteral("\"(LT[0-9]{4})\"");
  std::map<std::string, std::string> codes;
  const fs::path root = LYNCTOPO_SOURCE_DIR;
  for (const char* dir : {"model", "generators", "cli"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) continue;
      std::string text = ReadAll(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), kLiteral), end; it != end; ++it) {
        codes.try_emplace((*it)[1].str(), fs::relative(entry.path(), root).string());
      }
    }
  }
  return codes;
}

// Codes with a table row `| LTxxxx |` in the documentation.
std::set<std::string> CodesInDocs() {
  static const std::regex kRow("^\\|\\s*(LT[0-9]{4})\\s*\\|");
  std::set<std::string> codes;
  std::istringstream lines(ReadAll(fs::path(LYNCTOPO_SOURCE_DIR) / "docs" / "diagnostics.md"));
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, match, kRow)) codes.insert(match[1].str());
  }
  return codes;
}

}  // namespace

TEST_CASE("every diagnostic code in the sources is documented", "[docs]") {
  std::map<std::string, std::string> used = CodesInSources();
  std::set<std::string> documented = CodesInDocs();
  REQUIRE_FALSE(used.empty());
  for (const auto& [code, file] : used) {
    INFO(code << " (used in " << file << ") has no row in docs/diagnostics.md");
    CHECK(documented.count(code) == 1);
  }
}

TEST_CASE("every documented validation code is used", "[docs]") {
  std::map<std::string, std::string> used = CodesInSources();
  for (const std::string& code : CodesInDocs()) {
    if (!code.starts_with("LT1")) continue;  // other ranges belong to other areas
    INFO(code << " is documented but no source emits it");
    CHECK(used.count(code) == 1);
  }
}
