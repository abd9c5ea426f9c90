#pragma once
// The hash of std::string keys that also takes a std::string_view: a std::unordered_map
// declared with TextHash and std::equal_to<> is searched with a view, without building a
// std::string for each lookup.
#include <cstddef>
#include <functional>
#include <string_view>

namespace cql {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

}  // namespace cql
