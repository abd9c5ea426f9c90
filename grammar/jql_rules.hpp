#pragma once
// PEGTL rules of the JQL grammar: the same names, in the same order, as grammar/jql.peg.md.
// Rules only. Messages for the `must` points live in grammar/jql_errors.hpp; the parse tree
// becomes the typed AST in src/jql/jql_parser.cpp. Include only from src/jql/ and tests.

#include <algorithm>
#include <iterator>
#include <string_view>

#include <tao/pegtl.hpp>

namespace cql::jql::grammar {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::digit;
using pegtl::eof;
using pegtl::istring;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::string;
using pegtl::xdigit;

// ---- Tokens (the lexical rules come first so the structure can use them) ----

struct ws : star<one<' ', '\t', '\r', '\n'>> {};
struct control : pegtl::utf8::ranges<0x00, 0x09, 0x0B, 0x0C, 0x0E, 0x1F, 0x7F, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF> {};
struct reserved_char : one<'{', '}', '*', '/', '%', '+', '^', '$', '#', '@', '?', ';'> {};
struct stop_char
    : sor<control, one<' ', '\t', '\r', '\n', '\\', '"', '\'', '=', '!', '<', '>', '(', ')', '~', ',', '[', ']', '|', '&'>,
          reserved_char> {};
struct escape : seq<one<'\\'>, sor<one<'t', 'n', 'r', '"', '\'', '\\', ' '>, seq<one<'u'>, rep<4, xdigit>>>> {};
struct word_char : sor<escape, seq<not_at<stop_char>, pegtl::utf8::any>> {};
struct word : plus<word_char> {};
struct number : seq<opt<one<'-'>>, plus<digit>, not_at<word_char>> {};
struct posnumber : seq<plus<digit>, not_at<word_char>> {};

template <typename Text>
struct keyword_text : seq<Text, not_at<word_char>> {};
// A keyword token: the word, a word boundary, then whitespace.
template <char... Cs>
struct kw : seq<keyword_text<istring<Cs...>>, ws> {};

struct kw_and : seq<sor<keyword_text<istring<'a', 'n', 'd'>>, string<'&', '&'>, one<'&'>>, ws> {};
struct kw_or : seq<sor<keyword_text<istring<'o', 'r'>>, string<'|', '|'>, one<'|'>>, ws> {};
struct kw_not : kw<'n', 'o', 't'> {};
struct kw_in : kw<'i', 'n'> {};
struct kw_is : kw<'i', 's'> {};
struct kw_empty : kw<'e', 'm', 'p', 't', 'y'> {};
struct kw_null : kw<'n', 'u', 'l', 'l'> {};
struct kw_was : kw<'w', 'a', 's'> {};
struct kw_changed : kw<'c', 'h', 'a', 'n', 'g', 'e', 'd'> {};
struct kw_before : kw<'b', 'e', 'f', 'o', 'r', 'e'> {};
struct kw_after : kw<'a', 'f', 't', 'e', 'r'> {};
struct kw_from : kw<'f', 'r', 'o', 'm'> {};
struct kw_to : kw<'t', 'o'> {};
struct kw_on : kw<'o', 'n'> {};
struct kw_during : kw<'d', 'u', 'r', 'i', 'n', 'g'> {};
struct kw_order : kw<'o', 'r', 'd', 'e', 'r'> {};
struct kw_by : kw<'b', 'y'> {};
struct kw_asc : kw<'a', 's', 'c'> {};
struct kw_desc : kw<'d', 'e', 's', 'c'> {};
struct kw_cf : kw<'c', 'f'> {};

// Any keyword as a whole word (without the whitespace after it): such words are never values.
struct keyword
    : keyword_text<sor<istring<'a', 'n', 'd'>, istring<'o', 'r', 'd', 'e', 'r'>, istring<'o', 'r'>,
                       istring<'n', 'o', 't'>, istring<'n', 'u', 'l', 'l'>, istring<'i', 'n'>, istring<'i', 's'>,
                       istring<'e', 'm', 'p', 't', 'y'>, istring<'w', 'a', 's'>,
                       istring<'c', 'h', 'a', 'n', 'g', 'e', 'd'>, istring<'b', 'e', 'f', 'o', 'r', 'e'>,
                       istring<'a', 'f', 't', 'e', 'r'>, istring<'f', 'r', 'o', 'm'>, istring<'t', 'o'>,
                       istring<'o', 'n'>, istring<'d', 'u', 'r', 'i', 'n', 'g'>, istring<'b', 'y'>,
                       istring<'a', 's', 'c'>, istring<'d', 'e', 's', 'c'>, istring<'c', 'f'>>> {};

// The letters of one of the reserved words of Atlassian's JQL lexer (RESERVED_WORD; the
// keywords above are not repeated), case-insensitive. A custom rule: one sorted table
// instead of 150 alternatives.
struct reserved_word_letters {
  using rule_t = reserved_word_letters;
  using subs_t = pegtl::empty_list;

