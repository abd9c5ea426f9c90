// The one translation unit that instantiates the CQL grammar with the AST-building actions.
#include "parse/parser.hpp"

#include <algorithm>
#include <string>

#include <tao/pegtl.hpp>

#include "cql_rules.hpp"
#include "parse/parse_actions.hpp"
#include "parse/parse_control.hpp"
#include "parse/parse_state.hpp"

namespace cql::parse {

namespace {
// A typical rule needs about 40 bytes of tree per byte of text; one block of that size (within
// bounds) usually holds the whole tree.
std::size_t first_arena_block(std::size_t text_bytes) {
  constexpr std::size_t kSmallest = 1024, kLargest = 64 * 1024;
  return std::clamp<std::size_t>(text_bytes * 40, kSmallest, kLargest);
}
}  // namespace

Result<ast::Expression> parse_expression(SourceRef source, const ParseLimits& limits) {
  const std::string& text = source->text();
  auto diagnostic = [](SyntaxFailure failure, SourceRef file) {
    return Diagnostic{ErrorKind::Syntax, Severity::Error, std::move(failure.message), std::move(file), failure.span,
                      std::move(failure.hint)};
  };
  if (auto failure = check_text(text, limits)) return diagnostic(std::move(*failure), std::move(source));

  ast::Expression expression{std::move(source), ast::Arena(first_arena_block(text.size())), nullptr, 0};
  ParseState state(text, expression.arena, limits.max_nesting);
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf> in(
      text.data(), text.data() + text.size(), "");
  try {
    // Every failure of the top rule raises (it is all must<>), so the result is always true.
    (void)tao::pegtl::parse<grammar::grammar, Action, Control>(in, state);
  } catch (SyntaxFailure& failure) {
    return diagnostic(std::move(failure), std::move(expression.source));
  }
  expression.root = state.builder.finish();
  expression.node_count = expression.arena.node_count();
  expression.call_count = state.builder.call_count();
  return expression;
}

}  // namespace cql::parse
