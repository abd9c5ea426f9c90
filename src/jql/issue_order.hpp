#pragma once
// ORDER BY over an issue dump (spec/jira.md §7): priority by rank (Highest first when
// descending), key by project key then issue number, dates, names; ASC unless DESC is given;
// issues without a value sort after every value (last ascending, first descending). Ties end
// with key descending, and a query without ORDER BY lists `created DESC, key DESC`.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jql/issue_fields.hpp"
#include "jql/jql_ast.hpp"
#include "sources/issue_dump.hpp"

namespace cql::jql {

struct SortPlan {
  struct Key {
    FieldId field = FieldId::Created;
    std::string custom_id;
    bool descending = false;
  };
  std::vector<Key> keys;
};

// Throws PlanError (query_plan.hpp) for a field that cannot be sorted on.
SortPlan plan_order(const std::vector<SortKey>& order_by,
                    const std::vector<std::pair<std::string, std::string>>& custom_names);

// Sorts `rows` (positions in `issues`) and keeps the first `limit`.
void sort_rows(std::vector<std::uint32_t>& rows, const SortPlan& plan, const std::vector<sources::DumpIssue>& issues,
               std::size_t limit);

}  // namespace cql::jql
