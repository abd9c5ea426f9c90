#pragma once
// Pluggable Jira issue sources (spec/jira.md §3).
//
// Implementations: the offline dump (src/sources/offline_source), live Jira over libcurl
// (src/sources/live_source), and the cache wrapping either (src/sources/cache_source).
// Embedders may supply their own. Every method must be safe to call from several threads
// at once: evaluation threads call fetch() concurrently for queries computed at run time,
// while the batch runner hands over thousands of planned queries in one fetch() call and
// expects the implementation to run them concurrently.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cql/value.hpp"

namespace cql {

// One issue as a rule sees it (spec/jira.md §1, §7).
struct Issue {
  std::string key, summary;
  std::optional<std::string> status, status_category, issue_type, priority, resolution;
  std::optional<std::string> assignee, reporter;  // display names
  std::optional<Timestamp> created, updated, due;
  std::vector<std::string> labels, components;
  std::string project;  // project key
  std::optional<std::string> url;

  // The object of jira.issues(): {key, summary, status, statusCategory, issueType, priority,
  // assignee, reporter, created, updated, due, resolution, labels, components, project, url}.
  Value to_value() const;
};

enum class QueryKind : std::uint8_t { Count, Search };

struct IssueQuery {
  std::string account;  // account alias
  std::string jql;      // the exact JQL to send
  QueryKind kind = QueryKind::Count;
  std::size_t limit = 1000;  // Search: at most this many issues
  // Search: the fields to ask for; empty means every field of Issue.
  std::vector<std::string> fields;
};

struct QueryResult {
  bool ok = false;
  std::int64_t count = 0;     // Count (and Search: the number of issues returned)
  std::vector<Issue> issues;  // Search
  std::string error;          // when !ok: a plain sentence naming the account and what to do
  bool from_cache = false;
};

// Project keys/names/ids and component names that exist in an account (jira.md §2 step 5),
// with membership tests that ignore ASCII case as Jira does. An account can know tens of
// thousands of components and every composed query asks, so the tests are hashed and the
// values are shared as KnownValuesPtr, never copied per query. Immutable; thread-safe.
class KnownValues {
 public:
  KnownValues() = default;
  KnownValues(std::vector<std::string> projects, std::vector<std::string> components);

  const std::vector<std::string>& projects() const noexcept { return projects_; }      // keys, names and ids
  const std::vector<std::string>& components() const noexcept { return components_; }  // names
  bool has_project(std::string_view value) const;
  bool has_component(std::string_view value) const;

 private:
  std::vector<std::string> projects_, components_;
  std::unordered_set<std::string> project_keys_, component_keys_;  // ASCII lower case
};
// Null when the values could not be listed.
using KnownValuesPtr = std::shared_ptr<const KnownValues>;

// The outcome of checking an account's credentials with Jira's "who am I" call (jira.md §4).
struct AccountCheck {
  bool ok = false;
  std::string identity;  // whom the credentials belong to ("Jira Bot <bot@acme.com>"), when ok
  std::string error;     // when !ok: a plain sentence naming the account and what to do
};

// What a caching source saved; reported at the end of a run (jira.md §3).
struct CacheStats {
  std::uint64_t hits = 0;           // answered from memory or disk
  std::uint64_t misses = 0;         // passed on to the wrapped source
  std::uint64_t merged = 0;         // identical requests that waited for one in flight
  std::uint64_t bytes_read = 0;     // bytes of cached answers served from disk
  std::uint64_t bytes_written = 0;  // bytes of answers stored on disk
};

class IssueSource {
 public:
  virtual ~IssueSource() = default;

  // Answers every query; the result vector is parallel to `queries`. Never throws: failures
  // are per-query results with ok == false.
  virtual std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) = 0;

  // The projects and components of an account, or null (with `error` set) on failure.
  // Called once per composed query: implementations keep the answer and return it shared.
  virtual KnownValuesPtr known_values(const std::string& account, std::string& error) = 0;

  // Checks that the account's credentials work (a credential lacking permissions makes Jira
  // silently return 0 issues, so a run checks every account once before sending queries).
  // Sources without credentials, such as a dump, answer ok with an empty identity.
  virtual AccountCheck verify_identity(const std::string& account) { return AccountCheck{true, {}, {}}; }

  // Counters of a caching source; nullopt for sources that do not cache.
  virtual std::optional<CacheStats> cache_stats() const { return std::nullopt; }

  // Convenience for a single query.
  QueryResult fetch_one(const IssueQuery& query) { return fetch(std::span<const IssueQuery>(&query, 1)).front(); }
};

}  // namespace cql
