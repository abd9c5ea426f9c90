#pragma once
// "did you mean" hints for unknown names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cql::check {

// The candidate closest to `name`: equal ignoring case and underscores (`TRUE`, `has_group`), or
// within a small edit distance. nullopt when nothing is close.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace cql::check