  static constexpr std::string_view kWords[] = {
      "abort", "access", "add", "alias", "alter", "any", "as", "audit", "avg", "begin", "between", "boolean",
      "break", "byte", "catch", "char", "character", "check", "checkpoint", "collate", "collation", "column",
      "commit", "connect", "continue", "count", "create", "current", "date", "decimal", "declare",
      "decrement", "default", "defaults", "define", "delete", "delimiter", "difference", "distinct", "divide",
      "do", "double", "drop", "else", "encoding", "end", "equals", "escape", "exclusive", "exec", "execute",
      "exists", "explain", "false", "fetch", "field", "file", "first", "float", "for", "function", "go",
      "goto", "grant", "greater", "group", "having", "identified", "if", "immediate", "increment", "index",
      "initial", "inner", "inout", "input", "insert", "int", "integer", "intersect", "intersection", "into",
      "isempty", "isnull", "join", "last", "left", "less", "like", "limit", "lock", "long", "max", "min",
      "minus", "mode", "modify", "modulo", "more", "multiply", "next", "noaudit", "notin", "nowait", "number",
      "object", "of", "option", "outer", "output", "power", "previous", "prior", "privileges", "public",
      "raise", "raw", "remainder", "rename", "resource", "return", "returns", "revoke", "right", "row",
      "rowid", "rownum", "rows", "select", "session", "set", "share", "size", "sqrt", "start", "strict",
      "string", "subtract", "sum", "synonym", "table", "then", "trans", "transaction", "trigger", "true",
      "uid", "union", "unique", "update", "user", "validate", "values", "view", "when", "whenever", "where",
      "while", "with"};
  static_assert(std::is_sorted(std::begin(kWords), std::end(kWords)));

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    constexpr std::size_t kLongest = 12;  // "intersection"
    char buffer[kLongest];
    std::size_t n = 0;
    while (in.size(n + 1) > n) {
      char c = in.peek_char(n);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c < 'a' || c > 'z') break;
      if (n == kLongest) return false;
      buffer[n++] = c;
    }
    const std::string_view letters(buffer, n);
    if (n == 0 || !std::binary_search(std::begin(kWords), std::end(kWords), letters)) return false;
    in.bump_in_this_line(n);
    return true;
  }
};
struct reserved_word : seq<reserved_word_letters, not_at<word_char>> {};

struct quoted_dq : seq<one<'"'>, star<sor<escape, seq<not_at<sor<one<'"', '\\'>, control>>, pegtl::utf8::any>>>, one<'"'>> {};
struct quoted_sq : seq<one<'\''>, star<sor<escape, seq<not_at<sor<one<'\'', '\\'>, control>>, pegtl::utf8::any>>>, one<'\''>> {};
struct unquoted : seq<not_at<keyword>, not_at<reserved_word>, word> {};
struct string_value : sor<quoted_dq, quoted_sq, unquoted> {};

// A `must` point (every rule with a message in jql_errors.hpp is one): the alternatives, or
// failure with the input left where it was. pegtl::must does not rewind, so without this a
// partly matched alternative (`inx` for IN) would move the reported position.
template <typename... Alternatives>
struct one_of : sor<Alternatives..., pegtl::failure> {};

// ---- Punctuation ----

struct lparen : seq<one<'('>, ws> {};
struct comma : seq<one<','>, ws> {};

// ---- Fields ----

struct cf_open : one_of<seq<one<'['>, ws>> {};
struct cf_number : one_of<seq<posnumber, ws>> {};
struct cf_close : one_of<one<']'>> {};
struct custom_field : seq<kw_cf, pegtl::must<cf_open>, pegtl::must<cf_number>, pegtl::must<cf_close>> {};
struct property_key : one_of<seq<sor<number, string_value>, ws>> {};
struct property_close : one_of<one<']'>> {};
struct property_path : seq<at<one<'.'>>, unquoted> {};
struct property : seq<ws, one<'['>, ws, pegtl::must<property_key>, pegtl::must<property_close>, star<property_path>> {};
struct field : seq<sor<number, seq<sor<custom_field, string_value>, star<property>>>, ws> {};

// ---- Operands ----

struct operand;
struct empty_operand : sor<kw_empty, kw_null> {};
struct value : seq<sor<number, string_value>, ws, not_at<one<'('>>> {};  // a name before '(' is a function
struct list_item;
struct list_end : one_of<seq<one<')'>, ws>> {};
struct list : seq<lparen, pegtl::must<list_item>, star<comma, pegtl::must<list_item>>, pegtl::must<list_end>> {};
struct function_name : sor<number, string_value> {};
struct argument : seq<sor<number, string_value>, ws> {};
struct next_argument : one_of<argument> {};
struct function_end : one_of<seq<one<')'>, ws>> {};
struct function_open_end : one_of<seq<one<')'>, ws>> {};
struct argument_list : seq<argument, star<comma, pegtl::must<next_argument>>, pegtl::must<function_end>> {};
struct function : seq<function_name, ws, lparen, sor<argument_list, pegtl::must<function_open_end>>> {};
struct operand : sor<empty_operand, value, function, list> {};
struct list_item : one_of<operand> {};

