#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "generators/check/rendered_artifacts.hpp"

using namespace lynctopo;

// The proof runs in parts side by side (generators/check/rendered_artifacts.cpp): these tests
// hold it to what it found when it ran one step after the other, whatever the threads.

namespace {

constexpr int kZones = 700;  // more zone files than one part reads

std::string ZoneName(int i) {
  return fmt::format("z{:03}", i);
}

// A zone with its frame (SOA, NS and its glue) and one record of its own. The first and the
// 500th zone file also both carry dup.example, one record in two files of different parts.
std::string ZoneText(int i) {
  std::string zone = ZoneName(i);
  std::string text = fmt::format(
      "$TTL 3600\n"
      "@ IN SOA ns1.{0}. hostmaster.{0}. 1 3600 600 86400 3600\n"
      "@ IN NS ns1.{0}.\n"
      "ns1 IN A 10.0.0.1\n"
      "www IN A 10.1.{1}.{2}\n",
      zone, i / 250, i % 250);
  if (i == 1 || i == 500) text += "dup.example. IN A 10.9.9.9\n";
  if (i == 300) text += "broken IN A (\n";
  return text;
}

// records.csv as the DNS generator writes it: every zone's record (z300's too: it is read up to
// the line that does not parse) but dup.example, and one record no zone file has.
std::string RecordsCsv() {
  std::string csv = "view,zone,name,type,ttl,value,priority,weight,port,purpose\n";
  for (int i = 0; i < kZones; ++i) {
    csv += fmt::format("internal,{0},www.{0},A,3600,10.1.{1}.{2},,,,web\n", ZoneName(i), i / 250,
                       i % 250);
  }
  csv += "internal,z001,extra.z001,A,3600,10.8.8.8,,,,web\n";
  return csv;
}

struct Folder {
  std::deque<std::string> texts;
  RenderedFiles files;
  void Add(const std::string& path, std::string text) {
    files.texts[path] = texts.emplace_back(std::move(text));
  }
};

Folder TamperedFolder() {
  Folder folder;
  for (int i = 0; i < kZones; ++i) folder.Add("dns/internal/" + ZoneName(i) + ".zone", ZoneText(i));
  folder.Add("dns/records.csv", RecordsCsv());
  // Cut short after an item of an unknown role: the file does not parse, which is all that is
  // reported of it.
  folder.Add("certificates/certificates.json",
             "{ \"certificates\": [ { \"id\": \"x\", \"role\": \"bogus\" }, ");
  return folder;
}

std::vector<std::string> Findings(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.items())
    out.push_back(fmt::format("{} {}:{} {}", d.code, d.file, d.loc.line, d.message));
  return out;
}

}  // namespace

TEST_CASE("The proof finds the same, in the same order, on one thread and on many",
          "[check][proof]") {
  Folder folder = TamperedFolder();
  Plan plan;
  Diagnostics one, many;
  ProveRenderedArtifacts(plan, folder.files, "out", one, 1);
  ProveRenderedArtifacts(plan, folder.files, "out", many, 8);
  std::vector<std::string> found = Findings(one);
  CHECK(Findings(many) == found);

  // In the order of the steps: the zone that does not parse, what records.csv lacks and adds,
  // then certificates.json.
  INFO(fmt::format("{}", fmt::join(found, "\n")));
  REQUIRE(found.size() == 4);
  CHECK(found[0].starts_with("LT4251 out/dns/internal/z300.zone:"));
  // dup.example is in two zone files read by different parts: the first file names it.
  CHECK(found[1] ==
        "LT4252 out/dns/records.csv:0 lacks record 'internal dup.example A 10.9.9.9', which "
        "out/dns/internal/z001.zone:6 has");
  CHECK(found[2].starts_with("LT4252 out/dns/records.csv:"));
  CHECK(found[2].find("has record 'internal extra.z001 A 10.8.8.8', which no zone file has") !=
        std::string::npos);
  CHECK(found[3].starts_with("LT4251 out/certificates/certificates.json:"));
}

TEST_CASE("The proof reads every zone file of every part into the DNS model", "[check][proof]") {
  // A records.csv that lists every record but the last zone's: exactly that one is lacking,
  // whichever part read it.
  Folder folder;
  std::string csv = "view,zone,name,type,ttl,value,priority,weight,port,purpose\n";
  for (int i = 0; i < kZones; ++i) {
    if (i == 300) continue;
    folder.Add("dns/internal/" + ZoneName(i) + ".zone", ZoneText(i));
    if (i + 1 < kZones)
      csv += fmt::format("internal,{0},www.{0},A,3600,10.1.{1}.{2},,,,web\n", ZoneName(i), i / 250,
                         i % 250);
  }
  csv += "internal,z001,dup.example,A,3600,10.9.9.9,,,,web\n";
  folder.Add("dns/records.csv", csv);
  Plan plan;
  Diagnostics found;
  ProveRenderedArtifacts(plan, folder.files, "", found, 4);
  std::vector<std::string> findings = Findings(found);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0] == fmt::format("LT4252 dns/records.csv:0 lacks record 'internal www.{0} A "
                                   "10.1.{1}.{2}', which dns/internal/{0}.zone:5 has",
                                   ZoneName(kZones - 1), (kZones - 1) / 250, (kZones - 1) % 250));
}
