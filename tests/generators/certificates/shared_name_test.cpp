// SharedName: a certificate name held once, read as its text.

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "generators/certificates/shared_name.hpp"

using lynctopo::SharedName;
using lynctopo::SharedNames;

TEST_CASE("Equal names are one object, compared and ordered by their text", "[certificates]") {
  std::string built = "sip.";
  built += "contoso.com";
  SharedName a("sip.contoso.com");
  SharedName b(built);
  CHECK(&a.str() == &b.str());  // held once
  CHECK(a == b);
  CHECK(a == "sip.contoso.com");
  CHECK(a == std::string("sip.contoso.com"));
  CHECK_FALSE(a == SharedName("sip.contoso.co"));
  CHECK(SharedName().empty());
  CHECK(SharedName() == SharedName(""));

  // Sorted as their strings sort, whatever order they were first seen in.
  SharedNames names = {"zeta.contoso.com", "alpha.contoso.com", "*.contoso.com",
                       "Beta.contoso.com"};
  std::sort(names.begin(), names.end());
  CHECK(lynctopo::Strings(names) == std::vector<std::string>{"*.contoso.com", "Beta.contoso.com",
                                                             "alpha.contoso.com",
                                                             "zeta.contoso.com"});
  CHECK(lynctopo::ToSharedNames(lynctopo::Strings(names)) == names);
  CHECK(nlohmann::json(names).dump() ==
        R"(["*.contoso.com","Beta.contoso.com","alpha.contoso.com","zeta.contoso.com"])");
}

TEST_CASE("Names made on several threads at once are still held once", "[certificates]") {
  std::vector<std::vector<const std::string*>> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < 2000; ++i)
        seen[t].push_back(&SharedName("fe" + std::to_string(i) + ".threads.contoso.com").str());
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t t = 1; t < seen.size(); ++t) CHECK(seen[t] == seen[0]);
}
