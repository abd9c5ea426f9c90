#pragma once
// The state threaded through one PEGTL parse: the text, the AST under construction and the
// nesting depth. Free of PEGTL; the control (parse_control.hpp) and the actions
// (parse_actions.hpp) are the only code that touches both.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "parse/ast_builder.hpp"
#include "parse/parser.hpp"

namespace cql::parse {

struct ParseState {
  ParseState(std::string_view source_text, ast::Arena& arena, std::size_t nesting_limit)
      : text(source_text), builder(source_text, arena), max_nesting(nesting_limit) {}

  std::uint32_t offset(const char* p) const noexcept { return static_cast<std::uint32_t>(p - text.data()); }
  Span span(const char* begin, const char* end) const noexcept { return {offset(begin), offset(end)}; }

  std::string_view text;
  AstBuilder builder;
  std::size_t max_nesting;
  std::size_t depth = 0;  // open brackets, calls, lambdas and prefix operators
};

// Checks that are cheaper on the whole text than in the grammar: the size limit (before any
// work, so a megabyte of input costs nothing) and UTF-8 validity (so the grammar can work on
// bytes and every span lands on a code point boundary).
std::optional<SyntaxFailure> check_text(std::string_view text, const ParseLimits& limits);

// The byte offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
// surrogates and code points beyond U+10FFFF included), or npos when the text is valid.
std::size_t first_invalid_utf8(std::string_view text) noexcept;

}  // namespace cql::parse
