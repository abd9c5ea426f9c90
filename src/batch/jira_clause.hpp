#pragma once
// The entity clause of a composed count query, taken apart so many entities' counts can be
// answered by one grouped listing (spec/scorecards.md §4.2). The parts come from the composer
// (ComposedJiraQuery keeps the base and the surviving clause values), and a clause is accepted
// only when those parts give back the composed query byte for byte, so a grouped count can
// never disagree with the query it replaces. Clauses that a listing cannot count exactly are
// refused: a `project` value (Jira matches it by key, name or id, a listing returns the key),
// a component that is all digits (Jira also matches component ids), and non-ASCII values
// (case folding beyond ASCII).

#include <optional>
#include <string>
#include <vector>

#include "cql/jira.hpp"

namespace cql::batch {

// jira.issues() lists at most 10,000 issues and asks for one more to notice an overflow;
// prefetched searches ask the same so they can answer it.
inline constexpr std::size_t kPrefetchSearchLimit = 10'001;

struct GroupableClause {
  std::string base_where;                    // the base JQL without ORDER BY ("" when none)
  std::vector<std::string> labels, components;  // ORed: the issue has one of them
};

std::optional<GroupableClause> groupable_clause(const ComposedJiraQuery& composed);

// A double-quoted JQL string (the composer's quoting).
std::string quote_jql_value(std::string_view value);

}  // namespace cql::batch
