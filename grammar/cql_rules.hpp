#pragma once
// The CQL grammar as PEGTL rules (spec/cql.md §1-2). Rule structs ONLY: same names and the
// same order as grammar/cql.peg.md, which is the version humans read. Error messages live in
// cql_errors.hpp; tree building, limits and the control live in src/parse/.
//
// Shape rules of thumb (see the design notes in cql.peg.md):
// - Once an opening bracket, an operator or a keyword is consumed, the rest is `must<>`, so
//   actions never have to be undone: the only backtracking happens inside `at<>` lookaheads,
//   where actions are disabled.
// - `no_*` rules are `not_at<mistake>`; under `must<>` they raise the targeted message of
//   cql_errors.hpp when the mistake is present.

#include <cstddef>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace cql::grammar {

namespace p = tao::pegtl;

struct expression;
struct lambda;

// ---- Whitespace and comments ------------------------------------------------------------
struct line_comment : p::seq<p::two<'/'>, p::star<p::not_one<'\n'>>> {};
struct block_comment_end : p::string<'*', '/'> {};
struct block_comment_closed : p::at<p::string<'/', '*'>, p::until<block_comment_end>> {};
struct block_comment
    : p::seq<p::at<p::string<'/', '*'>>, p::must<block_comment_closed>, p::string<'/', '*'>,
             p::until<block_comment_end>> {};
struct comment : p::sor<line_comment, block_comment> {};
// The same language as `(space / comment)*`, shaped for speed: sep is tried before every
// operator of every precedence level, and is usually empty or one space.
struct blanks : p::star<p::space> {};
struct sep : p::seq<blanks, p::star<p::at<p::one<'/'>>, comment, blanks>> {};

// ---- Words ------------------------------------------------------------------------------
struct identifier : p::identifier {};
template <char... Cs>
struct keyword_any_case : p::seq<p::istring<Cs...>, p::not_at<p::identifier_other>> {};
template <char... Cs>
struct keyword_lower_case : p::seq<p::string<Cs...>, p::not_at<p::identifier_other>> {};
struct and_keyword : keyword_any_case<'a', 'n', 'd'> {};
struct or_keyword : keyword_any_case<'o', 'r'> {};
struct not_keyword : keyword_any_case<'n', 'o', 't'> {};
struct true_keyword : keyword_lower_case<'t', 'r', 'u', 'e'> {};
struct false_keyword : keyword_lower_case<'f', 'a', 'l', 's', 'e'> {};
struct null_keyword : keyword_lower_case<'n', 'u', 'l', 'l'> {};
// The first-letter test spares the six keyword tests for most names (every name is checked).
struct reserved_word
    : p::seq<p::at<p::one<'a', 'A', 'o', 'O', 'n', 'N', 't', 'f'>>,
             p::sor<and_keyword, or_keyword, not_keyword, true_keyword, false_keyword, null_keyword>> {};
struct name : p::seq<p::not_at<reserved_word>, identifier> {};

// ---- Numbers ----------------------------------------------------------------------------
struct digits : p::plus<p::digit> {};
struct fraction_digits : digits {};
struct fraction : p::seq<p::one<'.'>, p::must<fraction_digits>> {};
struct exponent_digits : digits {};
struct exponent : p::seq<p::one<'e', 'E'>, p::opt<p::one<'+', '-'>>, p::must<exponent_digits>> {};
struct number : p::seq<digits, p::opt<fraction>, p::opt<exponent>> {};

// ---- Strings ----------------------------------------------------------------------------
struct escape_character : p::one<'"', '\'', '\\', '/', 'n', 't', 'r', 'b', 'f'> {};
struct four_hex_digits : p::rep<4, p::xdigit> {};
struct unicode_escape : p::seq<p::one<'u'>, p::must<four_hex_digits>> {};
struct escape_sequence : p::seq<p::one<'\\'>, p::sor<escape_character, unicode_escape>> {};
struct escape : p::seq<p::at<p::one<'\\'>>, p::must<escape_sequence>> {};
template <char Q>
struct string_character : p::sor<p::plus<p::not_one<Q, '\\', '\n', '\r'>>, escape> {};  // a run at a time
template <char Q>
struct string_body : p::star<string_character<Q>> {};
template <char Q>
struct string_closed : p::at<p::one<Q>, string_body<Q>, p::one<Q>> {};
// Matches exactly what `Rule` (quoted_string below) matches. A literal without a backslash or a
// line break before its closing quote, nearly every literal, is read in one scan; any other
// goes through `Rule`, for its escape actions and its errors. (The PEG reads each string twice:
// once in the string_closed lookahead, once for real.)
template <char Q, typename Rule>
struct plain_string_fast_path {
  using rule_t = plain_string_fast_path;
  using subs_t = p::type_list<Rule>;

