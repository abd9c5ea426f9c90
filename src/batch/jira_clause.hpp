#pragma once
// The entity clause of a composed count query, taken apart so many entities' counts can be
// answered by one grouped listing (spec/scorecards.md §4.2). The clause is rebuilt from the
// descriptor the way spec/jira.md §2 composes it and accepted only when the rebuilt query is
// byte-for-byte the composed one, so a grouped count can never disagree with the query it
// replaces. Clauses that a listing cannot count exactly are refused: a `project` value (Jira
// matches it by key, name or id, a listing returns the key), a component that is all digits
// (Jira also matches component ids), and non-ASCII values (case folding beyond ASCII).

#include <optional>
#include <string>
#include <vector>

#include "cql/entity.hpp"
#include "cql/issue_source.hpp"
#include "cql/jira.hpp"

namespace cql::batch {

// jira.issues() lists at most 10,000 issues and asks for one more to notice an overflow;
// prefetched searches ask the same so they can answer it.
inline constexpr std::size_t kPrefetchSearchLimit = 10'001;

struct GroupableClause {
  std::string base_where;                    // the base JQL without ORDER BY ("" when none)
  std::vector<std::string> labels, components;  // ORed: the issue has one of them
};

std::optional<GroupableClause> groupable_clause(const Entity& entity, const JiraSettings& settings,
                                                const std::optional<std::string>& argument,
                                                const ComposedJiraQuery& composed, const KnownValues& known);

// A double-quoted JQL string (the composer's quoting).
std::string quote_jql_value(std::string_view value);
std::string ascii_lower(std::string_view value);

}  // namespace cql::batch
