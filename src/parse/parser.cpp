// The one translation unit that instantiates the CQL grammar with the AST-building actions.
#include "parse/parser.hpp"

#include <string>

#include <tao/pegtl.hpp>

#include "cql_rules.hpp"
#include "parse/parse_actions.hpp"
#include "parse/parse_control.hpp"
#include "parse/parse_state.hpp"

namespace cql::parse {

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
  const std::size_t node_count = state.builder.node_count();
  return ast::Expression{std::move(source), state.builder.finish(), node_count};
}

}  // namespace cql::parse
