#include "model/diff/change.hpp"

#include <map>

namespace lynctopo {

const char* ToString(ChangeAction action) {
  switch (action) {
    case ChangeAction::kCreate:
      return "create";
    case ChangeAction::kUpdate:
      return "update";
    case ChangeAction::kDelete:
      return "delete";
    case ChangeAction::kReplace:
      return "replace";
    case ChangeAction::kNoOp:
      return "no-op";
  }
  return "no-op";
}

void DiffKeyedObjects(std::string_view level, std::string_view kind,
                      const std::vector<KeyedObject>& before, const std::vector<KeyedObject>& after,
                      bool include_no_op, std::vector<Change>& out) {
  std::map<std::string, std::pair<const nlohmann::json*, const nlohmann::json*>> merged;
  for (const KeyedObject& o : before) merged[o.key].first = &o.value;
  for (const KeyedObject& o : after) merged[o.key].second = &o.value;
  for (const auto& [key, values] : merged) {
    const auto [old_value, new_value] = values;
    Change change;
    change.level = level;
    change.kind = kind;
    change.address = key;
    if (old_value) change.before = *old_value;
    if (new_value) change.after = *new_value;
    if (!old_value) {
      change.action = ChangeAction::kCreate;
    } else if (!new_value) {
      change.action = ChangeAction::kDelete;
    } else if (*old_value != *new_value) {
      change.action = ChangeAction::kUpdate;
    } else {
      if (!include_no_op) continue;
      change.action = ChangeAction::kNoOp;
    }
    out.push_back(std::move(change));
  }
}

ChangeSummary Summarize(const std::vector<Change>& changes) {
  ChangeSummary summary;
  for (const Change& c : changes) {
    switch (c.action) {
      case ChangeAction::kCreate:
        ++summary.to_add;
        break;
      case ChangeAction::kUpdate:
      case ChangeAction::kReplace:
        ++summary.to_change;
        break;
      case ChangeAction::kDelete:
        ++summary.to_remove;
        break;
      case ChangeAction::kNoOp:
        ++summary.unchanged;
        break;
    }
  }
  return summary;
}

}  // namespace lynctopo
