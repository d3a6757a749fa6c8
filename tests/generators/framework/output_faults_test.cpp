// The whole-tree guarantee of the output writer under faults: whichever file-system operation
// fails, --out is afterwards exactly the old tree or exactly the new one, and no staging
// folder remains beside it.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fmt/format.h>

#include "generators/output_fs.hpp"
#include "generators/output_spill.hpp"
#include "generators/output_writer.hpp"
#include "scratch_dir.hpp"

using namespace lynctopo;
using lynctopo::testing::ReadFile;
using lynctopo::testing::ScratchDir;
using lynctopo::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

// Fails the Nth operation (1-based) and counts them all.
class FailingFileSystem : public OutputFileSystem {
 public:
  explicit FailingFileSystem(int fail_at) : fail_at_(fail_at) {}
  int calls() const { return calls_; }

 protected:
  std::error_code Fault(std::string_view, const fs::path&) override {
    return ++calls_ == fail_at_ ? std::make_error_code(std::errc::no_space_on_device)
                                : std::error_code();
  }

 private:
  int fail_at_;
  int calls_ = 0;
};

// Everything below `dir` except stages: regular files with content, links with target,
// folders as "<dir>".
std::map<std::string, std::string> Tree(const fs::path& dir) {
  std::map<std::string, std::string> tree;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string rel = it->path().lexically_relative(dir).generic_string();
    if (it->is_symlink()) {
      tree[rel] = "-> " + fs::read_symlink(it->path()).string();
    } else if (it->is_directory()) {
      tree[rel] = "<dir>";
    } else {
      tree[rel] = ReadFile(it->path());
    }
  }
  return tree;
}

std::vector<std::string> Leftovers(const fs::path& parent) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(parent)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".lynctopo-") != std::string::npos) found.push_back(name);
  }
  return found;
}

// `generation` picks contents: files 0..count-1 in three folders; every third one changes
// between generations, and generation 1 drops the last two and adds two new ones.
// With `spill_beside`, the set spills to a folder beside that output folder, as `generate`'s
// does.
OutputSet MakeOutputs(int generation, int count, Diagnostics& diagnostics,
                      const fs::path& spill_beside = {}) {
  OutputSet outputs;
  if (!spill_beside.empty()) {
    outputs.SpillTo(OutputSpill::Beside(spill_beside));
    REQUIRE(outputs.spill());
  }
  for (int i = 0; i < count; ++i) {
    if (generation == 1 && i >= count - 2) continue;
    outputs.Add(fmt::format("g{}/file{:02}.txt", i % 3, i),
                fmt::format("file {} {}\n", i, i % 3 == 0 ? generation : 0), "demo", diagnostics);
  }
  if (generation == 1) {
    outputs.Add("new/one.txt", "one\n", "demo", diagnostics);
    outputs.Add("g1/two.txt", "two\n", "demo", diagnostics);
  }
  return outputs;
}

WriteResult Write(const OutputSet& outputs, const fs::path& out, OutputFileSystem* file_system,
                  Diagnostics& diagnostics) {
  WriteRequest request;
  request.generator_version = "9.9.9";
  request.file_system = file_system;
  return WriteOutputSet(outputs, out, request, diagnostics);
}

}  // namespace

