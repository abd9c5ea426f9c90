#pragma once
// The message of every `must` point of grammar/jql_rules.hpp (used with pegtl::must_if, whose
// RequireMessage makes a must point without a message a build error).
//
// Templates, completed by src/jql/jql_parser.cpp with the token found at the error:
//   {got}      the token in single quotes: 'x'
//   " but got {got}" becomes " before the end of the query" when the query ended there;
//   {keyword: ...}  kept only when the token is a keyword (which must be quoted to be a value).
// The wording follows Jira's own parser messages.

#include "jql_rules.hpp"

namespace cql::jql::grammar {

struct errors {
  template <typename Rule>
  static constexpr const char* message = nullptr;
};

#define CQL_JQL_ERROR(rule, text) \
  template <>                     \
  inline constexpr const char* errors::message<rule> = text

CQL_JQL_ERROR(query_start, "Expecting a field name but got {got}.{keyword: You must surround {got} in quotation marks to use it as a field name.}");
CQL_JQL_ERROR(where_end, "Expecting either 'OR' or 'AND' but got {got}.");
CQL_JQL_ERROR(and_operand, "Expecting a field name but got {got}.{keyword: You must surround {got} in quotation marks to use it as a field name.}");
CQL_JQL_ERROR(not_operand, "Expecting a field name but got {got}.{keyword: You must surround {got} in quotation marks to use it as a field name.}");
CQL_JQL_ERROR(negated, "Expecting a field name but got {got}.{keyword: You must surround {got} in quotation marks to use it as a field name.}");
CQL_JQL_ERROR(sub_clause_body, "Expecting a field name but got {got}.{keyword: You must surround {got} in quotation marks to use it as a field name.}");
CQL_JQL_ERROR(sub_clause_end, "Expecting ')' but got {got}.");
CQL_JQL_ERROR(clause_rhs, "Expecting operator but got {got}.");
CQL_JQL_ERROR(not_in_tail, "Expecting 'IN' but got {got}.");
CQL_JQL_ERROR(equals_operand, "Expecting either a value or function but got {got}.{keyword: You must surround {got} in quotation marks to use it as a value.}");
CQL_JQL_ERROR(compare_operand, "Expecting either a value or function but got {got}.{keyword: You must surround {got} in quotation marks to use it as a value.}");
CQL_JQL_ERROR(list_operand, "Expecting either a list or function but got {got}.");
CQL_JQL_ERROR(is_operand, "Expecting 'EMPTY' but got {got}.");
CQL_JQL_ERROR(predicate_operand, "Expecting either a value, list or function but got {got}.{keyword: You must surround {got} in quotation marks to use it as a value.}");
CQL_JQL_ERROR(list_item, "Expecting either a value, list or function but got {got}.{keyword: You must surround {got} in quotation marks to use it as a value.}");
CQL_JQL_ERROR(list_end, "Expecting either ',' or ')' but got {got}.");
CQL_JQL_ERROR(next_argument, "Expecting a function argument but got {got}.{keyword: You must surround {got} in quotation marks to use it as an argument.}");
CQL_JQL_ERROR(function_end, "Expecting either ',' or ')' but got {got}.");
CQL_JQL_ERROR(function_open_end, "Expecting either a function argument or ')' but got {got}.{keyword: You must surround {got} in quotation marks to use it as an argument.}");
CQL_JQL_ERROR(cf_open, "Expecting '[' but got {got}.");
CQL_JQL_ERROR(cf_number, "Expecting a custom field id (a positive number) but got {got}.");
CQL_JQL_ERROR(cf_close, "Expecting ']' but got {got}.");
CQL_JQL_ERROR(property_key, "Expecting a property name but got {got}.");
CQL_JQL_ERROR(property_close, "Expecting ']' but got {got}.");
CQL_JQL_ERROR(order_by_by, "Expecting 'BY' but got {got}.");
CQL_JQL_ERROR(sort_key, "Expecting a field name but got {got}.{keyword: You must surround {got} in quotation marks to use it as a field name.}");
CQL_JQL_ERROR(after_direction, "Expecting ',' but got {got}.");
CQL_JQL_ERROR(after_sort_field, "Expecting either 'ASC' or 'DESC' but got {got}.");

#undef CQL_JQL_ERROR

}  // namespace cql::jql::grammar
