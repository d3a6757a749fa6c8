#pragma once

// The change model shared by `diff` and `verify`: Terraform-style actions on addressed
// objects, each with before/after values.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lynctopo {

enum class ChangeAction { kCreate, kUpdate, kDelete, kReplace, kNoOp };

const char* ToString(ChangeAction action);

struct Change {
  std::string level;    // "topology" or "artifacts"
  std::string kind;     // "pool", "server", "certificate", "dns-record", ...
  std::string address;  // identity within the kind: "pool01.contoso.local"
  ChangeAction action = ChangeAction::kNoOp;
  nlohmann::json before;  // null when the object did not exist
  nlohmann::json after;   // null when the object goes away
  std::string note;       // why it matters: "reissue on fe01.contoso.local"
};

// An object to compare, under its identity. `value` must already be normalised (sorted
// lists, lower-case names) so that reordering and case changes compare equal.
struct KeyedObject {
  std::string key;
  nlohmann::json value;
};

// Appends one change per key in either list (no-ops only when `include_no_op`), ordered by key.
// A duplicated key keeps the last value.
void DiffKeyedObjects(std::string_view level, std::string_view kind,
                      const std::vector<KeyedObject>& before, const std::vector<KeyedObject>& after,
                      bool include_no_op, std::vector<Change>& out);

struct ChangeSummary {
  size_t to_add = 0;
  size_t to_change = 0;  // updates and replacements
  size_t to_remove = 0;
  size_t unchanged = 0;
  bool empty() const { return to_add + to_change + to_remove == 0; }
};

ChangeSummary Summarize(const std::vector<Change>& changes);

}  // namespace lynctopo
