#include "batch/jira_clause.hpp"

#include <algorithm>

#include "jql/jql_printer.hpp"

namespace cql::batch {

namespace {

bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string quote_jql_value(std::string_view value) { return jql::quote_jql_string(value); }

std::optional<GroupableClause> groupable_clause(const ComposedJiraQuery& composed) {
  if (composed.skipped || composed.entity_clause.empty() || !composed.projects.empty()) return std::nullopt;
  if (!std::all_of(composed.labels.begin(), composed.labels.end(), ascii)) return std::nullopt;
  for (const auto& component : composed.components) {
    if (!ascii(component) || all_digits(component)) return std::nullopt;
  }
  // A search (ORDER BY appended) or a query changed after composing is not this clause.
  const std::string rebuilt = composed.base_where.empty()
                                  ? composed.entity_clause
                                  : "(" + composed.base_where + ") AND (" + composed.entity_clause + ")";
  if (rebuilt != composed.jql) return std::nullopt;
  return GroupableClause{composed.base_where, composed.labels, composed.components};
}

}  // namespace cql::batch
