// The one translation unit that instantiates the CQL grammar with the AST-building actions.
#include "parse/parser.hpp"

#include <cstdint>
#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include <tao/pegtl.hpp>

#include "cql_rules.hpp"
#include "parse/parse_actions.hpp"
#include "parse/parse_control.hpp"
#include "parse/parse_state.hpp"

namespace cql::parse {
namespace {

// Checks that are cheaper on the whole text than in the grammar: the size limit (before any
// work, so a megabyte of input costs nothing) and UTF-8 validity (so the grammar can work on
// bytes and every span lands on a code point boundary).
std::optional<SyntaxFailure> check_text(const std::string& text, const ParseLimits& limits) {
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

}  // namespace

Result<ast::Expression> parse_expression(SourceRef source, const ParseLimits& limits) {
  const std::string& text = source->text();
  auto diagnostic = [&](SyntaxFailure failure) {
    return Diagnostic{ErrorKind::Syntax, Severity::Error, std::move(failure.message), source, failure.span,
                      std::move(failure.hint)};
  };
  if (auto failure = check_text(text, limits)) return diagnostic(std::move(*failure));

  ParseState state(text, limits.max_nesting);
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf> in(
      text.data(), text.data() + text.size(), "");
  try {
    // Every failure of the top rule raises (it is all must<>), so the result is always true.
    (void)tao::pegtl::parse<grammar::grammar, Action, Control>(in, state);
  } catch (SyntaxFailure& failure) {
    return diagnostic(std::move(failure));
  }
  return ast::Expression{std::move(source), state.builder.finish()};
}

}  // namespace cql::parse
