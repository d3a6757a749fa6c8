#include "model/spelling.hpp"

#include <algorithm>

#include "model/fqdn.hpp"

namespace lynctopo {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string SuggestSpelling(std::string_view word, const std::vector<std::string>& candidates) {
  std::string lower = ToLower(word);
  std::string best;
  size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(lower, ToLower(candidate));
    if (best.empty() || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A third of the word may be wrong, at least two edits: "extrnal_web_fqdn", "frontend".
  size_t allowed = std::max<size_t>(2, word.size() / 3);
  if (best.empty() || best_distance > allowed) return "";
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string suggestion = SuggestSpelling(word, candidates);
  if (suggestion.empty()) return "";
  return " (did you mean '" + suggestion + "'?)";
}

}  // namespace lynctopo
