#include <algorithm>
#include <array>
#include <string_view>

#include "parse/syntax_failure.hpp"

namespace cql::parse {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Operators of CQL and of the languages its authors come from; underlining `&&` whole reads
// better than a caret under its first half.
constexpr std::array<std::string_view, 11> kTwoCharTokens = {"&&", "||", "??", "?.", "=>", "==",
                                                            "!=", "<=", ">=", "/*", "//"};

std::uint32_t code_point_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

std::uint32_t token_end(std::string_view text, std::uint32_t offset) noexcept {
  const auto size = static_cast<std::uint32_t>(text.size());
  if (offset >= size) return size;
  const char c = text[offset];
  std::uint32_t end = offset;
  if (is_word_char(c)) {
    while (end < size && is_word_char(text[end])) ++end;
    return end;
  }
  if (c == '\\' && offset + 1 < size) {
    return std::min(size, offset + 1 + code_point_length(static_cast<unsigned char>(text[offset + 1])));
  }
  for (std::string_view token : kTwoCharTokens) {
    if (text.substr(offset, 2) == token) return offset + 2;
  }
  return std::min(size, offset + code_point_length(static_cast<unsigned char>(c)));
}

}  // namespace cql::parse
