#pragma once
// JQL text -> typed AST (spec/jira.md §5, grammar/jql.peg.md). PEGTL stays inside the .cpp.
// Thread-safe: parse_jql keeps no state between calls.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cql/jira.hpp"
#include "jql/jql_ast.hpp"

namespace cql::jql {

// A syntax error the way Jira reports it (the public cql::JqlSyntaxError).
using JqlError = JqlSyntaxError;

struct JqlParse {
  JqlQuery query;                // meaningful only when ok()
  std::optional<JqlError> error;
  bool ok() const noexcept { return !error.has_value(); }
};

// Parses one query. An empty or whitespace-only query is valid (no clause, no ORDER BY).
JqlParse parse_jql(std::string_view text);

// Nesting of parentheses, NOT and lists allowed in one query (deeper input is an error, so
// the recursive parser, printer and evaluator cannot exhaust the stack).
inline constexpr std::size_t kMaxJqlNesting = 100;

// 1-based line and code-point character of a byte offset (lines end at '\n').
void jql_line_and_character(std::string_view text, std::size_t offset, std::uint32_t& line, std::uint32_t& character);

}  // namespace cql::jql
