// MappedFile and RenderedFiles::Map: what the proof reads a spilled run through.

#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "generators/check/rendered_artifacts.hpp"
#include "generators/mapped_file.hpp"
#include "scratch_dir.hpp"

using namespace lynctopo;
using lynctopo::testing::ScratchDir;
using lynctopo::testing::WriteFile;

namespace {

// The resident kilobytes of the mapping that starts at `start`, as /proc/self/smaps lists it;
// -1 when it is not listed.
long ResidentKb(const void* start) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_mapping = false;
  while (std::getline(smaps, line)) {
    if (line.find('-') != std::string::npos && line.find(':') > line.find('-') &&
        std::isxdigit(static_cast<unsigned char>(line[0]))) {
      in_mapping = std::stoul(line.substr(0, line.find('-')), nullptr, 16) ==
                   reinterpret_cast<uintptr_t>(start);
      continue;
    }
    if (in_mapping && line.rfind("Rss:", 0) == 0) return std::stol(line.substr(4));
  }
  return -1;
}

}  // namespace

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

// A reader going through a text gives back the pages behind it: the pages before the offset
// stop being resident, those after it stay, and the text still reads the same.
TEST_CASE("The pages before an offset of a mapped text are dropped", "[generators][proof]") {
  ScratchDir work;
  const long page = ::sysconf(_SC_PAGESIZE);
  const std::string content(static_cast<size_t>(64 * page), 'x');
  WriteFile(work / "big.txt", content);
  std::error_code error;
  MappedFile mapped(work / "big.txt", error);
  REQUIRE_FALSE(error);
  size_t sum = 0;
  for (char c : mapped.text()) sum += static_cast<unsigned char>(c);  // every page resident
  CHECK(sum == content.size() * 'x');
  const long whole = ResidentKb(mapped.text().data());
  CHECK(whole == 64 * page / 1024);

  mapped.DropPagesBefore(static_cast<size_t>(32 * page + 100));  // the 33rd page is still read
  CHECK(ResidentKb(mapped.text().data()) == 32 * page / 1024);
  mapped.DropPagesBefore(content.size() * 2);  // past the end: every page
  CHECK(ResidentKb(mapped.text().data()) == 0);
  CHECK(mapped.text() == content);

  RenderedFiles files;
  files.Map("certificates/big.ps1", std::move(mapped));
  std::string_view text = files.texts.at("certificates/big.ps1");
  sum = 0;
  for (char c : text) sum += static_cast<unsigned char>(c);
  CHECK(ResidentKb(text.data()) == 64 * page / 1024);
  files.DropPagesBefore(text, static_cast<size_t>(16 * page));
  CHECK(ResidentKb(text.data()) == 48 * page / 1024);
  const std::string held = "held in memory\n";
  files.DropPagesBefore(held, 4);  // not mapped: nothing to give back
  CHECK(held == "held in memory\n");
}
