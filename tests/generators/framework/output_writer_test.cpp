#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "generators/output_writer.hpp"
#include "generators/run_generators.hpp"
#include "scratch_dir.hpp"
#include "test_generator.hpp"

using namespace lynctopo;
using lynctopo::testing::ReadFile;
using lynctopo::testing::ScratchDir;
using lynctopo::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

// One generate run of the demo generator over DemoPlan(): templates from `templates`.
struct Run {
  Diagnostics diagnostics;
  WriteResult result;
};

Run Generate(const fs::path& templates, const fs::path& out, WriteMode mode,
             std::map<std::string, std::string> demo_options = {},
             std::optional<std::set<std::string>> generators_run = std::nullopt) {
  Run run;
  static const testing::DemoGenerator demo;
  const Generator* generators[] = {&demo};
  Plan plan = testing::DemoPlan();
  TemplateStore store(templates, run.diagnostics);
  ArtifactSet artifacts;
  artifacts.plan = &plan;
  std::map<std::string, GeneratorOptions> options;
  options["demo"].values = std::move(demo_options);
  OutputSet outputs;
  RunGenerators(generators, plan, options, store, artifacts, outputs, run.diagnostics);
  WriteRequest request;
  request.mode = mode;
  request.generator_version = "9.9.9";
  request.generators_run = std::move(generators_run);
  run.result = WriteOutputSet(outputs, out, request, run.diagnostics);
  return run;
}

std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[entry.path().lexically_relative(dir).generic_string()] = ReadFile(entry.path());
    }
  }
  return files;
}

ChangeKind KindOf(const WriteResult& result, const std::string& path) {
  for (const auto& change : result.changes) {
    if (change.path == path) return change.kind;
  }
  FAIL("no change listed for " << path);
  return ChangeKind::kUnchanged;
}

struct Fixture {
  ScratchDir templates;
  ScratchDir work;
  fs::path out = work / "out";
  Fixture() {
    WriteFile(templates / "demo/names.mustache", "{{#names}}{{fqdn}} {{view}}\n{{/names}}");
  }
  Run Go(WriteMode mode = WriteMode::kWrite, std::map<std::string, std::string> options = {},
         std::optional<std::set<std::string>> generators_run = std::nullopt) {
    return Generate(templates.path(), out, mode, std::move(options), std::move(generators_run));
  }
};

}  // namespace

TEST_CASE("generate writes artifacts and a manifest, deterministically", "[generators][writer]") {
  Fixture f;
  Run first = f.Go();
  REQUIRE(first.result.ok);
  CHECK(first.diagnostics.empty());
  CHECK(ReadFile(f.out / "demo/names.txt") ==
        "pool01.contoso.local internal\nfe01.contoso.local internal\n");
  CHECK(KindOf(first.result, "demo/names.txt") == ChangeKind::kCreate);
  CHECK(KindOf(first.result, "manifest.json") == ChangeKind::kCreate);
  auto before = Snapshot(f.out);

  // A second run into a fresh folder gives the same bytes.
  ScratchDir other;
  REQUIRE(Generate(f.templates.path(), other.path(), WriteMode::kWrite).result.ok);
  CHECK(Snapshot(other.path()) == before);

  auto manifest = nlohmann::json::parse(ReadFile(f.out / "manifest.json"));
  CHECK(manifest["format_version"] == 1);
  CHECK(manifest["generator_version"] == "9.9.9");
  REQUIRE(manifest["artifacts"].size() == 1);
  CHECK(manifest["artifacts"][0]["path"] == "demo/names.txt");
  CHECK(manifest["artifacts"][0]["generator"] == "demo");
  CHECK(manifest["artifacts"][0]["size"] == before["demo/names.txt"].size());
  CHECK(manifest["artifacts"][0]["sha256"] == Sha256Hex(before["demo/names.txt"]));
  CHECK(ReadFile(f.out / "manifest.json").find(f.out.string()) == std::string::npos);
}

TEST_CASE("Sha256Hex matches the known digest", "[generators][writer]") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("A run with errors leaves the previous output untouched", "[generators][writer]") {
  Fixture f;
  REQUIRE(f.Go().result.ok);
  auto before = Snapshot(f.out);
  // Change the template so a successful run would rewrite names.txt, then fail the run.
  WriteFile(f.templates / "demo/names.mustache", "changed\n");
  Run failed = f.Go(WriteMode::kWrite, {{"fail", "1"}, {"extra", "1"}});
  CHECK_FALSE(failed.result.ok);
  CHECK(failed.diagnostics.HasErrors());
  CHECK(Snapshot(f.out) == before);  // no new, changed or temp file

  // A broken template is an error too: nothing written.
  WriteFile(f.templates / "demo/names.mustache", "{{#open}}");
  CHECK_FALSE(f.Go().result.ok);
  CHECK(Snapshot(f.out) == before);
}

