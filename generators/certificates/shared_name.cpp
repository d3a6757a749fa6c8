#include "generators/certificates/shared_name.hpp"

#include <mutex>
#include <unordered_set>

namespace lynctopo {

namespace {

// Every name once. Nodes never move, nor do their strings' bytes, so a SharedName's pointer
// stays valid for the life of the process; names are few beside the certificates naming them.
struct Pool {
  std::mutex lock;
  std::unordered_set<std::string> texts;
};

Pool& ThePool() {
  static Pool* pool = new Pool;  // never destroyed: names may be read while statics go
  return *pool;
}

const std::string* Intern(std::string_view text) {
  Pool& pool = ThePool();
  std::lock_guard<std::mutex> held(pool.lock);
  return &*pool.texts.emplace(text).first;
}

}  // namespace

SharedName::SharedName() : SharedName(std::string_view()) {}

SharedName::SharedName(std::string_view text) : text_(Intern(text)) {}

std::vector<std::string> Strings(const SharedNames& names) {
  return {names.begin(), names.end()};
}

SharedNames ToSharedNames(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

}  // namespace lynctopo