TEST_CASE("A write failing at any operation leaves the old tree or the new one",
          "[generators][writer][faults]") {
  // In memory, or spilled to disk and moved into the stage file by file.
  const bool spilled = GENERATE(false, true);
  CAPTURE(spilled);
  constexpr int kFiles = 12;
  Diagnostics setup;
  const OutputSet old_outputs = MakeOutputs(0, kFiles, setup);
  const OutputSet new_outputs = MakeOutputs(1, kFiles, setup);
  REQUIRE_FALSE(setup.HasErrors());

  // The trees both outcomes must match exactly, foreign files and links included.
  ScratchDir reference;
  auto prepare = [&](const fs::path& out) {
    Diagnostics d;
    REQUIRE(Write(old_outputs, out, nullptr, d).ok);
    WriteFile(out / "mine.txt", "foreign\n");
    WriteFile(out / "g0/mine-too.txt", "foreign\n");
    fs::create_directories(out / "empty-of-mine");
    fs::create_symlink("/etc/hostname", out / "a-link");
  };
  prepare(reference / "old");
  prepare(reference / "new");
  Diagnostics d;
  REQUIRE(Write(new_outputs, reference / "new", nullptr, d).ok);
  const auto old_tree = Tree(reference / "old");
  const auto new_tree = Tree(reference / "new");
  REQUIRE(old_tree != new_tree);
  REQUIRE(new_tree.count("new/one.txt"));
  REQUIRE_FALSE(new_tree.count(fmt::format("g2/file{:02}.txt", kFiles - 1)));

  // Count the operations of a clean run, then fail each one in turn.
  int operations = 0;
  {
    ScratchDir work;
    prepare(work / "out");
    FailingFileSystem counting(0);
    Diagnostics counted;
    const OutputSet outputs =
        spilled ? MakeOutputs(1, kFiles, counted, work / "out") : MakeOutputs(1, kFiles, counted);
    REQUIRE(Write(outputs, work / "out", &counting, counted).ok);
    operations = counting.calls();
    CHECK(Tree(work / "out") == new_tree);
  }
  REQUIRE(operations > kFiles);
  int old_seen = 0;
  int new_seen = 0;
  for (int n = 1; n <= operations; ++n) {
    CAPTURE(n);
    ScratchDir work;
    prepare(work / "out");
    struct stat before {};
    REQUIRE(::stat((work / "out/g1/file01.txt").c_str(), &before) == 0);
    FailingFileSystem failing(n);
    Diagnostics diagnostics;
    WriteResult result;
    {
      const OutputSet outputs = spilled ? MakeOutputs(1, kFiles, diagnostics, work / "out")
                                        : MakeOutputs(1, kFiles, diagnostics);
      result = Write(outputs, work / "out", &failing, diagnostics);
    }  // a spill folder goes with its set
    const auto after = Tree(work / "out");
    CHECK((after == old_tree || after == new_tree));
    CHECK(result.ok == (after == new_tree));
    CHECK(result.ok != diagnostics.HasErrors());
    CHECK(Leftovers(work.path()).empty());
    // Unchanged files are the same inode: bytes and mtime kept, whichever tree won.
    struct stat now {};
    REQUIRE(::stat((work / "out/g1/file01.txt").c_str(), &now) == 0);
    CHECK(now.st_ino == before.st_ino);
    (after == new_tree ? new_seen : old_seen)++;
  }
  // Faults before the switch keep the old tree; the ones after it (flushing the parent) only
  // warn.
  CHECK(old_seen > kFiles);
  CHECK(new_seen >= 1);
}

TEST_CASE("A stage a killed run left is removed by the next run", "[generators][writer][faults]") {
  ScratchDir work;
  Diagnostics d;
  const OutputSet outputs = MakeOutputs(0, 4, d);
  fs::create_directories(work / ".out.lynctopo-AbC123/g0");
  WriteFile(work / ".out.lynctopo-AbC123/g0/half.txt", "half");
  WriteFile(work / ".other.lynctopo-AbC123", "not ours: another folder's name");
  REQUIRE(Write(outputs, work / "out", nullptr, d).ok);
  CHECK(Leftovers(work.path()) == std::vector<std::string>{".other.lynctopo-AbC123"});
  // An up-to-date run cleans too.
  fs::create_directories(work / ".out.lynctopo-XyZ789");
  REQUIRE(Write(outputs, work / "out", nullptr, d).ok);
  CHECK(Leftovers(work.path()) == std::vector<std::string>{".other.lynctopo-AbC123"});
}

TEST_CASE("A live run's spill folder is left alone; a killed run's is removed",
          "[generators][writer][faults]") {
  ScratchDir work;
  Diagnostics d;
  {
    const OutputSet spilled = MakeOutputs(0, 4, d, work / "out");
    const fs::path folder = spilled.spill()->folder();
    CHECK(folder.parent_path() == work.path());
    CHECK(folder.filename().string().rfind(".out.lynctopo-", 0) == 0);
    const Artifact& first = spilled.artifacts().begin()->second;
    CHECK(first.content.empty());
    CHECK(first.Read() == "file 0 0\n");
    CHECK(first.size == 9);
    CHECK(first.sha256 == Sha256Hex("file 0 0\n"));
    // Another run writing the same folder meanwhile.
    fs::create_directories(work / ".out.lynctopo-Killed");
    REQUIRE(Write(MakeOutputs(1, 4, d), work / "out", nullptr, d).ok);
    CHECK(Leftovers(work.path()) == std::vector<std::string>{folder.filename().string()});
    CHECK(first.Read() == "file 0 0\n");
    // This run writes its own spilled set; the files move into the new tree, a changed one
    // with the mode the user gave the old one.
    fs::permissions(work / "out/g0/file00.txt", fs::perms(0750));
    REQUIRE(Write(spilled, work / "out", nullptr, d).ok);
    CHECK(ReadFile(work / "out/g0/file00.txt") == "file 0 0\n");
    CHECK((fs::status(work / "out/g0/file00.txt").permissions() & fs::perms::mask) ==
          fs::perms(0750));
  }
  CHECK(Leftovers(work.path()).empty());
}

