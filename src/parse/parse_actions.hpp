#pragma once
// The PEGTL actions of the CQL grammar: one line each, forwarding the matched text's position
// to the AstBuilder. Actions run only for rules that cannot be backtracked over (see the note
// at the top of grammar/cql_rules.hpp), so nothing ever has to be undone.

#include <tao/pegtl.hpp>

#include "cql_rules.hpp"
#include "parse/parse_state.hpp"

namespace cql::parse {

namespace g = cql::grammar;

template <typename Rule>
struct Action : tao::pegtl::nothing<Rule> {};

// Calls `fn(builder, span)` with the span of the matched text.
template <auto Fn>
struct SpanAction {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& state) {
    (state.builder.*Fn)(state.span(in.begin(), in.end()));
  }
};

template <> struct Action<g::number> : SpanAction<&AstBuilder::number> {};
template <> struct Action<g::string_literal> : SpanAction<&AstBuilder::string> {};
template <> struct Action<g::variable> : SpanAction<&AstBuilder::variable> {};
template <> struct Action<g::member_name> : SpanAction<&AstBuilder::member> {};
template <> struct Action<g::argument_name> : SpanAction<&AstBuilder::argument_name> {};
template <> struct Action<g::lambda_parameter> : SpanAction<&AstBuilder::lambda_parameter> {};
template <> struct Action<g::list> : SpanAction<&AstBuilder::close_list> {};
template <> struct Action<g::parenthesized> : SpanAction<&AstBuilder::parenthesized> {};

template <typename Literal>
struct KeywordAction {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& state) {
    state.builder.literal(Value(Literal::value), state.span(in.begin(), in.end()));
  }
};
struct TrueValue { static constexpr bool value = true; };
struct FalseValue { static constexpr bool value = false; };
struct NullValue { static constexpr std::nullptr_t value = nullptr; };
template <> struct Action<g::true_literal> : KeywordAction<TrueValue> {};
template <> struct Action<g::false_literal> : KeywordAction<FalseValue> {};
template <> struct Action<g::null_literal> : KeywordAction<NullValue> {};

template <> struct Action<g::escape_sequence> {
  static void apply0(ParseState& state) { state.builder.string_escape(); }
};
template <> struct Action<g::list_open> {
  static void apply0(ParseState& state) { state.builder.open_list(); }
};
template <> struct Action<g::arguments_open> {
  static void apply0(ParseState& state) { state.builder.open_call(); }
};
template <> struct Action<g::named_argument> {
  static void apply0(ParseState& state) { state.builder.argument(true); }
};
template <> struct Action<g::positional_argument> {
  static void apply0(ParseState& state) { state.builder.argument(false); }
};
template <> struct Action<g::call_arguments> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& state) {
    state.builder.close_call(state.offset(in.end()));
  }
};

struct OperatorAction {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& state) {
    state.builder.binary_operator(in.string_view(), state.offset(in.begin()));
  }
};
template <> struct Action<g::multiplicative_operator> : OperatorAction {};
template <> struct Action<g::additive_operator> : OperatorAction {};
template <> struct Action<g::comparison_operator> : OperatorAction {};
template <> struct Action<g::equality_operator> : OperatorAction {};
template <> struct Action<g::and_operator> : OperatorAction {};
template <> struct Action<g::or_operator> : OperatorAction {};
template <> struct Action<g::binary_chain_start> {
  static void apply0(ParseState& state) { state.builder.open_chain(); }
};
template <> struct Action<g::binary_expression> {
  static void apply0(ParseState& state) { state.builder.close_chain(); }
};

template <> struct Action<g::prefix_operation> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& state) {
    state.builder.unary(in.peek_char(), state.offset(in.begin()));
  }
};

template <> struct Action<g::lambda_parameters> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& state) {
    state.builder.lambda_parameters(state.offset(in.begin()));
  }
};
template <> struct Action<g::lambda> {
  static void apply0(ParseState& state) { state.builder.lambda_body(); }
};

}  // namespace cql::parse
