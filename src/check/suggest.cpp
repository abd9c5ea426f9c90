#include "check/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace cql::check {
namespace {

std::string folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
  const std::string key = folded(name);
  std::optional<std::string> best;
  const std::size_t limit = name.size() <= 3 ? 1 : 2;  // short names: one typo at most
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    if (candidate == name) continue;
    if (folded(candidate) == key) return std::string(candidate);
    const std::size_t d = edit_distance(name, candidate);
    if (d < best_distance || (d == best_distance && best && candidate < *best)) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace cql::check