TEST_CASE("Unchanged files keep their mtime", "[generators][writer]") {
  Fixture f;
  REQUIRE(f.Go().result.ok);
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(f.out / "demo/names.txt", old_time);
  fs::last_write_time(f.out / "manifest.json", old_time);
  Run again = f.Go();
  REQUIRE(again.result.ok);
  CHECK_FALSE(again.result.Differs());
  CHECK(fs::last_write_time(f.out / "demo/names.txt") == old_time);
  CHECK(fs::last_write_time(f.out / "manifest.json") == old_time);

  // A changed file is replaced (new mtime), the others are still left alone.
  REQUIRE(f.Go(WriteMode::kWrite, {{"extra", "1"}}).result.ok);
  CHECK(fs::last_write_time(f.out / "demo/names.txt") == old_time);
  CHECK(fs::last_write_time(f.out / "manifest.json") != old_time);
}

TEST_CASE("Check mode reports differences and writes nothing", "[generators][writer]") {
  Fixture f;
  SECTION("an empty folder: everything missing") {
    Run check = f.Go(WriteMode::kCheck);
    REQUIRE(check.result.ok);
    CHECK(check.result.Differs());
    CHECK(KindOf(check.result, "demo/names.txt") == ChangeKind::kCreate);
    CHECK_FALSE(fs::exists(f.out));
  }
  SECTION("identical, then edited, then extra") {
    REQUIRE(f.Go().result.ok);
    CHECK_FALSE(f.Go(WriteMode::kCheck).result.Differs());

    WriteFile(f.out / "demo/names.txt", "edited by hand\n");
    auto before = Snapshot(f.out);
    Run edited = f.Go(WriteMode::kCheck);
    CHECK(edited.result.Differs());
    CHECK(KindOf(edited.result, "demo/names.txt") == ChangeKind::kUpdate);
    CHECK(KindOf(edited.result, "manifest.json") == ChangeKind::kUnchanged);
    CHECK(Snapshot(f.out) == before);

    REQUIRE(f.Go().result.ok);
    REQUIRE(f.Go(WriteMode::kWrite, {{"extra", "1"}}).result.ok);
    Run extra = f.Go(WriteMode::kCheck);
    CHECK(KindOf(extra.result, "demo/extra/more.txt") == ChangeKind::kDelete);
    CHECK(KindOf(extra.result, "manifest.json") == ChangeKind::kUpdate);
    CHECK(fs::exists(f.out / "demo/extra/more.txt"));
  }
  SECTION("dry run lists what would change without writing") {
    REQUIRE(f.Go().result.ok);
    auto before = Snapshot(f.out);
    Run dry = f.Go(WriteMode::kDryRun, {{"extra", "1"}});
    REQUIRE(dry.result.ok);
    CHECK(KindOf(dry.result, "demo/extra/more.txt") == ChangeKind::kCreate);
    CHECK(KindOf(dry.result, "demo/names.txt") == ChangeKind::kUnchanged);
    CHECK(KindOf(dry.result, "manifest.json") == ChangeKind::kUpdate);
    CHECK(Snapshot(f.out) == before);
  }
}

TEST_CASE("Stale generated files are removed, foreign files never", "[generators][writer]") {
  Fixture f;
  REQUIRE(f.Go(WriteMode::kWrite, {{"extra", "1"}}).result.ok);
  REQUIRE(fs::exists(f.out / "demo/extra/more.txt"));
  WriteFile(f.out / "notes.txt", "mine\n");
  WriteFile(f.out / "demo/mine.txt", "mine too\n");
  WriteFile(f.work / "outside.txt", "outside\n");

  Run run = f.Go();
  REQUIRE(run.result.ok);
  CHECK(KindOf(run.result, "demo/extra/more.txt") == ChangeKind::kDelete);
  CHECK_FALSE(fs::exists(f.out / "demo/extra/more.txt"));
  CHECK_FALSE(fs::exists(f.out / "demo/extra"));  // emptied folder pruned
  CHECK(ReadFile(f.out / "notes.txt") == "mine\n");
  CHECK(ReadFile(f.out / "demo/mine.txt") == "mine too\n");

  SECTION("a manifest naming paths outside the folder steers no deletion") {
    WriteFile(
        f.out / "manifest.json",
        R"({"format_version":1,"artifacts":[{"path":"../outside.txt"},{"path":"/etc/hostname"},)"
        R"({"path":"notes.txt"}]})");
    Run hostile = f.Go();
    REQUIRE(hostile.result.ok);
    CHECK(fs::exists(f.work / "outside.txt"));
    CHECK_FALSE(fs::exists(f.out / "notes.txt"));  // listed as ours, so removed: by design
    CHECK(hostile.diagnostics.warning_count() == 2);
  }
  SECTION("an unreadable manifest removes nothing") {
    WriteFile(f.out / "manifest.json", "{not json");
    WriteFile(f.out / "demo/extra/more.txt", "left over\n");
    Run run2 = f.Go();
    REQUIRE(run2.result.ok);
    CHECK(fs::exists(f.out / "demo/extra/more.txt"));
    CHECK(run2.diagnostics.items().at(0).code == "LT4022");
  }
}

