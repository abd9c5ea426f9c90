#pragma once
// Planning and running a JQL WHERE clause over an issue dump (internal to the offline
// evaluator; the entry point is IssueIndex in issue_index.hpp).
//
// plan_query resolves everything that does not depend on the issue once per query: field
// names, operand values, dates against the clock, currentUser(), posting lists. NOT is pushed
// down to the clauses (Jira's rewriting: NOT f = v is f != v, De Morgan over AND/OR), so a
// plan has only AND, OR, posting-list leaves and scan leaves.

#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "jql/issue_fields.hpp"
#include "jql/jql_ast.hpp"
#include "jql/row_set.hpp"
#include "sources/issue_dump.hpp"

namespace cql::jql {

// What a query is evaluated against besides the dump.
struct JqlEvalContext {
  Timestamp now;             // relative dates and date functions
  std::string current_user;  // currentUser(): an account id, user name, email or display name
};

// Per token field: lower-cased value -> the issues holding it (ascending), and the issues
// with any value at all. Lists holding more than 1 issue in 32 also exist as bitsets, which
// unite word by word (statusCategory = "To Do" may hold half the dump).
struct TokenPostings {
  std::unordered_map<std::string, std::vector<std::uint32_t>> rows;
  std::unordered_map<const std::vector<std::uint32_t>*, RowSet> dense;
  RowSet with_value;
};

struct PlanInputs {
  const sources::IssueDump& dump;
  const std::array<TokenPostings, kTokenFieldCount>& tokens;
  const std::vector<std::string>& standard_types;  // standardIssueTypes()
  const std::vector<std::string>& subtask_types;   // subTaskIssueTypes()
  const JqlEvalContext& context;
};

struct Plan {
  enum class Kind : std::uint8_t { And, Or, Postings, Scan };
  Kind kind = Kind::Scan;
  std::vector<Plan> children;  // And / Or
  // Postings: the union of `lists` (plus the issues without a value when `with_empty`);
  // with `complement`, the issues that have a value but are in none of the lists.
  const TokenPostings* postings = nullptr;
  std::vector<const std::vector<std::uint32_t>*> lists;
  bool with_empty = false;
  bool complement = false;
  // Scan: a test of one issue.
  std::function<bool(const sources::DumpIssue&)> test;

  // Whether no issue has to be looked at (only posting lists below).
  bool indexed() const noexcept;
};

// A query the dump cannot answer or Jira would reject; the message names the construct.
struct PlanError {
  std::string message;
};

Plan plan_query(const Clause& where, const PlanInputs& inputs);  // throws PlanError
// The issues the plan selects, restricted to `within` when given.
RowSet run_plan(const Plan& plan, const PlanInputs& inputs, const RowSet* within);

}  // namespace cql::jql
