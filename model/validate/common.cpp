// Helpers shared by the validation rules: character safety, host names, addresses, typo hints.

#include <arpa/inet.h>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {

bool IsCorePool(PoolKind kind) {
  return kind == PoolKind::kStandardEdition || kind == PoolKind::kFrontEnd ||
         kind == PoolKind::kDirector || kind == PoolKind::kEdge;
}

bool IsInventory(const Pool& pool) {
  if (IsCorePool(pool.kind)) return false;
  if (pool.kind == PoolKind::kOfficeWebApps) return pool.external_web_fqdn.empty();
  return true;
}

std::string DescribePool(const Pool& pool) {
  if (pool.fqdn.empty()) return fmt::format("an unnamed {} pool", ToString(pool.kind));
  return fmt::format("{} pool '{}'", ToString(pool.kind), pool.fqdn);
}

const Origin& KnownOrigin(const Origin& own, const Origin& parent) {
  return own.loc.line != 0 || !own.fields.empty() ? own : parent;
}

const Origin& EdgeOrigin(const Pool& pool) {
  return KnownOrigin(pool.edge.origin, pool.origin);
}

char FirstUnsafeCharacter(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`' || c == ';' || c == ' ' ||
        u < 0x20 || u == 0x7f) {
      return c;
    }
  }
  return 0;
}

std::string DescribeCharacter(char c) {
  switch (c) {
    case '\'':
      return "a single quote";
    case '"':
      return "a double quote";
    case '\\':
      return "a backslash";
    case '$':
      return "a dollar sign";
    case '`':
      return "a backtick";
    case ';':
      return "a semicolon";
    case ' ':
    case '\t':
    case '\n':
    case '\r':
      return "whitespace";
    default:
      return "a control character";
  }
}

bool CheckHostName(Context& ctx, std::string_view value, const Origin& origin,
                   std::string_view field, std::string_view label, bool inventory) {
  if (char c = FirstUnsafeCharacter(value)) {
    ctx.Report("LT1160", origin, field,
               fmt::format("{} '{}' contains {}, which could break quoting in generated scripts",
                           label, value, DescribeCharacter(c)));
    return false;
  }
  FqdnError error = Fqdn::Check(value);
  if (error == FqdnError::kNone) return true;
  if (inventory) {
    ctx.Report("LT1005", origin, field,
               fmt::format("{} '{}' {}; it is kept as inventory only", label, value,
                           FqdnErrorText(error)));
  } else {
    ctx.Report("LT1004", origin, field,
               fmt::format("{} '{}' {}", label, value, FqdnErrorText(error)));
  }
  return false;
}

bool IsIpAddress(std::string_view text) {
  std::string s(text);
  unsigned char buffer[16];
  return inet_pton(AF_INET, s.c_str(), buffer) == 1 || inet_pton(AF_INET6, s.c_str(), buffer) == 1;
}

void CheckAddress(Context& ctx, std::string_view value, const Origin& origin,
                  std::string_view field, std::string_view label) {
  if (value.empty() || IsIpAddress(value)) return;
  ctx.Report("LT1007", origin, field,
             fmt::format("{} '{}' is not an IPv4 or IPv6 address", label, value));
}

namespace {

// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. Only the
// diagonal band |i - j| <= limit can hold values within the limit, so only it is computed: a
// suggestion costs O(length * limit) per candidate, whatever the number of typos.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  const size_t over = limit + 1;
  std::vector<size_t> previous(b.size() + 1, over), current(b.size() + 1, over);
  for (size_t j = 0; j <= std::min(b.size(), limit); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t from = i > limit ? i - limit : 1;
    size_t to = std::min(b.size(), i + limit);
    // Cells just outside the band still hold values of two rows ago: mark them out of reach.
    current[from - 1] = from == 1 && i <= limit ? i : over;
    if (to + 1 <= b.size()) current[to + 1] = over;
    size_t row_min = current[from - 1];
    for (size_t j = from; j <= to; ++j) {
      size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute, over});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return over;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], over);
}

}  // namespace

std::string ClosestMatch(std::string_view wanted, const std::vector<std::string>& candidates) {
  std::string lower = ToLower(wanted);
  // A third of the name, at least one and at most four edits: close enough to be a typo.
  size_t limit = std::clamp<size_t>(lower.size() / 3, 1, 4);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    size_t d = BoundedEditDistance(lower, ToLower(candidate), limit);
    if (d < best_distance || (d == best_distance && d <= limit && candidate < best)) {
      best_distance = d;
      best = candidate;
    }
  }
  return best_distance <= limit ? best : std::string();
}

std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates) {
  std::string match = ClosestMatch(wanted, candidates);
  return match.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", match);
}

}  // namespace lynctopo::validation
