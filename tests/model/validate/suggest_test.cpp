#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "model/validate/internal.hpp"

using lynctopo::validation::ClosestMatch;
using lynctopo::validation::DidYouMean;

TEST_CASE("ClosestMatch finds plausible typos only", "[validate]") {
  std::vector<std::string> pools = {"pool01.contoso.local", "pool02.contoso.local",
                                    "edgepool.contoso.local", "dirpool.contoso.local"};
  CHECK(ClosestMatch("edgepol.contoso.local", pools) == "edgepool.contoso.local");
  CHECK(ClosestMatch("EDGEPOOL.contoso.lcoal", pools) == "edgepool.contoso.local");
  CHECK(ClosestMatch("pool03.contoso.local", pools) == "pool01.contoso.local");  // tie: smallest
  CHECK(ClosestMatch("lync.fabrikam.com", pools).empty());
  CHECK(ClosestMatch("x", {"y", "xy"}) == "xy");
  CHECK(ClosestMatch("", pools).empty());
  CHECK(ClosestMatch("pool01.contoso.local", {}).empty());
  CHECK(DidYouMean("Redmund", {"Redmond", "Dublin"}) == " (did you mean 'Redmond'?)");
  CHECK(DidYouMean("Tokyo", {"Redmond", "Dublin"}).empty());
}

// The banded distance must agree with the plain dynamic programme wherever it is within reach.
TEST_CASE("ClosestMatch agrees with a full edit distance", "[validate]") {
  auto full = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      for (size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min(
            {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      }
    }
    return d[a.size()][b.size()];
  };
  std::mt19937 random(42);
  auto word = [&random](size_t length) {
    std::string w;
    for (size_t i = 0; i < length; ++i) w += static_cast<char>('a' + random() % 3);
    return w;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string a = word(1 + random() % 14);
    std::string b = word(1 + random() % 14);
    size_t limit = std::clamp<size_t>(a.size() / 3, 1, 4);
    bool expected = full(a, b) <= limit;
    INFO(a << " vs " << b);
    CHECK(!ClosestMatch(a, {b}).empty() == expected);
  }
}
