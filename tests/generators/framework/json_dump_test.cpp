// DumpWithArray must print exactly what dump(2) prints of the whole document.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "generators/json_dump.hpp"

using nlohmann::json;

TEST_CASE("DumpWithArray prints what dump(2) prints of the whole document", "[generators]") {
  const json items = json::array({
      {{"id", "a"}, {"sans", json::array({"x.contoso.com", "y.contoso.com"})}, {"n", 1}},
      {{"id", "line\nbreak \"quoted\""},
       {"nested", {{"empty", json::array()}, {"o", json::object()}}}},
      "plain",
      json::array({1, 2, json::array()}),
      json::object(),
  });
  // The array's key first, in the middle and last in the document's sorted keys.
  for (const char* key : {"a", "m", "z", "\"odd key\""}) {
    for (size_t count : {size_t{0}, size_t{1}, items.size()}) {
      json document = {{"format_version", 1}, {"b", {{"inner", json::array({1})}}}, {"y", "s"}};
      json whole = document;
      whole[key] = json::array();
      for (size_t i = 0; i < count; ++i) whole[key].push_back(items[i]);
      INFO(key << " " << count);
      CHECK(lynctopo::DumpWithArray(document, key, count,
                                    [&items](size_t i) { return items[i]; }) == whole.dump(2));
    }
  }
}

// What generate writes a JSON artifact with: the same bytes and the trailer, in pieces of about
// a megabyte (never the whole text of a large array at once), stopping when the sink fails.
TEST_CASE("DumpWithArrayTo sends the text a piece at a time", "[generators]") {
  const json document = {{"format_version", 1}, {"z", "last"}};
  const size_t count = 20000;  // about 2.5 MB of text
  auto item = [](size_t i) {
    return json{{"id", "server" + std::to_string(i) + ".contoso.com"}, {"n", i}};
  };
  const std::string whole = lynctopo::DumpWithArray(document, "items", count, item) + "\n";
  std::vector<std::string> pieces;
  CHECK(lynctopo::DumpWithArrayTo(document, "items", count, item, "\n",
                                  [&pieces](std::string_view piece) {
                                    pieces.emplace_back(piece);
                                    return true;
                                  }));
  std::string joined;
  for (const std::string& piece : pieces) joined += piece;
  CHECK(joined == whole);
  REQUIRE(pieces.size() >= 2);
  for (const std::string& piece : pieces) CHECK(piece.size() < (size_t{1} << 20) + 256);

  size_t calls = 0;
  CHECK_FALSE(lynctopo::DumpWithArrayTo(document, "items", count, item, "\n",
                                        [&calls](std::string_view) { return ++calls < 2; }));
  CHECK(calls == 2);  // nothing more was sent after the refused piece
  CHECK_FALSE(lynctopo::DumpWithArrayTo(document, "items", 0, item, "\n",
                                        [](std::string_view) { return false; }));
}
