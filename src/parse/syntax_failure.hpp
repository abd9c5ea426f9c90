#pragma once
// The exception that carries a syntax error out of the PEGTL parse. It never leaves
// src/parse: parse_expression() catches it and returns a Diagnostic.

#include <cstdint>
#include <string>
#include <string_view>

#include "cql/diagnostic.hpp"

namespace cql::parse {

struct SyntaxFailure {
  std::string message;
  std::string hint;
  Span span;
};

// The byte offset one past the token starting at `offset` of `text` (a word, a run of digits,
// an escape, a two-character operator, or one code point), so that a diagnostic underlines
// the whole offending token. At the end of the text the extent is empty.
std::uint32_t token_end(std::string_view text, std::uint32_t offset) noexcept;

}  // namespace cql::parse
