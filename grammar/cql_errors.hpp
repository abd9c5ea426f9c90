#pragma once
// The message (and optional hint) of every `must<>` point of grammar/cql_rules.hpp.
//
// src/parse/parse_control.hpp raises these: its raise() static_asserts that a rule reached
// through `must<>` has a message here (the RequireMessage idea of tao::pegtl::must_if), so a
// must point without wording does not compile. The error is reported at the input position
// where the rule failed; rules whose error belongs at the start of a construct (an unterminated
// string, a `&&`) are written as lookaheads so that the position is that start.

#include "cql_rules.hpp"

namespace cql::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;
template <typename Rule>
inline constexpr const char* error_hint = nullptr;

// Whitespace and comments
template <> inline constexpr const char* error_message<block_comment_closed> = "unterminated comment";
template <> inline constexpr const char* error_hint<block_comment_closed> = "close it with */";

// Numbers
template <> inline constexpr const char* error_message<fraction_digits> = "expected a digit after the decimal point";
template <> inline constexpr const char* error_hint<fraction_digits> = "write 5.0, not 5.; for a member of a number write (5).name";
template <> inline constexpr const char* error_message<exponent_digits> = "expected digits in the exponent";
template <> inline constexpr const char* error_hint<exponent_digits> = "write 1e3 or 2.5e-2";

// Strings
template <> inline constexpr const char* error_message<four_hex_digits> = "\\u must be followed by four hex digits";
template <> inline constexpr const char* error_message<escape_sequence> = "unknown escape sequence";
template <> inline constexpr const char* error_hint<escape_sequence> =
    "valid escapes are \\\" \\' \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX";
template <char Q> inline constexpr const char* error_message<string_closed<Q>> = "unterminated string";
template <> inline constexpr const char* error_hint<string_closed<'"'>> =
    "close it with \" on the same line; write \\n for a line break";
template <> inline constexpr const char* error_hint<string_closed<'\''>> =
    "close it with ' on the same line; write \\n for a line break";

// Lists and parentheses
template <> inline constexpr const char* error_message<list_element> = "expected a list element or ']' after ','";
template <> inline constexpr const char* error_message<list_close> = "expected ',' or ']' in the list";
template <> inline constexpr const char* error_message<list_body> = "expected a list element or ']'";
template <> inline constexpr const char* error_message<parenthesized_expression> = "expected an expression after '('";
template <> inline constexpr const char* error_message<parenthesis_close> = "expected ')'";

// Calls and lambdas
template <> inline constexpr const char* error_message<argument_value> = "expected a value after '=' in the named argument";
template <> inline constexpr const char* error_message<argument> = "expected an argument or ')' after ','";
template <> inline constexpr const char* error_message<arguments_close> = "expected ',' or ')' in the argument list";
template <> inline constexpr const char* error_message<arguments_body> = "expected an argument or ')'";
template <> inline constexpr const char* error_message<lambda_body> = "expected the lambda's body after '=>'";
template <> inline constexpr const char* error_message<no_parenthesized_lambda> = "a lambda can only be a call argument";
template <> inline constexpr const char* error_hint<no_parenthesized_lambda> = "write list.filter((a, b) => ...)";

// Primary and postfix
template <> inline constexpr const char* error_message<no_not_operator> = "NOT is not a CQL operator";
template <> inline constexpr const char* error_hint<no_not_operator> = "write !(x)";
template <> inline constexpr const char* error_message<no_unary_plus> = "an expression cannot start with '+'";
template <> inline constexpr const char* error_hint<no_unary_plus> = "write the number without '+'";
template <> inline constexpr const char* error_message<no_leading_point> = "a number cannot start with '.'";
template <> inline constexpr const char* error_hint<no_leading_point> = "write 0.5, not .5";
template <> inline constexpr const char* error_message<no_object_literal> = "CQL has no object literals";
template <> inline constexpr const char* error_message<member_name> = "expected a name after '.'";

// Operators
template <> inline constexpr const char* error_message<prefix_operand> = "expected an operand after '!' or '-'";
template <> inline constexpr const char* error_message<multiplicative_operand> = "expected an operand after '*', '/' or '%'";
template <> inline constexpr const char* error_message<additive_operand> = "expected an operand after '+' or '-'";
template <> inline constexpr const char* error_message<comparison_operand> = "expected an operand after the comparison operator";
template <> inline constexpr const char* error_message<equality_operand> = "expected an operand after '==' or '!='";
template <> inline constexpr const char* error_message<and_operand> = "expected an operand after AND";
template <> inline constexpr const char* error_message<or_operand> = "expected an operand after OR";
// `a < b < c` and `a == b == c` are rejected by the tree builder (parse/ast_builder.cpp), which
// sees the whole operator chain.

// Not CQL
template <> inline constexpr const char* error_message<no_double_ampersand> = "'&&' is not a CQL operator";
template <> inline constexpr const char* error_hint<no_double_ampersand> = "write AND";
template <> inline constexpr const char* error_message<no_double_bar> = "'||' is not a CQL operator";
template <> inline constexpr const char* error_hint<no_double_bar> = "write OR";
template <> inline constexpr const char* error_message<no_misplaced_lambda> = "a lambda can only be a call argument";
template <> inline constexpr const char* error_hint<no_misplaced_lambda> = "write list.filter(x => x > 1)";
template <> inline constexpr const char* error_message<no_single_equals> = "'=' is not a comparison";
template <> inline constexpr const char* error_hint<no_single_equals> = "write ==";
template <> inline constexpr const char* error_message<no_null_coalescing> = "'?" "?' is not a CQL operator";  // split: "??'" is a trigraph
template <> inline constexpr const char* error_hint<no_null_coalescing> = "test for null: x != null AND ...";
template <> inline constexpr const char* error_message<no_optional_chaining> = "'?.' is not a CQL operator";
template <> inline constexpr const char* error_hint<no_optional_chaining> = "guard the access: x != null AND x.name ...";
template <> inline constexpr const char* error_message<no_conditional> = "'?:' is not a CQL operator";
template <> inline constexpr const char* error_hint<no_conditional> = "CQL has no conditional; combine conditions with AND and OR";

// Expressions
template <> inline constexpr const char* error_message<expression_present> = "empty expression";
template <> inline constexpr const char* error_message<expression> = "expected an expression";
template <> inline constexpr const char* error_message<end_of_expression> = "expected an operator or the end of the expression";

}  // namespace cql::grammar
