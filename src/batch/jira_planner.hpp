#pragma once
// The Jira plan of a batch run (spec/scorecards.md §4.2): every jira.numOfIssues()/issues()
// call with constant arguments, for every entity whose rule will run, composed into the exact
// per-account JQL evaluation will send, de-duplicated. Counts that many entities share a base
// JQL for are answered by a few grouped listings
//   (<base>) AND (labels in (...) OR component in (...))
// asking only for labels, components and project, and counted per entity locally; the rest are
// sent one request per distinct query. The answers pre-fill the PlannedSource, so evaluation
// finds them without a request.

#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "batch/entity_work.hpp"
#include "batch/planned_source.hpp"
#include "cql/batch.hpp"

namespace cql::batch {

struct JiraPlanStats {
  std::size_t distinct_counts = 0;    // distinct count queries the rules need
  std::size_t distinct_searches = 0;  // distinct jira.issues() queries
  std::size_t grouped_counts = 0;     // counts answered by grouped listings
  std::size_t grouped_listings = 0;   // grouped listing queries
  std::size_t listing_requests = 0;   // estimated pages of those listings (plus their counts)
  std::size_t count_requests = 0;     // counts sent one by one
  std::size_t search_requests = 0;    // searches sent one by one
  std::size_t no_request = 0;         // entities with no clause left: 0 without a request
  std::size_t failed_account_queries = 0;  // queries of accounts whose credentials failed
};

class JiraPlanner {
 public:
  // `source` is the PlannedSource of the run (its fetches are counted as requests).
  JiraPlanner(const CompiledScorecards& scorecards, const BatchData& data, PlannedSource& source);
  ~JiraPlanner();

  // Accounts whose credentials failed the "who am I" check: their planned queries are answered
  // with this error without a request (alias -> message).
  void set_failed_accounts(std::map<std::string, std::string> failed);
  // Collects and de-duplicates the queries of every entity's rules that will be evaluated.
  void collect(std::span<const EntityWork> work);
  // Decides per account and base between per-query counts and grouped listings; sends the
  // counts of candidate groups (needed to price the listings).
  void decide();
  // Sends the plan and pre-fills the source. `on_progress` is called after each chunk.
  void execute(const std::function<void()>& on_progress);

  const JiraPlanStats& stats() const noexcept;
  std::string describe() const;  // --explain-plan

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cql::batch
