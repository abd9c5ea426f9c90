#pragma once
// JQL AST -> canonical JQL text. The normal form is a cache key (the live engineer keys cached
// results on it), so two queries that mean the same print the same: keywords upper-case,
// field and function names lower-case (JQL names are case-insensitive), every string value
// double-quoted, numbers bare, one space around operators, parentheses only where needed.
// parse_jql(normalize_jql(q)) is equivalent to q.

#include <string>
#include <string_view>

#include "jql/jql_ast.hpp"

namespace cql::jql {

std::string normalize_jql(const JqlQuery& query);
std::string normalize_clause(const Clause& clause);

// A JQL string literal: `"` + value + `"` with `\` and `"` escaped and control characters
// written as escapes, so the value can never change the structure of the query around it.
std::string quote_jql_string(std::string_view value);

}  // namespace cql::jql
