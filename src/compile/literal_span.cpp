#include "compile/literal_span.hpp"

#include <vector>

namespace cql::compile {
namespace {

// UTF-8 length of the code point written as \uXXXX (and, for a surrogate pair, \uXXXX\uXXXX).
std::size_t utf8_length(unsigned code_point) {
  return code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3 : 4;
}

unsigned hex4(std::string_view s) {
  unsigned v = 0;
  for (char c : s.substr(0, 4)) {
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
  }
  return v;
}

}  // namespace

Span map_into_literal(std::string_view literal, std::uint32_t offset, Span in_value) {
  // starts[d] = source position (relative to the literal) of the unit producing value byte d.
  std::vector<std::uint32_t> starts;
  std::size_t i = 1;  // after the opening quote
  const std::size_t end = literal.size() > 1 ? literal.size() - 1 : literal.size();
  while (i < end) {
    std::size_t width = 1, produced = 1;
    if (literal[i] == '\\' && i + 1 < end) {
      width = 2;
      if (literal[i + 1] == 'u' && i + 6 <= end) {
        unsigned cp = hex4(literal.substr(i + 2));
        width = 6;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 12 <= end && literal[i + 6] == '\\' && literal[i + 7] == 'u') {
          const unsigned low = hex4(literal.substr(i + 8));
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          width = 12;
        }
        produced = utf8_length(cp);
      }
    }
    for (std::size_t k = 0; k < produced; ++k) starts.push_back(static_cast<std::uint32_t>(i));
    i += width;
  }
  const auto closing = static_cast<std::uint32_t>(end);
  auto at = [&](std::uint32_t d) { return d < starts.size() ? starts[d] : closing; };
  const std::uint32_t begin = at(in_value.begin);
  std::uint32_t stop = in_value.end > in_value.begin ? at(in_value.end) : begin + 1;
  if (stop <= begin) stop = begin + 1;
  return Span{offset + begin, offset + stop};
}

}  // namespace cql::compile
