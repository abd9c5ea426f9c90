#pragma once
// The caching issue source (spec/jira.md §3): wraps any IssueSource with
//   - an in-memory store for the run (answers never change during one run),
//   - an optional on-disk store (SQLite, src/sources/cache_store) with a time to live,
//   - merging of identical requests: two threads asking the same query while it is in flight
//     share one request to the wrapped source.
// Keys are (account URL and user, normalised JQL, kind, and for searches fields and limit).
// Accounts without a base URL (offline dumps) are cached in memory only, so a different dump
// can never be answered from disk. Failed answers are not cached. Thread-safe.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cql/issue_source.hpp"
#include "cql/jira.hpp"
#include "sources/cache_store.hpp"

namespace cql::sources {

struct CacheOptions {
  std::filesystem::path dir;  // empty: memory only
  std::chrono::milliseconds ttl{std::chrono::hours(4)};
  // Maps a JQL text to its canonical form so equivalent spellings share an entry.
  std::function<std::string(std::string_view)> normalize_jql;
  // Milliseconds since the epoch; defaults to the system clock (tests move time forward).
  std::function<std::int64_t()> now_ms;
};

class CacheSource final : public IssueSource {
 public:
  // When the directory cannot be used, the cache works in memory and `warning` says why.
  CacheSource(std::shared_ptr<IssueSource> inner, const JiraSettings& settings, CacheOptions options,
              std::string& warning);
  ~CacheSource() override;

  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override;
  KnownValuesPtr known_values(const std::string& account, std::string& error) override;
  AccountCheck verify_identity(const std::string& account) override;
  std::optional<CacheStats> cache_stats() const override;

 private:
  struct Slot;
  std::string key_for(const IssueQuery& query) const;
  std::string account_key(const std::string& alias) const;
  bool persistent(const std::string& alias) const;
  std::int64_t now() const;

  std::shared_ptr<IssueSource> inner_;
  CacheOptions options_;
  std::map<std::string, std::string> account_keys_;  // alias -> URL and user; only live accounts
  std::unique_ptr<CacheStore> store_;

  mutable std::mutex mutex_;  // guards everything below
  std::unordered_map<std::string, QueryResult> memory_;
  std::unordered_map<std::string, std::shared_ptr<Slot>> in_flight_;
  std::map<std::string, KnownValuesPtr> known_;
  std::map<std::string, AccountCheck> identities_;
  CacheStats stats_;
  std::mutex known_mutex_;     // one known_values request at a time
  std::mutex identity_mutex_;  // one identity check at a time
};

}  // namespace cql::sources
