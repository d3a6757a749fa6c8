// Kerberos web authentication accounts (spec §D, F21): `DOMAIN\name` with a NetBIOS name of at
// most 15 characters, and a container DN that New-CsKerberosAccount can take.

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

constexpr size_t kMaxAccountName = 15;

void CheckAccount(Context& ctx, const Site& site, const KerberosAccount& kerberos) {
  const std::string& account = kerberos.account;
  size_t separator = account.find('\\');
  if (account.empty() || separator == std::string::npos || separator == 0 ||
      separator + 1 == account.size()) {
    bool upn = account.find('@') != std::string::npos;
    ctx.Report("LT1100", kerberos.origin, "account",
               fmt::format("Kerberos account '{}' of site '{}' is not of the form DOMAIN\\name{}",
                           account, site.name, upn ? " (user@domain is not accepted)" : ""));
    return;
  }
  std::string_view domain = std::string_view(account).substr(0, separator);
  std::string_view name = std::string_view(account).substr(separator + 1);
  char unsafe = FirstUnsafeCharacter(domain);
  if (!unsafe) unsafe = FirstUnsafeCharacter(name);
  if (unsafe) {
    ctx.Report("LT1160", kerberos.origin, "account",
               fmt::format("Kerberos account '{}' contains {}, which could break quoting in "
                           "generated scripts",
                           account, DescribeCharacter(unsafe)));
    return;
  }
  if (name.size() > kMaxAccountName) {
    ctx.Report("LT1101", kerberos.origin, "account",
               fmt::format("Kerberos account name '{}' of site '{}' is longer than {} characters",
                           name, site.name, kMaxAccountName));
  }
  size_t bad = name.find_first_of("/:*?<>|@,=+[].");
  if (bad != std::string_view::npos) {
    ctx.Report("LT1104", kerberos.origin, "account",
               fmt::format("Kerberos account name '{}' of site '{}' contains '{}', which a "
                           "computer account name cannot",
                           name, site.name, name[bad]));
  }
  const std::string& netbios = ctx.topology.netbios_domain;
  if (!netbios.empty() && ToLower(domain) != ToLower(netbios)) {
    ctx.Report("LT1103", kerberos.origin, "account",
               fmt::format("Kerberos account '{}' of site '{}' is in domain '{}', not in the "
                           "NetBIOS domain '{}'",
                           account, site.name, domain, netbios));
  }
}

bool IsAttributeType(std::string_view type) {
  if (type.empty()) return false;
  for (char c : type) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// `CN=Computers,DC=contoso,DC=local`: comma-separated type=value pairs with at least one DC.
// Escapes (backslash) are refused with the quoting rule, so a plain split is exact.
bool IsDistinguishedName(std::string_view dn) {
  bool has_dc = false;
  size_t start = 0;
  while (true) {
    size_t comma = dn.find(',', start);
    std::string_view rdn =
        dn.substr(start, comma == std::string_view::npos ? dn.npos : comma - start);
    size_t equals = rdn.find('=');
    if (equals == std::string_view::npos) return false;
    std::string_view type = Trim(rdn.substr(0, equals));
    std::string_view value = Trim(rdn.substr(equals + 1));
    if (!IsAttributeType(type) || value.empty() || value.find_first_of("=+<>#") != value.npos) {
      return false;
    }
    if (ToLower(type) == "dc") has_dc = true;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return has_dc;
}

void CheckContainer(Context& ctx, const Site& site, const KerberosAccount& kerberos) {
  const std::string& dn = kerberos.container_dn;
  if (dn.empty()) return;
  for (char c : dn) {
    // Spaces are fine inside DN values ("OU=Lync Servers"); the other unsafe characters are not.
    if (c != ' ' && FirstUnsafeCharacter(std::string_view(&c, 1))) {
      ctx.Report("LT1160", kerberos.origin, "container_dn",
                 fmt::format("Kerberos container DN '{}' contains {}, which could break quoting "
                             "in generated scripts",
                             dn, DescribeCharacter(c)));
      return;
    }
  }
  if (!IsDistinguishedName(dn)) {
    ctx.Report("LT1102", kerberos.origin, "container_dn",
               fmt::format("Kerberos container DN '{}' of site '{}' is not a distinguished name "
                           "like CN=Computers,DC=contoso,DC=local",
                           dn, site.name));
  }
}

}  // namespace

void CheckKerberos(Context& ctx) {
  for (const Site& site : ctx.topology.sites) {
    if (!site.kerberos_account) continue;
    // Report at the account's own position, or at the site's when the loader kept none.
    KerberosAccount account = *site.kerberos_account;
    account.origin = KnownOrigin(account.origin, site.origin);
    CheckAccount(ctx, site, account);
    CheckContainer(ctx, site, account);
  }
}

}  // namespace lynctopo::validation
