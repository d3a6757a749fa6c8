// The CSV reader the proof reads records.csv and certificates.csv back with.

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "generators/check/rendered_certificates.hpp"
#include "generators/check/rendered_parsers.hpp"

using namespace lynctopo::rendered;

namespace {

// "line: field|field|..." per row.
std::vector<std::string> Described(const std::vector<CsvRow>& rows) {
  std::vector<std::string> out;
  for (const CsvRow& row : rows) {
    std::string text = std::to_string(row.line) + ":";
    for (size_t i = 0; i < row.fields.size(); ++i) text += (i ? "|" : " ") + row.fields[i];
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("CSV rows: quoted fields, doubled quotes, line breaks inside quotes, CRLF",
          "[check][rendered]") {
  const std::string csv =
      "id,name,note\r\n"
      "a,\"x, y\",\"say \"\"hi\"\"\"\r\n"
      "\n"
      "b,\"two\nlines\",\n"
      "c,,last";
  const std::vector<std::string> expected = {"1: id|name|note", "2: a|x, y|say \"hi\"",
                                             "4: b|two\nlines|", "6: c||last"};
  CHECK(Described(ParseCsv(csv)) == expected);

  // One at a time, the same rows; told after each how far the reading is, up to the end.
  std::vector<CsvRow> rows;
  std::vector<size_t> offsets;
  ForEachCsvRow(
      csv, [&rows](CsvRow& row) { rows.push_back(row); },
      [&offsets](size_t offset) { offsets.push_back(offset); });
  CHECK(Described(rows) == expected);
  REQUIRE(offsets.size() == rows.size());
  CHECK(offsets.front() == std::string("id,name,note\r\n").size());
  CHECK(std::is_sorted(offsets.begin(), offsets.end()));
  CHECK(offsets.back() == csv.size());
}

TEST_CASE("certificates.csv rows by their header's columns", "[check][rendered]") {
  std::vector<CertificateMention> rows;
  std::string error;
  REQUIRE(CsvCertificates(
      "subject,id,install_on,sans\n"
      "POOL.contoso.local,fe01-default,FE01.contoso.local,a.contoso.com;B.contoso.com\n"
      "\n",
      rows, error));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == "fe01-default");
  CHECK(rows[0].subject == "pool.contoso.local");
  CHECK(rows[0].sans_field == "a.contoso.com;b.contoso.com");
  CHECK(rows[0].install_on_field == "fe01.contoso.local");
  CHECK(rows[0].line == 2);

  rows.clear();
  CHECK_FALSE(CsvCertificates("", rows, error));
  CHECK(error == "no header row");
  CHECK_FALSE(CsvCertificates("id,subject,sans\nx,y,z\n", rows, error));
  CHECK(error == "no 'install_on' column");
  CHECK(rows.empty());
}
