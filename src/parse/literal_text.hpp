#pragma once
// Turning the text of a number or string literal into its Value (spec/cql.md §1, §11).
// The grammar has already checked the shape; these functions check what a PEG cannot
// (range, surrogate pairing) and throw SyntaxFailure with the offending span.

#include <cstdint>
#include <string>
#include <string_view>

#include "cql/value.hpp"

namespace cql::parse {

// `digits [. digits] [e [+-] digits]`: an int64 when there is no fraction or exponent, else a
// double. `offset` is the literal's position in the source, for error spans.
Value number_value(std::string_view literal, std::uint32_t offset);

// A quoted literal (quotes included) to its UTF-8 content, escapes decoded; `\uD83D\uDE00`
// (a surrogate pair) is one character, a lone surrogate is an error. `has_escapes`: whether the
// parser read an escape sequence in it; without one, the text between the quotes is the value.
Value string_value(std::string_view literal, std::uint32_t offset, bool has_escapes);

}  // namespace cql::parse
