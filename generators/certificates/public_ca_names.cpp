#include "generators/certificates/public_ca_names.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"

namespace lynctopo {
namespace {

// Top-level domains that are reserved for special use or are well-known internal-only
// suffixes no public registry delegates. Sorted for binary search.
constexpr std::array<std::string_view, 15> kInternalTlds = {
    "alt",       // RFC 9476
    "corp",      // ICANN: never delegated (name collision)
    "example",   // RFC 2606
    "home",      // ICANN: never delegated (name collision)
    "internal",  // ICANN: reserved for private use
    "intranet",
    "invalid",  // RFC 2606
    "lan",
    "local",  // RFC 6762 (multicast DNS)
    "localdomain",
    "localhost",  // RFC 6761
    "mail",       // ICANN: never delegated (name collision)
    "onion",      // RFC 7686
    "private",
    "test",  // RFC 2606
};

}  // namespace

std::optional<std::string> PublicCaRefuses(std::string_view name) {
  if (name.starts_with("*.")) name.remove_prefix(2);
  while (!name.empty() && name.back() == '.') name.remove_suffix(1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::string("a single-label name");
  std::string tld = ToLower(name.substr(dot + 1));
  if (std::binary_search(kInternalTlds.begin(), kInternalTlds.end(), tld)) {
    return fmt::format("the internal-only top-level domain '.{}'", tld);
  }
  std::string lower = ToLower(name);
  if (lower == "home.arpa" || lower.ends_with(".home.arpa")) {
    return std::string("the special-use domain 'home.arpa' (RFC 8375)");
  }
  if (tld.find_first_not_of("0123456789") == std::string::npos) {
    return std::string("an all-numeric top-level domain (an address, not a name)");
  }
  return std::nullopt;
}

void CheckPublicCaNames(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.certificates) return;
  for (const PlannedCertificate& cert : artifacts.certificates->certificates) {
    if (cert.ca != CaKind::kPublic) continue;
    std::vector<std::string> names = Strings(cert.sans);
    if (!cert.subject.empty() &&
        std::find(names.begin(), names.end(), cert.subject) == names.end()) {
      names.insert(names.begin(), cert.subject);
    }
    for (const std::string& name : names) {
      std::optional<std::string> why = PublicCaRefuses(name);
      if (!why) continue;
      diagnostics.Error("LT5104", "", {},
                        fmt::format("certificate {} is planned for a public CA but carries '{}', "
                                    "{}: public CAs may not issue it (CA/Browser Forum Baseline "
                                    "Requirements); use a public domain or an internal CA",
                                    cert.id, name, *why));
    }
  }
}

void CheckExternalZonesArePublic(const ArtifactSet& artifacts, Diagnostics& diagnostics) {
  if (!artifacts.dns) return;
  for (const DnsZone& zone : artifacts.dns->zones) {
    if (zone.view != View::kExternal) continue;
    std::optional<std::string> why = PublicCaRefuses(zone.name);
    if (!why) continue;
    diagnostics.Error("LT6014", "", {},
                      fmt::format("external DNS zone {} is {}: the public DNS cannot delegate it, "
                                  "so Internet clients can never resolve its names",
                                  zone.name, *why));
  }
}

}  // namespace lynctopo
