#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "parse/parse_state.hpp"

namespace cql::parse {

std::size_t first_invalid_utf8(std::string_view text) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Rules are almost always ASCII: skip eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t eight = 0;
      std::memcpy(&eight, s + i, sizeof eight);
      if ((eight & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char min_second = 0x80, max_second = 0xBF;  // RFC 3629 table 3-7
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) min_second = 0xA0;
      if (c == 0xED) max_second = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) min_second = 0x90;
      if (c == 0xF4) max_second = 0x8F;
    } else {
      return i;
    }
    if (i + length > n || s[i + 1] < min_second || s[i + 1] > max_second) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::optional<SyntaxFailure> check_text(std::string_view text, const ParseLimits& limits) {
  const std::size_t limit = std::min<std::size_t>(limits.max_text_bytes, std::numeric_limits<std::uint32_t>::max() - 1);
  if (text.size() > limit) {
    const auto at = static_cast<std::uint32_t>(limit);
    return SyntaxFailure{"expression too long (" + std::to_string(text.size()) + " bytes; the limit is " +
                             std::to_string(limit) + ")",
                         "", {at, at + 1}};
  }
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    const auto at = static_cast<std::uint32_t>(bad);
    return SyntaxFailure{"invalid UTF-8 in the expression", "", {at, at + 1}};
  }
  return std::nullopt;
}

}  // namespace cql::parse
