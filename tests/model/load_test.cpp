#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "model/load.hpp"

using namespace lynctopo;
namespace fs = std::filesystem;

namespace {

// A scratch folder per test case, removed afterwards.
class Scratch {
 public:
  Scratch() {
    dir_ = fs::temp_directory_path() /
           ("lynctopo-load-test-" + std::to_string(::getpid()) + "-" + std::to_string(++count_));
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  static inline int count_ = 0;
  fs::path dir_;
};

std::string Utf16Le(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

// Loading must fail with exactly this one diagnostic and never throw.
void ExpectOneDiagnostic(const std::string& path, const std::string& code) {
  Diagnostics diagnostics;
  std::optional<Topology> topology;
  REQUIRE_NOTHROW(topology = LoadTopologyFile(path, diagnostics));
  CHECK_FALSE(topology);
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].code == code);
  CHECK(diagnostics.items()[0].file == path);
}

}  // namespace

TEST_CASE("unreadable inputs get one clear diagnostic each", "[format][load]") {
  Scratch scratch;
  ExpectOneDiagnostic(scratch.Path("missing.json"), "LT0001");
  fs::create_directories(scratch.Path("folder.xml"));
  ExpectOneDiagnostic(scratch.Path("folder.xml"), "LT0004");
  ExpectOneDiagnostic(scratch.Write("empty.json", ""), "LT0005");
  ExpectOneDiagnostic(scratch.Write("blank.xml", " \n\t\n"), "LT0005");
  ExpectOneDiagnostic(
      scratch.Write("binary.json", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "LT0006");
  ExpectOneDiagnostic(scratch.Write("utf16.xml", Utf16Le("<topology format_version=\"1\"/>")),
                      "LT0007");
  ExpectOneDiagnostic(scratch.Write("utf16.json", Utf16Le("{\"format_version\": 1}")), "LT0007");
  ExpectOneDiagnostic(scratch.Write("latin1.json", "{\"name\": \"caf\xE9\"}"), "LT0009");
  ExpectOneDiagnostic(scratch.Write("other.xml", "<?xml version=\"1.0\"?>\n<html/>"), "LT0008");
  ExpectOneDiagnostic(scratch.Write("text.txt", "hello"), "LT0008");
  ExpectOneDiagnostic(scratch.Write("truncated.xml", "<topology format_version=\"1\">\n<sites>"),
                      "LT0102");
  ExpectOneDiagnostic(scratch.Write("bad.json", "{\"format_version\": 1,,}"), "LT0101");
}

TEST_CASE("input kind is detected by content, UTF-16 Lync documents included", "[format][load]") {
  CHECK(DetectInputKind("  {\"format_version\": 1}") == InputKind::kJson);
  CHECK(DetectInputKind("\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><topology/>") ==
        InputKind::kXml);
  CHECK(DetectInputKind("<lt:topology xmlns:lt=\"urn:lynctopo:topology:1\"/>") == InputKind::kXml);
  CHECK(DetectInputKind("<?xml version=\"1.0\"?>\n<TopologyBuilder xmlns=\"x\">") ==
        InputKind::kTopologyBuilder);
  CHECK(DetectInputKind("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology."
                        "2008\">") == InputKind::kPublishedTopology);
  CHECK(DetectInputKind(
            Utf16Le("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<TopologyBuilder>")) ==
        InputKind::kTopologyBuilder);
  CHECK(DetectInputKind(Utf16Le("<Topology>")) == InputKind::kPublishedTopology);
  CHECK(DetectInputKind("<html/>") == InputKind::kUnknown);
}

TEST_CASE("our files load from disk with their path in the model", "[format][load]") {
  Scratch scratch;
  std::string path = scratch.Write("t.xml",
                                   "\xEF\xBB\xBF<topology xmlns=\"urn:lynctopo:topology:1\" "
                                   "format_version=\"1\" name=\"x\"/>");
  Diagnostics diagnostics;
  auto topology = LoadTopologyFile(path, diagnostics);
  REQUIRE(topology);
  CHECK(diagnostics.empty());
  CHECK(topology->source_file == path);
  CHECK(topology->name == "x");
}

TEST_CASE("overlays must be our format and may be partial", "[format][load]") {
  Scratch scratch;
  std::string lync = scratch.Write("overlay.tbxml", "<TopologyBuilder/>");
  Diagnostics rejected;
  CHECK_FALSE(LoadOverlayFile(lync, rejected));
  REQUIRE(rejected.items().size() == 1);
  CHECK(rejected.items()[0].code == "LT0010");
  std::string partial =
      scratch.Write("overlay.json", R"({"format_version": 1, "sites": [{"pools": [{}]}]})");
  Diagnostics diagnostics;
  CHECK(LoadOverlayFile(partial, diagnostics));
  CHECK(diagnostics.empty());
}
