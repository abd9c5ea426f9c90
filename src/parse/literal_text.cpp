#include "parse/literal_text.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

#include "eval/utf8.hpp"  // header-only: the UTF-8 encoder shared with the string methods
#include "parse/syntax_failure.hpp"

namespace cql::parse {
namespace {

Span span_of(std::uint32_t offset, std::size_t begin, std::size_t length) {
  const auto b = static_cast<std::uint32_t>(offset + begin);
  return {b, static_cast<std::uint32_t>(b + length)};
}

unsigned hex_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  return static_cast<unsigned>(c - 'A' + 10);
}

// The code unit of the `\uXXXX` escape whose backslash is at `at` (the grammar guarantees the
// four hex digits).
unsigned code_unit(std::string_view s, std::size_t at) {
  unsigned unit = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) unit = unit * 16 + hex_value(s[i]);
  return unit;
}

bool is_high_surrogate(unsigned u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(unsigned u) { return u >= 0xDC00 && u <= 0xDFFF; }

char simple_escape(char c) {
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    default: return c;  // " ' \ /
  }
}

}  // namespace

Value number_value(std::string_view literal, std::uint32_t offset) {
  const char* first = literal.data();
  const char* last = first + literal.size();
  if (literal.find_first_of(".eE") == std::string_view::npos) {
    std::int64_t i = 0;
    const auto [ptr, ec] = std::from_chars(first, last, i);
    if (ec == std::errc::result_out_of_range) {
      throw SyntaxFailure{"integer literal out of range", "integers are 64-bit (at most 9223372036854775807); write a double such as 1e19",
                          span_of(offset, 0, literal.size())};
    }
    return Value(i);
  }
  double d = 0;
  const auto [ptr, ec] = std::from_chars(first, last, d);
  if (ec == std::errc::result_out_of_range || !std::isfinite(d)) {
    throw SyntaxFailure{"number out of range for a double", "", span_of(offset, 0, literal.size())};
  }
  return Value(d);
}

Value string_value(std::string_view literal, std::uint32_t offset, bool has_escapes) {
  const std::string_view s = literal.substr(0, literal.size() - 1);  // drop the closing quote
  // Most literals have no escape: the Value is made from the source text directly.
  if (!has_escapes) return Value(s.substr(1));
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out.push_back(s[i]);
      continue;
    }
    if (s[i + 1] != 'u') {
      out.push_back(simple_escape(s[i + 1]));
      ++i;
      continue;
    }
    unsigned unit = code_unit(s, i);
    const std::size_t escape_begin = i;
    i += 5;
    if (is_high_surrogate(unit)) {
      // The grammar guarantees four hex digits after every `\u`.
      const bool pair = s.substr(i + 1, 2) == "\\u" && is_low_surrogate(code_unit(s, i + 1));
      if (!pair) {
        throw SyntaxFailure{"lone surrogate in \\u escape", "a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF escape",
                            span_of(offset, escape_begin, 6)};
      }
      unit = 0x10000 + ((unit - 0xD800) << 10) + (code_unit(s, i + 1) - 0xDC00);
      i += 6;
    } else if (is_low_surrogate(unit)) {
      throw SyntaxFailure{"lone surrogate in \\u escape", "a \\uDC00-\\uDFFF escape must follow a \\uD800-\\uDBFF escape",
                          span_of(offset, escape_begin, 6)};
    }
    utf8::encode(out, unit);
  }
  return Value(out);
}

}  // namespace cql::parse
