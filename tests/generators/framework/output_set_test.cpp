#include <catch2/catch.hpp>

#include <filesystem>

#include "generators/output_set.hpp"
#include "generators/output_spill.hpp"
#include "generators/output_writer.hpp"
#include "scratch_dir.hpp"

using lynctopo::Diagnostics;
using lynctopo::OutputSet;

namespace {

// The code of the one diagnostic Add reported, or "" when it accepted the path.
std::string AddCode(OutputSet& set, const std::string& path) {
  Diagnostics diagnostics;
  bool added = set.Add(path, "x", "test", diagnostics);
  if (added) {
    CHECK(diagnostics.empty());
    return "";
  }
  REQUIRE(diagnostics.items().size() == 1);
  return diagnostics.items()[0].code;
}

}  // namespace

TEST_CASE("OutputSet accepts relative paths and keeps them sorted", "[generators][output]") {
  OutputSet set;
  CHECK(AddCode(set, "dns/zone.txt") == "");
  CHECK(AddCode(set, "certificates/requests/fe01.inf") == "");
  CHECK(AddCode(set, "README.txt") == "");
  CHECK(AddCode(set, "a.b/..c/c..") == "");  // dots inside names are fine
  std::vector<std::string> paths;
  for (const auto& [path, artifact] : set.artifacts()) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{"README.txt", "a.b/..c/c..",
                                          "certificates/requests/fe01.inf", "dns/zone.txt"});
  CHECK(set.artifacts().at("dns/zone.txt").generator == "test");
}

TEST_CASE("OutputSet rejects unsafe paths with a diagnostic", "[generators][output]") {
  OutputSet set;
  CHECK(AddCode(set, "/etc/passwd") == "LT4001");
  CHECK(AddCode(set, "C:/x.txt") == "LT4001");
  CHECK(AddCode(set, "") == "LT4002");
  CHECK(AddCode(set, "../x") == "LT4002");
  CHECK(AddCode(set, "dns/../../x") == "LT4002");
  CHECK(AddCode(set, "dns/./x") == "LT4002");
  CHECK(AddCode(set, ".") == "LT4002");
  CHECK(AddCode(set, "dns//x") == "LT4002");
  CHECK(AddCode(set, "dns/") == "LT4002");
  CHECK(AddCode(set, "dns\\x") == "LT4003");
  CHECK(AddCode(set, std::string("dns/x\ny")) == "LT4003");
  CHECK(AddCode(set, "manifest.json") == "LT4005");
  CHECK(set.size() == 0);
}

TEST_CASE("OutputSet rejects a second claim of one path", "[generators][output]") {
  OutputSet set;
  Diagnostics diagnostics;
  REQUIRE(set.Add("dns/zone.txt", "first", "dns", diagnostics));
  CHECK_FALSE(set.Add("dns/zone.txt", "second", "proxy", diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].code == "LT4004");
  CHECK(diagnostics.items()[0].message.find("proxy") != std::string::npos);
  CHECK(diagnostics.items()[0].message.find("dns") != std::string::npos);
  CHECK(set.artifacts().at("dns/zone.txt").content == "first");
}

TEST_CASE("AddRendered streams into the spill, or collects in memory without one",
          "[generators][output]") {
  lynctopo::testing::ScratchDir work;
  const bool spilled = GENERATE(false, true);
  CAPTURE(spilled);
  OutputSet set;
  if (spilled) set.SpillTo(lynctopo::OutputSpill::Beside(work / "out"));
  REQUIRE(static_cast<bool>(set.spill()) == spilled);
  const std::string big(3 << 20, 'x');
  auto pieces = [&](const OutputSet::TextSink& sink) {
    return sink("head\n") && sink(big) && sink("tail\n");
  };
  Diagnostics diagnostics;
  REQUIRE(set.AddRendered("report/page.html", "test", diagnostics, pieces));
  const lynctopo::Artifact& page = set.artifacts().at("report/page.html");
  const std::string whole = "head\n" + big + "tail\n";
  CHECK(page.Read() == whole);
  CHECK(page.size == whole.size());
  CHECK(page.content.empty() == spilled);
  CHECK(page.spilled.empty() == !spilled);
  if (spilled) CHECK(page.sha256 == lynctopo::Sha256Hex(whole));

  // A claimed path is refused before anything is rendered; a failed render adds nothing and
  // leaves no file behind.
  bool rendered = false;
  CHECK_FALSE(set.AddRendered("report/page.html", "other", diagnostics,
                              [&](const OutputSet::TextSink&) { return rendered = true; }));
  CHECK(diagnostics.items().back().code == "LT4004");
  CHECK(rendered == !spilled);  // without a spill the text is collected first, then refused
  CHECK_FALSE(
      set.AddRendered("report/broken.html", "test", diagnostics,
                      [](const OutputSet::TextSink& sink) { return !sink("half") && false; }));
  CHECK_FALSE(set.artifacts().count("report/broken.html"));
  if (spilled) {
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(set.spill()->folder())) {
      (void)entry;
      ++files;
    }
    CHECK(files == 1);
  }
}
