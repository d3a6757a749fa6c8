// MappedFile and RenderedFiles::Map: what the proof reads a spilled run through.

#include <catch2/catch.hpp>

#include "generators/check/rendered_artifacts.hpp"
#include "generators/mapped_file.hpp"
#include "scratch_dir.hpp"

using namespace lynctopo;
using lynctopo::testing::ScratchDir;
using lynctopo::testing::WriteFile;

TEST_CASE("A mapped text stays readable after its pages are dropped", "[generators][proof]") {
  ScratchDir work;
  std::string content;
  for (int i = 0; content.size() < 3 * 4096 + 17; ++i) content += std::to_string(i) + "\n";
  WriteFile(work / "big.txt", content);
  WriteFile(work / "empty.txt", "");

  std::error_code error;
  MappedFile mapped(work / "big.txt", error);
  REQUIRE_FALSE(error);
  CHECK(mapped.text() == content);
  mapped.DropPages();
  CHECK(mapped.text() == content);

  MappedFile empty(work / "empty.txt", error);
  REQUIRE_FALSE(error);
  CHECK(empty.text().empty());
  empty.DropPages();

  MappedFile missing(work / "missing.txt", error);
  CHECK(error);
  std::filesystem::create_directories(work / "folder");
  MappedFile folder(work / "folder", error);
  CHECK(error);

  RenderedFiles files;
  files.Map("dns/big.txt", std::move(mapped));
  files.Map("dns/empty.txt", std::move(empty));
  const std::string held = "held in memory\n";
  files.texts.emplace("dns/held.txt", held);
  for (const auto& [path, text] : files.texts) files.DropPages(text);
  CHECK(files.texts.at("dns/big.txt") == content);
  CHECK(files.texts.at("dns/empty.txt").empty());
  CHECK(files.texts.at("dns/held.txt") == held);
}