  template <p::apply_mode A, p::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if (in.empty() || in.peek_char() != Q) return false;
    const char* const begin = in.current();
    for (const char* c = begin + 1; c != in.end(); ++c) {
      if (*c == Q) {
        in.bump(static_cast<std::size_t>(c + 1 - begin));
        return true;
      }
      if (*c == '\\' || *c == '\n' || *c == '\r') break;
    }
    return Control<Rule>::template match<A, M, Action, Control>(in, st...);
  }
};
template <char Q>
struct quoted_string_checked
    : p::seq<p::at<p::one<Q>>, p::must<string_closed<Q>>, p::one<Q>, string_body<Q>, p::one<Q>> {};
template <char Q>
struct quoted_string : plain_string_fast_path<Q, quoted_string_checked<Q>> {};
struct string_literal : p::sor<quoted_string<'"'>, quoted_string<'\''>> {};

// ---- Lists and parentheses ----------------------------------------------------------------
struct list_open : p::one<'['> {};
struct list_close : p::one<']'> {};
struct list_element : p::seq<expression> {};
struct list_tail : p::seq<sep, p::one<','>, sep, p::sor<p::at<list_close>, p::must<list_element>>> {};
struct list_body : p::sor<list_close, p::seq<list_element, p::star<list_tail>, sep, p::must<list_close>>> {};
struct list : p::seq<list_open, sep, p::must<list_body>> {};

struct parenthesis_open : p::one<'('> {};
struct parenthesis_close : p::one<')'> {};
struct parenthesized_expression : p::seq<expression> {};
struct no_parenthesized_lambda;
struct parenthesized
    : p::seq<p::at<parenthesis_open>, p::must<no_parenthesized_lambda>, parenthesis_open, sep,
             p::must<parenthesized_expression>, sep, p::must<parenthesis_close>> {};

// ---- Calls and lambdas ------------------------------------------------------------------
struct arguments_open : p::one<'('> {};
struct arguments_close : p::one<')'> {};
struct argument_name : name {};
struct named_argument_head : p::seq<name, sep, p::one<'='>, p::not_at<p::one<'=', '>'>>> {};
struct argument_value : p::sor<lambda, expression> {};
struct named_argument
    : p::seq<p::at<named_argument_head>, argument_name, sep, p::one<'='>, sep, p::must<argument_value>> {};
struct positional_argument : p::seq<argument_value> {};
struct argument : p::sor<named_argument, positional_argument> {};
struct argument_tail : p::seq<sep, p::one<','>, sep, p::sor<p::at<arguments_close>, p::must<argument>>> {};
struct arguments_body
    : p::sor<arguments_close, p::seq<argument, p::star<argument_tail>, sep, p::must<arguments_close>>> {};
struct call_arguments : p::seq<arguments_open, sep, p::must<arguments_body>> {};

struct lambda_parameter : name {};
struct lambda_parameter_list
    : p::seq<p::one<'('>, sep, lambda_parameter, p::star<sep, p::one<','>, sep, lambda_parameter>, sep,
             p::one<')'>> {};
struct lambda_parameters : p::sor<lambda_parameter, lambda_parameter_list> {};
struct lambda_arrow : p::string<'=', '>'> {};
struct lambda_head : p::seq<lambda_parameters, sep, lambda_arrow> {};
struct lambda_body : p::seq<expression> {};
struct lambda : p::seq<p::at<lambda_head>, lambda_parameters, sep, lambda_arrow, sep, p::must<lambda_body>> {};
struct no_parenthesized_lambda : p::not_at<lambda_head> {};

// ---- Primary and postfix ----------------------------------------------------------------
struct true_literal : true_keyword {};
struct false_literal : false_keyword {};
struct null_literal : null_keyword {};
struct no_not_operator : p::not_at<not_keyword> {};
struct variable : name {};
struct name_or_call : p::seq<p::must<no_not_operator>, variable, p::opt<sep, call_arguments>> {};
struct no_unary_plus : p::not_at<p::one<'+'>> {};
struct no_leading_point : p::not_at<p::one<'.'>, p::digit> {};
struct no_object_literal : p::not_at<p::one<'{'>> {};
struct primary_mistakes : p::seq<p::must<no_unary_plus, no_leading_point, no_object_literal>, p::failure> {};
struct primary
    : p::sor<number, string_literal, list, parenthesized, true_literal, false_literal, null_literal,
             name_or_call, primary_mistakes> {};

