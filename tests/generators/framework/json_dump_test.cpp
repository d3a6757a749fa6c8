// DumpWithArray must print exactly what dump(2) prints of the whole document.

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
