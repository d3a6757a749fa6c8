#include "model/fqdn.hpp"

namespace lynctopo {

std::string_view FqdnErrorText(FqdnError error) {
  switch (error) {
    case FqdnError::kNone:
      return "valid";
    case FqdnError::kEmpty:
      return "is empty";
    case FqdnError::kTooLong:
      return "is longer than 253 characters";
    case FqdnError::kLabelTooLong:
      return "has a label longer than 63 characters";
    case FqdnError::kEmptyLabel:
      return "has an empty label";
    case FqdnError::kSingleLabel:
      return "is a single label (a domain name needs at least two)";
    case FqdnError::kBadCharacter:
      return "contains a character other than letters, digits, hyphen and dot";
    case FqdnError::kHyphenAtEdge:
      return "has a label that starts or ends with a hyphen";
    case FqdnError::kNumericTld:
      return "is an address, not a name";
  }
  return "is invalid";
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

FqdnError Fqdn::Check(std::string_view text) {
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);
  if (text.empty()) return FqdnError::kEmpty;
  if (text.size() > 253) return FqdnError::kTooLong;
  size_t labels = 0;
  size_t start = 0;
  bool last_label_numeric = false;
  while (true) {
    size_t end = text.find('.', start);
    std::string_view label =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (label.empty()) return FqdnError::kEmptyLabel;
    if (label.size() > 63) return FqdnError::kLabelTooLong;
    bool numeric = true;
    for (char c : label) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      if (!letter && !digit && c != '-') return FqdnError::kBadCharacter;
      if (!digit) numeric = false;
    }
    if (label.front() == '-' || label.back() == '-') return FqdnError::kHyphenAtEdge;
    ++labels;
    last_label_numeric = numeric;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (labels < 2) return FqdnError::kSingleLabel;
  if (last_label_numeric) return FqdnError::kNumericTld;
  return FqdnError::kNone;
}

std::optional<Fqdn> Fqdn::Parse(std::string_view text, FqdnError* error) {
  FqdnError result = Check(text);
  if (error) *error = result;
  if (result != FqdnError::kNone) return std::nullopt;
  if (text.back() == '.') text.remove_suffix(1);
  return Fqdn(ToLower(text));
}

std::string_view Fqdn::FirstLabel() const {
  std::string_view v = value_;
  return v.substr(0, v.find('.'));
}

std::string_view Fqdn::Parent() const {
  std::string_view v = value_;
  size_t dot = v.find('.');
  return dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
}

bool Fqdn::IsWithin(std::string_view domain) const {
  std::string lower = ToLower(domain);
  if (value_ == lower) return true;
  return value_.size() > lower.size() && value_.ends_with(lower) &&
         value_[value_.size() - lower.size() - 1] == '.';
}

}  // namespace lynctopo
