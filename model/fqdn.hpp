#pragma once

#include <compare>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace lynctopo {

// Why a text is not an acceptable FQDN (spec F1/F2, RFC 1035 lengths).
enum class FqdnError {
  kNone,
  kEmpty,
  kTooLong,       // > 253 characters
  kLabelTooLong,  // a label > 63 characters
  kEmptyLabel,    // "a..b", leading or trailing dot
  kSingleLabel,   // "server"
  kBadCharacter,  // anything but letters, digits, hyphen (no underscore, no Unicode)
  kHyphenAtEdge,  // a label starting or ending with '-'
  kNumericTld,    // "10.0.0.1" is an address, not a name
};

std::string_view FqdnErrorText(FqdnError error);

// A fully qualified domain name that obeys the Lync naming rules: letters, digits and hyphen
// only, at least two labels, <= 253 characters, labels <= 63. Stored lower-case; compares
// case-insensitively by construction. A trailing dot is accepted on input and dropped.
class Fqdn {
 public:
  Fqdn() = default;

  // The checked constructor. On failure returns nullopt and sets *error.
  static std::optional<Fqdn> Parse(std::string_view text, FqdnError* error = nullptr);
  // Checks without constructing.
  static FqdnError Check(std::string_view text);

  const std::string& str() const { return value_; }
  bool empty() const { return value_.empty(); }
  // "pool01" of "pool01.contoso.com".
  std::string_view FirstLabel() const;
  // "contoso.com" of "pool01.contoso.com".
  std::string_view Parent() const;
  // True when this name equals `domain` or lies below it.
  bool IsWithin(std::string_view domain) const;

  friend bool operator==(const Fqdn&, const Fqdn&) = default;
  friend auto operator<=>(const Fqdn&, const Fqdn&) = default;

 private:
  explicit Fqdn(std::string lower) : value_(std::move(lower)) {}
  std::string value_;
};

std::string ToLower(std::string_view text);

}  // namespace lynctopo

template <>
struct std::hash<lynctopo::Fqdn> {
  size_t operator()(const lynctopo::Fqdn& f) const noexcept {
    return std::hash<std::string>()(f.str());
  }
};
