#include "generators/template_store.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

namespace lynctopo {

namespace {

constexpr std::string_view kBuiltInOrigin = "built-in";

// Dot files (".keep", editor swap files, ".git/") are never templates.
bool IsHidden(std::string_view name) {
  size_t start = 0;
  while (start < name.size()) {
    if (name[start] == '.') return true;
    size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace

TemplateStore::TemplateStore() {
  for (const EmbeddedTemplate& t : EmbeddedTemplates()) {
    if (IsHidden(t.path)) continue;
    entries_.emplace_back(std::string(t.path),
                          Entry{std::string(t.content), std::string(kBuiltInOrigin)});
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

TemplateStore::TemplateStore(const std::filesystem::path& override_dir, Diagnostics& diagnostics)
    : TemplateStore() {
  namespace fs = std::filesystem;
  const std::string shown = override_dir.generic_string();
  std::error_code ec;
  if (!fs::is_directory(override_dir, ec)) {
    diagnostics.Error("LT4014", shown, {},
                      fs::exists(override_dir, ec) ? "template folder is not a folder"
                                                   : "template folder does not exist");
    return;
  }
  std::map<std::string, Entry> overrides;
  fs::recursive_directory_iterator it(override_dir, ec), end;
  if (ec) {
    diagnostics.Error("LT4014", shown, {}, "cannot read template folder: " + ec.message());
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diagnostics.Error("LT4014", shown, {}, "cannot read template folder: " + ec.message());
      break;
    }
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    std::string name = it->path().lexically_relative(override_dir).generic_string();
    if (name.empty() || IsHidden(name)) continue;
    std::string origin = (override_dir / fs::path(name)).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      diagnostics.Error("LT4015", origin, {}, "cannot read template file");
      continue;
    }
    overrides[name] = Entry{content.str(), origin};
  }
  for (auto& [name, entry] : overrides) {
    auto pos = std::lower_bound(entries_.begin(), entries_.end(), name,
                                [](const auto& e, const std::string& n) { return e.first < n; });
    if (pos != entries_.end() && pos->first == name) {
      pos->second = std::move(entry);
    } else {
      entries_.emplace(pos, name, std::move(entry));
    }
  }
}

std::vector<TemplateInfo> TemplateStore::List() const {
  std::vector<TemplateInfo> list;
  list.reserve(entries_.size());
  for (const auto& [name, entry] : entries_) list.push_back({name, entry.origin});
  return list;
}

std::optional<std::string> TemplateStore::Source(std::string_view name) const {
  const Entry* entry = Find(name);
  if (!entry) return std::nullopt;
  return entry->source;
}

const TemplateStore::Entry* TemplateStore::Find(std::string_view name) const {
  auto pos = std::lower_bound(entries_.begin(), entries_.end(), name,
                              [](const auto& e, std::string_view n) { return e.first < n; });
  if (pos == entries_.end() || pos->first != name) return nullptr;
  return &pos->second;
}

}  // namespace lynctopo
