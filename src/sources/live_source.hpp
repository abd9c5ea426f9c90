#pragma once
// Live Jira (spec/jira.md §4): counts and searches for Cloud (REST v3: approximate-count,
// search/jql with nextPageToken) and Data Center / Server (REST v2: search with startAt),
// the "who am I" check, and the projects and components of an account.
//
// Thread-safe. fetch() hands every query to the shared HttpClient at once, so queries run
// concurrently within each account's limits; pages of one search follow each other. Before
// the first query of an account its credentials are checked once (GET /myself): a credential
// lacking permissions would otherwise make Jira silently return 0 issues. Secrets are read when
// an account is first used and are scrubbed from every message.

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <memory>
#include <string>

#include "cql/issue_source.hpp"
#include "cql/jira.hpp"
#include "sources/config.hpp"
#include "sources/http_client.hpp"

namespace cql::sources {

class LiveSource final : public IssueSource {
 public:
  LiveSource(JiraSettings settings, RetryPolicy policy);
  ~LiveSource() override;

  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override;
  KnownValuesPtr known_values(const std::string& account, std::string& error) override;
  AccountCheck verify_identity(const std::string& account) override;

  // Requests sent so far (retries included), for reports and benchmarks.
  HttpStats http_stats() const { return http_.stats(); }

  // Search pages ask for this many issues at most.
  static constexpr int kPageSize = 100;

 private:
  struct Account;
  struct Job;

  Account* account(const std::string& alias);
  // Loads the credential and checks the identity once; empty when the account is usable.
  std::string ready(Account& account);
  HttpRequest request_for(const Job& job) const;
  // What one search page asks for: at most kPageSize, and no more than the limit still allows.
  static std::size_t page_size(const Job& job);
  // Consumes one answer of a job; true when another page must be fetched.
  bool absorb(Job& job, const HttpResponse& response) const;
  std::optional<nlohmann::json> get_json(Account& account, const std::string& path, std::string& error);

  JiraSettings settings_;
  std::map<std::string, std::unique_ptr<Account>> accounts_;
  mutable HttpClient http_;
};

}  // namespace cql::sources
