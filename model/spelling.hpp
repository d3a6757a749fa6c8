#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lynctopo {

// The candidate closest to `word` by edit distance (case-insensitive), when it is close enough
// to be a plausible typo; empty otherwise. Used for "did you mean ..." hints.
std::string SuggestSpelling(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" when there is no plausible candidate.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lynctopo
