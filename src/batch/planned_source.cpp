#include "batch/planned_source.hpp"

#include <mutex>

namespace cql::batch {

std::string PlannedSource::key(const IssueQuery& query) {
  // Searches also differ by fields and limit: a listing of labels only cannot answer jira.issues().
  std::string k;
  k.reserve(query.account.size() + query.jql.size() + 32);
  k += query.kind == QueryKind::Count ? 'C' : 'S';
  k += query.account;
  k += '\0';
  k += query.jql;
  if (query.kind == QueryKind::Search) {
    k += '\0';
    k += std::to_string(query.limit);
    for (const auto& f : query.fields) {
      k += '\0';
      k += f;
    }
  }
  return k;
}

void PlannedSource::prefill(const IssueQuery& query, QueryResult result) {
  std::unique_lock lock(mutex_);
  planned_.insert_or_assign(key(query), std::move(result));
}

std::vector<QueryResult> PlannedSource::fetch(std::span<const IssueQuery> queries) {
  std::vector<QueryResult> results(queries.size());
  std::vector<IssueQuery> missing;
  std::vector<std::size_t> missing_at;
  {
    std::shared_lock lock(mutex_);
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto it = planned_.find(key(queries[i]));
      if (it != planned_.end()) {
        results[i] = it->second;
        results[i].from_cache = true;
        ++planned_hits_;
      } else {
        missing.push_back(queries[i]);
        missing_at.push_back(i);
      }
    }
  }
  if (!missing.empty()) {
    auto answers = inner_->fetch(missing);
    forwarded_ += static_cast<std::int64_t>(missing.size());
    for (std::size_t j = 0; j < answers.size() && j < missing_at.size(); ++j) {
      if (!answers[j].ok) ++failures_;
      results[missing_at[j]] = std::move(answers[j]);
    }
  }
  return results;
}

}  // namespace cql::batch
