#pragma once
// Turning a failed parse into Jira's message (internal to src/jql).

#include <string_view>

#include "jql/jql_parser.hpp"

namespace cql::jql {

// `offset` is where the grammar gave up and `rule_message` the template of the must point
// that failed (grammar/jql_errors.hpp). A lexical problem at that place (an unfinished quoted
// string, an illegal escape, a reserved character or word, an invalid character) wins over
// the grammar's message, as in Jira, whose lexer runs first.
JqlError diagnose_parse_failure(std::string_view text, std::size_t offset, std::string_view rule_message);

// An error at `offset` with a fixed message.
JqlError make_jql_error(std::string_view text, std::size_t offset, std::string message);

}  // namespace cql::jql
