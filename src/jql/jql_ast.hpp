#pragma once
// The typed AST of a JQL query (spec/jira.md §5, grammar/jql.peg.md). Produced by
// parse_jql (jql_parser.hpp), printed by normalize_jql (jql_printer.hpp), read by the composer
// and the offline evaluator. Plain values with byte spans into the query text.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cql/diagnostic.hpp"

namespace cql::jql {

// A field reference: `status`, `"Story Points"`, `cf[10010]`, `issue.property[x].a.b`.
struct FieldRef {
  std::string name;  // decoded; for cf[N] the text "cf[N]"
  std::optional<std::int64_t> custom_id;  // N of cf[N]
  bool quoted = false;  // written as a quoted string
  // Entity properties: `[key]` followed by `.path.parts` (without the leading dot).
  struct Property {
    std::string key;
    std::vector<std::string> path;
  };
  std::vector<Property> properties;
  Span span;
};

enum class OperandKind : std::uint8_t { Empty, Value, Function, List };

struct Operand {
  OperandKind kind = OperandKind::Value;
  std::string text;       // Value: the decoded string or the number's digits; Function: its name
  bool number = false;    // Value: an unquoted number token (`10`, `-5`), not a string
  bool quoted = false;    // Value: written in quotes
  std::vector<std::string> args;  // Function arguments, decoded
  std::vector<Operand> items;     // List
  Span span;
};

enum class Operator : std::uint8_t {
  Equals, NotEquals, Like, NotLike, Less, LessEquals, Greater, GreaterEquals,
  In, NotIn, Is, IsNot, Was, WasNot, WasIn, WasNotIn, Changed
};
std::string_view operator_text(Operator op) noexcept;  // "=", "NOT IN", "WAS NOT IN", ...

enum class PredicateKind : std::uint8_t { After, Before, On, During, By, From, To };
std::string_view predicate_text(PredicateKind kind) noexcept;  // "AFTER" ...

struct HistoryPredicate {
  PredicateKind kind = PredicateKind::After;
  Operand operand;
};

enum class ClauseKind : std::uint8_t { Terminal, And, Or, Not };

struct Clause {
  ClauseKind kind = ClauseKind::Terminal;
  std::vector<Clause> children;  // And/Or: two or more; Not: exactly one
  // Terminal:
  FieldRef field;
  Operator op = Operator::Equals;
  std::optional<Operand> operand;  // absent only for CHANGED
  std::vector<HistoryPredicate> predicates;  // WAS / CHANGED
  Span span;
};

enum class SortDirection : std::uint8_t { Default, Ascending, Descending };

struct SortKey {
  FieldRef field;
  SortDirection direction = SortDirection::Default;
};

struct JqlQuery {
  std::optional<Clause> where;   // absent for an empty query or one with only ORDER BY
  std::vector<SortKey> order_by;
  // Byte spans of the parts in the text, for splitting a base query (composer): `where_span`
  // covers the clauses, `order_by_span` starts at ORDER and ends after the last sort key.
  std::optional<Span> where_span;
  std::optional<Span> order_by_span;
};

}  // namespace cql::jql
