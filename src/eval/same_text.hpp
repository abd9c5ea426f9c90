#pragma once
// Byte equality tuned for short texts (object keys, the constants of a rule): for the few bytes
// of a typical key a loop has answered before a call to memcmp would have started.
#include <cstddef>
#include <cstring>
#include <string_view>

namespace cql {

inline bool same_text(std::string_view a, std::string_view b) noexcept {
  constexpr std::size_t kShort = 16;
  if (a.size() != b.size()) return false;
  if (a.size() > kShort) return std::memcmp(a.data(), b.data(), a.size()) == 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace cql