struct equals_operand : one_of<empty_operand, value, function> {};
struct compare_operand : one_of<value, function> {};
struct list_operand : one_of<list, function> {};
struct is_operand : one_of<empty_operand> {};
struct predicate_operand : one_of<operand> {};

// ---- Operators ----

struct op_eq : seq<one<'='>, ws> {};
struct op_neq : seq<string<'!', '='>, ws> {};
struct op_like : seq<one<'~'>, ws> {};
struct op_not_like : seq<string<'!', '~'>, ws> {};
struct op_lte : seq<string<'<', '='>, ws> {};
struct op_gte : seq<string<'>', '='>, ws> {};
struct op_lt : seq<one<'<'>, ws> {};
struct op_gt : seq<one<'>'>, ws> {};
struct op_in : kw_in {};
struct not_in_tail : one_of<kw_in> {};
struct op_not_in : seq<kw_not, pegtl::must<not_in_tail>> {};
struct op_is_not : seq<kw_is, kw_not> {};
struct op_is : kw_is {};
struct op_was_not_in : seq<kw_was, kw_not, kw_in> {};
struct op_was_in : seq<kw_was, kw_in> {};
struct op_was_not : seq<kw_was, kw_not> {};
struct op_was : kw_was {};
struct op_changed : kw_changed {};

struct equals_op : sor<op_eq, op_neq> {};
struct like_op : sor<op_like, op_not_like> {};
struct compare_op : sor<op_lte, op_gte, op_lt, op_gt> {};
struct in_op : sor<op_in, op_not_in> {};
struct is_op : sor<op_is_not, op_is> {};
struct was_in_op : sor<op_was_not_in, op_was_in> {};
struct was_op : sor<op_was_not, op_was> {};

// ---- History predicates ----

struct pred_after : kw_after {};
struct pred_before : kw_before {};
struct pred_on : kw_on {};
struct pred_during : kw_during {};
struct pred_by : kw_by {};
struct pred_from : kw_from {};
struct pred_to : kw_to {};
struct was_predicate : seq<sor<pred_after, pred_before, pred_on, pred_during, pred_by>, pegtl::must<predicate_operand>> {};
struct changed_predicate
    : seq<sor<pred_after, pred_before, pred_on, pred_during, pred_by, pred_from, pred_to>, pegtl::must<predicate_operand>> {};

struct clause_rhs : one_of<seq<equals_op, pegtl::must<equals_operand>>,
                        seq<like_op, pegtl::must<equals_operand>>,
                        seq<compare_op, pegtl::must<compare_operand>>,
                        seq<in_op, pegtl::must<list_operand>>,
                        seq<is_op, pegtl::must<is_operand>>,
                        seq<was_in_op, pegtl::must<list_operand>, star<was_predicate>>,
                        seq<was_op, pegtl::must<equals_operand>, star<was_predicate>>,
                        seq<op_changed, star<changed_predicate>>> {};

// ---- Clauses ----

struct not_clause;
struct or_clause;
struct not_op : sor<kw_not, seq<one<'!'>, not_at<one<'=', '~'>>, ws>> {};
struct negated;
struct negation : seq<not_op, pegtl::must<negated>> {};
struct sub_clause_body;
struct sub_clause_end : one_of<seq<one<')'>, ws>> {};
struct sub_clause : seq<lparen, pegtl::must<sub_clause_body>, pegtl::must<sub_clause_end>> {};
struct terminal_clause : seq<field, pegtl::must<clause_rhs>> {};
struct not_clause : sor<negation, sub_clause, terminal_clause> {};
struct negated : one_of<not_clause> {};
struct not_operand : one_of<not_clause> {};
struct and_clause : seq<not_clause, star<kw_and, pegtl::must<not_operand>>> {};
struct and_operand : one_of<and_clause> {};
struct or_clause : seq<and_clause, star<kw_or, pegtl::must<and_operand>>> {};
struct sub_clause_body : one_of<or_clause> {};
struct where : or_clause {};

// ---- Order by ----

struct order_by_by : one_of<kw_by> {};
struct sort_asc : kw_asc {};
struct sort_desc : kw_desc {};
struct sort_direction : sor<sort_asc, sort_desc> {};
struct after_direction : one_of<at<sor<one<','>, eof>>> {};
struct after_sort_field : one_of<at<sor<one<','>, eof>>> {};
struct sort_key : one_of<seq<field, sor<seq<sort_direction, pegtl::must<after_direction>>, pegtl::must<after_sort_field>>>> {};
struct order_by : seq<kw_order, pegtl::must<order_by_by>, pegtl::must<sort_key>, star<comma, pegtl::must<sort_key>>> {};

// ---- Query ----

struct where_end : one_of<eof> {};
struct query_start : one_of<eof> {};
struct query : seq<ws, sor<order_by, seq<where, sor<order_by, pegtl::must<where_end>>>, pegtl::must<query_start>>> {};

}  // namespace cql::jql::grammar
