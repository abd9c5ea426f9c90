#pragma once
// The issue source evaluation sees during a batch run: answers planned ahead of evaluation
// (counts computed locally from grouped listings, prefetched queries) are served from memory;
// anything else — queries whose JQL is computed at run time — goes to the wrapped source (the
// cache, which merges identical in-flight requests). Counts what it serves. Thread-safe.

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "cql/issue_source.hpp"

namespace cql::batch {

class PlannedSource final : public IssueSource {
 public:
  explicit PlannedSource(std::shared_ptr<IssueSource> inner) : inner_(std::move(inner)) {}

  // Records the answer to a query; later fetch() calls for an identical query get it.
  void prefill(const IssueQuery& query, QueryResult result);

  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override;
  KnownValuesPtr known_values(const std::string& account, std::string& error) override {
    return inner_->known_values(account, error);
  }
  AccountCheck verify_identity(const std::string& account) override { return inner_->verify_identity(account); }
  std::optional<CacheStats> cache_stats() const override { return inner_->cache_stats(); }

  std::int64_t planned_hits() const noexcept { return planned_hits_.load(); }
  std::int64_t forwarded() const noexcept { return forwarded_.load(); }
  std::int64_t failures() const noexcept { return failures_.load(); }

  static std::string key(const IssueQuery& query);

 private:
  std::shared_ptr<IssueSource> inner_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, QueryResult> planned_;
  std::atomic<std::int64_t> planned_hits_{0}, forwarded_{0}, failures_{0};
};

}  // namespace cql::batch
