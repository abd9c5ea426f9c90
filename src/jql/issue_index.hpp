#pragma once
// The offline JQL evaluator over an issue dump (spec/jira.md §5, §7). The offline issue source
// uses it, and so does the tests' fake Jira server (to answer count and search like Jira):
//
//   auto loaded = jql::IssueIndex::load("issues.json");       // Result<shared_ptr<const IssueIndex>>
//   const jql::IssueIndex& index = *loaded.value();
//   jql::JqlEvalContext ctx{now, "maria.lopez@acme.io"};       // clock, currentUser()
//   Result<std::int64_t> n = index.count("project = PAY AND labels = urgent", ctx);
//   auto found = index.search("assignee = currentUser() ORDER BY priority DESC", ctx, 50);
//   for (const sources::DumpIssue* issue : found.value()) ... index.to_issue(*issue) ...
//
// Errors. A syntax error is ErrorKind::Syntax whose message is Jira's, with "(line L,
// character C)". What Jira would reject (an unknown field, project or component; an operator a
// field does not support; a bad date) and what a dump cannot answer (WAS, CHANGED,
// membersOf(), sprint and version functions, entity properties ...) is ErrorKind::Provider,
// naming the construct. Never a silent wrong count.
//
// Cost. Construction builds posting lists for the token fields (project, key/id, status,
// statusCategory, labels, component, type, priority, resolution, assignee, reporter, creator,
// fixVersion, affectedVersion, parent): lower-cased value -> issues. Clauses on these fields
// are answered by uniting and intersecting posting lists without reading any issue; other
// clauses (dates, `~`, custom fields) scan only the issues their indexable AND-siblings left.
//
// Thread safety: immutable once built; every method is const and safe to call concurrently.

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/issue_source.hpp"
#include "jql/jql_ast.hpp"
#include "jql/query_plan.hpp"
#include "sources/issue_dump.hpp"

namespace cql::jql {

class IssueIndex {
 public:
  static constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();

  explicit IssueIndex(sources::IssueDump dump);
  IssueIndex(const IssueIndex&) = delete;  // the plans point into the posting lists
  IssueIndex& operator=(const IssueIndex&) = delete;

  static Result<std::shared_ptr<const IssueIndex>> load(const std::string& path);

  const std::vector<sources::DumpIssue>& issues() const noexcept { return dump_.issues; }

  // The project keys, names and ids and the component names that occur in the dump.
  KnownValues known_values() const;

  Result<std::int64_t> count(std::string_view jql, const JqlEvalContext& context) const;
  Result<std::int64_t> count(const JqlQuery& query, const JqlEvalContext& context) const;

  // The matching issues in the query's order (without ORDER BY: created DESC, key DESC),
  // at most `limit` of them.
  Result<std::vector<const sources::DumpIssue*>> search(std::string_view jql, const JqlEvalContext& context,
                                                        std::size_t limit = kNoLimit) const;
  Result<std::vector<const sources::DumpIssue*>> search(const JqlQuery& query, const JqlEvalContext& context,
                                                        std::size_t limit = kNoLimit) const;

  // An issue as jira.issues() shows it; `url` is <origin of the issue's self>/browse/<key>.
  static Issue to_issue(const sources::DumpIssue& issue);

  // The plan of a WHERE clause (throws PlanError) and the issues it selects: what count() and
  // search() do, in two steps, for tests and for showing what a query costs.
  Plan plan(const Clause& where, const JqlEvalContext& context) const;
  RowSet run(const Plan& plan, const JqlEvalContext& context) const;

 private:
  RowSet select(const JqlQuery& query, const JqlEvalContext& context) const;  // throws PlanError
  PlanInputs inputs(const JqlEvalContext& context) const;

  sources::IssueDump dump_;
  std::array<TokenPostings, kTokenFieldCount> tokens_;
  std::vector<std::string> standard_types_, subtask_types_;
};

}  // namespace cql::jql