TEST_CASE("Links inside --out are never followed", "[generators][writer][links]") {
  ScratchDir work;
  Diagnostics d;
  const OutputSet outputs = MakeOutputs(0, 6, d);
  REQUIRE(Write(outputs, work / "out", nullptr, d).ok);
  fs::create_directories(work / "elsewhere");
  WriteFile(work / "elsewhere/keep.txt", "keep\n");

  SECTION("a generated folder that is a link is refused, nothing changes") {
    fs::remove_all(work / "out/g1");
    fs::create_symlink(work / "elsewhere", work / "out/g1");
    const auto before = Tree(work / "out");
    Diagnostics diagnostics;
    CHECK_FALSE(Write(MakeOutputs(1, 6, d), work / "out", nullptr, diagnostics).ok);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items().at(0).code == "LT4030");
    CHECK(Tree(work / "out") == before);
    CHECK(Tree(work / "elsewhere") == std::map<std::string, std::string>{{"keep.txt", "keep\n"}});
  }
  SECTION("a link at a generated file's path is replaced by the file, its target untouched") {
    fs::remove(work / "out/g0/file00.txt");
    fs::create_symlink(work / "elsewhere/keep.txt", work / "out/g0/file00.txt");
    Diagnostics diagnostics;
    REQUIRE(Write(outputs, work / "out", nullptr, diagnostics).ok);
    CHECK_FALSE(fs::is_symlink(work / "out/g0/file00.txt"));
    CHECK(ReadFile(work / "out/g0/file00.txt") == "file 0 0\n");
    CHECK(ReadFile(work / "elsewhere/keep.txt") == "keep\n");
  }
  SECTION("a link at the manifest's name is not read through") {
    fs::remove(work / "out/manifest.json");
    WriteFile(work / "elsewhere/manifest.json",
              R"({"format_version":1,"artifacts":[{"path":"mine.txt"}]})");
    fs::create_symlink(work / "elsewhere/manifest.json", work / "out/manifest.json");
    WriteFile(work / "out/mine.txt", "mine\n");
    Diagnostics diagnostics;
    REQUIRE(Write(outputs, work / "out", nullptr, diagnostics).ok);
    CHECK(ReadFile(work / "out/mine.txt") == "mine\n");  // the linked manifest steered nothing
    CHECK_FALSE(fs::is_symlink(work / "out/manifest.json"));
  }
  SECTION("a foreign link is kept as a link") {
    fs::create_symlink(work / "elsewhere", work / "out/shortcut");
    Diagnostics diagnostics;
    REQUIRE(Write(MakeOutputs(1, 6, d), work / "out", nullptr, diagnostics).ok);
    CHECK(fs::read_symlink(work / "out/shortcut") == work / "elsewhere");
    CHECK(Tree(work / "elsewhere") == std::map<std::string, std::string>{{"keep.txt", "keep\n"}});
  }
  SECTION("--out itself may be a link: the folder it names is replaced") {
    fs::rename(work / "out", work / "real-out");
    fs::create_symlink(work / "real-out", work / "out");
    Diagnostics diagnostics;
    REQUIRE(Write(MakeOutputs(1, 6, d), work / "out", nullptr, diagnostics).ok);
    CHECK(fs::is_symlink(work / "out"));
    CHECK(fs::exists(work / "real-out/new/one.txt"));
  }
}

TEST_CASE("output option replaces regular files only", "[generators][writer][links]") {
  ScratchDir work;
  SECTION("a regular file is replaced, keeping its mode") {
    WriteFile(work / "plan.txt", "old");
    fs::permissions(work / "plan.txt", fs::perms(0640));
    CHECK_FALSE(ReplaceRegularFile(work / "plan.txt", "new"));
    CHECK(ReadFile(work / "plan.txt") == "new");
    CHECK((fs::status(work / "plan.txt").permissions() & fs::perms::mask) == fs::perms(0640));
  }
  SECTION("a FIFO, a link and a folder are refused and left alone") {
    REQUIRE(::mkfifo((work / "fifo").c_str(), 0600) == 0);
    fs::create_symlink("/dev/null", work / "link");
    fs::create_directories(work / "folder");
    for (const char* name : {"fifo", "link", "folder"}) {
      CAPTURE(name);
      CHECK(ReplaceRegularFile(work / name, "x") == std::errc::not_supported);
    }
    CHECK(fs::is_fifo(fs::symlink_status(work / "fifo")));
    CHECK(fs::is_symlink(work / "link"));
    CHECK(ReplaceRegularFile("/dev/null", "x") == std::errc::not_supported);
  }
  SECTION("temporary names of killed runs are removed, nothing else") {
    WriteFile(work / ".plan.txt.lynctopo-Q1w2E3", "left by a killed run");
    WriteFile(work / ".other.txt.lynctopo-Q1w2E3", "another file's");
    CHECK_FALSE(ReplaceRegularFile(work / "plan.txt", "new"));
    CHECK(Leftovers(work.path()) == std::vector<std::string>{".other.txt.lynctopo-Q1w2E3"});
  }
}
