#pragma once

// A certificate name held once for the whole process, however many certificates carry it: a
// pool's names are on each of its servers' certificates, and a string per name per certificate
// was most of the certificate plan's memory (668,000 SANs, 25,000 distinct, for 10,000
// servers: 53 MB, twice over once the proof read certificates.json back). Reads as the
// std::string it stands for; equal names are the same object.

#include <compare>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lynctopo {

class SharedName {
 public:
  SharedName();                       // ""
  SharedName(std::string_view text);  // implicit: a name is its text
  SharedName(const std::string& text) : SharedName(std::string_view(text)) {}
  SharedName(const char* text) : SharedName(std::string_view(text)) {}

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }
  operator std::string_view() const { return *text_; }
  bool empty() const { return text_->empty(); }

  friend bool operator==(const SharedName& a, const SharedName& b) { return a.text_ == b.text_; }
  friend bool operator==(const SharedName& a, std::string_view b) { return *a.text_ == b; }
  friend bool operator==(const SharedName& a, const std::string& b) { return *a.text_ == b; }
  friend bool operator==(const SharedName& a, const char* b) { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const SharedName& a, const SharedName& b) {
    return a.text_ == b.text_ ? std::strong_ordering::equal : *a.text_ <=> *b.text_;
  }
  friend std::ostream& operator<<(std::ostream& out, const SharedName& n) { return out << n.str(); }

 private:
  const std::string* text_;  // in the process-wide pool (shared_name.cpp), never freed
};

using SharedNames = std::vector<SharedName>;

// The names as strings (for the functions that take a list of strings).
std::vector<std::string> Strings(const SharedNames& names);
SharedNames ToSharedNames(const std::vector<std::string>& names);

inline void to_json(nlohmann::json& j, const SharedName& name) {
  j = name.str();
}

}  // namespace lynctopo