TEST_CASE("Files of generators that did not run (--only) are kept", "[generators][writer]") {
  Fixture f;
  REQUIRE(f.Go().result.ok);
  // Pretend an earlier full run also had a generator "other" that wrote other/file.txt.
  auto manifest = nlohmann::json::parse(ReadFile(f.out / "manifest.json"));
  manifest["artifacts"].push_back({{"path", "other/file.txt"},
                                   {"generator", "other"},
                                   {"size", 6},
                                   {"sha256", Sha256Hex("other\n")}});
  WriteFile(f.out / "manifest.json", manifest.dump(2) + "\n");
  WriteFile(f.out / "other/file.txt", "other\n");

  SECTION("--only demo keeps it, listed in the manifest") {
    Run only = f.Go(WriteMode::kWrite, {}, std::set<std::string>{"demo"});
    REQUIRE(only.result.ok);
    CHECK(fs::exists(f.out / "other/file.txt"));
    CHECK(nlohmann::json::parse(ReadFile(f.out / "manifest.json")) == manifest);
    CHECK_FALSE(f.Go(WriteMode::kCheck, {}, std::set<std::string>{"demo"}).result.Differs());
  }
  SECTION("a full run removes it: no generator makes it any more") {
    Run full = f.Go();
    REQUIRE(full.result.ok);
    CHECK(KindOf(full.result, "other/file.txt") == ChangeKind::kDelete);
    CHECK_FALSE(fs::exists(f.out / "other"));
  }
}

TEST_CASE("A file that becomes a folder is replaced", "[generators][writer]") {
  Fixture f;
  WriteFile(f.templates / "demo/names.mustache", "x");
  REQUIRE(f.Go().result.ok);
  // Rename the demo output folder to a file the previous run owned: "demo" then "demo/...".
  auto manifest = nlohmann::json::parse(ReadFile(f.out / "manifest.json"));
  fs::remove_all(f.out / "demo");
  WriteFile(f.out / "demo", "x");
  manifest["artifacts"][0]["path"] = "demo";
  WriteFile(f.out / "manifest.json", manifest.dump(2) + "\n");
  Run run = f.Go();
  REQUIRE(run.result.ok);
  CHECK(ReadFile(f.out / "demo/names.txt") == "x");
}

TEST_CASE("The output folder must be a folder", "[generators][writer]") {
  Fixture f;
  WriteFile(f.out, "a file");
  Run run = f.Go();
  CHECK_FALSE(run.result.ok);
  CHECK(run.diagnostics.items().at(0).code == "LT4023");
}

TEST_CASE("Generator settings parse as generator.key=value", "[generators][writer]") {
  auto s = ParseGeneratorSetting("dns.ttl=300");
  REQUIRE(s);
  CHECK(s->generator == "dns");
  CHECK(s->key == "ttl");
  CHECK(s->value == "300");
  auto dotted = ParseGeneratorSetting("proxy.upstream.host=a=b");
  REQUIRE(dotted);
  CHECK(dotted->key == "upstream.host");
  CHECK(dotted->value == "a=b");
  CHECK(ParseGeneratorSetting("dns.ttl=")->value.empty());
  CHECK_FALSE(ParseGeneratorSetting("ttl=300"));
  CHECK_FALSE(ParseGeneratorSetting(".ttl=300"));
  CHECK_FALSE(ParseGeneratorSetting("dns.=300"));
  CHECK_FALSE(ParseGeneratorSetting("dns.ttl"));
}

TEST_CASE("The manifest validates against schemas/manifest.schema.json", "[generators][writer]") {
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    FAIL("python3-jsonschema is not installed (scripts/install-deps --with-test-tools)");
  }
  Fixture f;
  REQUIRE(f.Go(WriteMode::kWrite, {{"extra", "1"}}).result.ok);
  const std::string command = fmt::format(
      "python3 -c 'import json,sys,jsonschema; "
      "jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate("
      "json.load(open(sys.argv[2])))' '{}/schemas/manifest.schema.json' '{}'",
      LYNCTOPO_SOURCE_DIR, (f.out / "manifest.json").string());
  CHECK(std::system(command.c_str()) == 0);
  // The schema is not a rubber stamp: a manifest with a '..' path fails it.
  WriteFile(f.work / "bad.json",
            R"({"format_version":1,"generator_version":"1","artifacts":[{"path":"../x",)"
            R"("generator":"g","size":1,"sha256":")" +
                std::string(64, '0') + R"("}]})");
  const std::string bad = fmt::format(
      "python3 -c 'import json,sys,jsonschema; "
      "jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate("
      "json.load(open(sys.argv[2])))' '{}/schemas/manifest.schema.json' '{}' 2>/dev/null",
      LYNCTOPO_SOURCE_DIR, (f.work / "bad.json").string());
  CHECK(std::system(bad.c_str()) != 0);
}
