#pragma once

// What this binary is and what it was built from, for `--version` and `lynctopo version`.

#include <nlohmann/json.hpp>
#include <string>

namespace lynctopo::cli {

// {"format_version":1,"version","git","build_type","compiler","libraries":{...}}
// (schemas/version.schema.json).
nlohmann::json VersionJson();
// The same as lines of text: "lynctopo 0.1.0 (git ...)" then one "name: value" per line.
std::string VersionText();

}  // namespace lynctopo::cli