struct member_dot : p::one<'.'> {};
struct member_name : identifier {};
struct member_access : p::seq<sep, member_dot, sep, p::must<member_name>, p::opt<sep, call_arguments>> {};
struct postfix_expression : p::seq<primary, p::star<member_access>> {};

// ---- Operators ----------------------------------------------------------------------------
struct prefix_expression;
struct prefix_operator : p::sor<p::seq<p::one<'!'>, p::not_at<p::one<'='>>>, p::one<'-'>> {};
struct prefix_operand : p::seq<prefix_expression> {};
struct prefix_operation : p::seq<prefix_operator, sep, p::must<prefix_operand>> {};
struct prefix_expression : p::sor<prefix_operation, postfix_expression> {};

// Binary operators are read by one loop, not one rule per precedence level: the tree builder
// applies the precedence table of spec/cql.md §2 (and rejects `a < b < c`, `a == b == c`) as
// each operator arrives. A tower of seven levels tried seven operator rules after every
// operand; this tries them once.
struct multiplicative_operator : p::one<'*', '/', '%'> {};
struct additive_operator : p::one<'+', '-'> {};
struct comparison_operator : p::sor<p::string<'<', '='>, p::string<'>', '='>, p::one<'<'>, p::one<'>'>> {};
struct equality_operator : p::sor<p::string<'=', '='>, p::string<'!', '='>> {};
struct and_operator : and_keyword {};
struct or_operator : or_keyword {};
// The operand after each kind of operator is its own rule so that its error names the operator.
struct multiplicative_operand : p::seq<prefix_expression> {};
struct additive_operand : p::seq<prefix_expression> {};
struct comparison_operand : p::seq<prefix_expression> {};
struct equality_operand : p::seq<prefix_expression> {};
struct and_operand : p::seq<prefix_expression> {};
struct or_operand : p::seq<prefix_expression> {};
struct multiplicative_tail : p::seq<multiplicative_operator, sep, p::must<multiplicative_operand>> {};
struct additive_tail : p::seq<additive_operator, sep, p::must<additive_operand>> {};
struct comparison_tail : p::seq<comparison_operator, sep, p::must<comparison_operand>> {};
struct equality_tail : p::seq<equality_operator, sep, p::must<equality_operand>> {};
struct and_tail : p::seq<and_operator, sep, p::must<and_operand>> {};
struct or_tail : p::seq<or_operator, sep, p::must<or_operand>> {};
struct binary_tail
    : p::seq<sep, p::sor<multiplicative_tail, additive_tail, comparison_tail, equality_tail, and_tail, or_tail>> {};
struct binary_chain_start : p::success {};
struct binary_expression : p::seq<binary_chain_start, prefix_expression, p::star<binary_tail>> {};

// ---- Not CQL: operators of other languages, rejected with a hint ---------------------------
struct no_double_ampersand : p::not_at<p::two<'&'>> {};
struct no_double_bar : p::not_at<p::two<'|'>> {};
struct no_misplaced_lambda : p::not_at<lambda_arrow> {};
struct no_single_equals : p::not_at<p::one<'='>> {};
struct no_null_coalescing : p::not_at<p::two<'?'>> {};
struct no_optional_chaining : p::not_at<p::string<'?', '.'>> {};
struct no_conditional : p::not_at<p::one<'?'>> {};
// Every mistake starts with one of & | = ?: the seven lookaheads run only after one of them.
struct operator_check
    : p::opt<p::at<p::one<'&', '|', '=', '?'>>,
             p::must<no_double_ampersand, no_double_bar, no_misplaced_lambda, no_single_equals, no_null_coalescing,
                     no_optional_chaining, no_conditional>> {};

// ---- Expressions ------------------------------------------------------------------------
struct expression : p::seq<binary_expression, sep, operator_check> {};
struct expression_present : p::not_at<p::eof> {};
struct end_of_expression : p::eof {};
struct grammar : p::seq<sep, p::must<expression_present, expression>, sep, p::must<end_of_expression>> {};

}  // namespace cql::grammar

namespace tao::pegtl {
// For tao::pegtl::analyze: the fast path matches what its rule matches.
template <typename Name, char Q, typename Rule>
struct analyze_traits<Name, cql::grammar::plain_string_fast_path<Q, Rule>> : analyze_traits<Rule, typename Rule::rule_t> {};
}  // namespace tao::pegtl
