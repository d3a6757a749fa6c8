#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lynctopo {

// Where a value came from in the input file. line/column are 1-based; 0 means unknown.
// `pointer` is the RFC 6901 JSON pointer for JSON input (empty for XML).
struct SourceLoc {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string pointer;
};

// The location of a model object plus, where the loader knew them, of its individual fields,
// so a diagnostic about `external_web_fqdn` points at that attribute, not at the whole pool.
struct Origin {
  SourceLoc loc;
  std::vector<std::pair<std::string, SourceLoc>> fields;

  // The location of `field` when recorded, else the object's own location.
  const SourceLoc& Field(std::string_view field) const {
    for (const auto& [name, where] : fields) {
      if (name == field) return where;
    }
    return loc;
  }
  void SetField(std::string name, SourceLoc where) {
    fields.emplace_back(std::move(name), std::move(where));
  }
};

}  // namespace lynctopo
