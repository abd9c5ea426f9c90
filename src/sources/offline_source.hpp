#pragma once
// The offline issue source (spec/jira.md §3, §7): answers count and search queries from an
// issue dump with the offline JQL evaluator (jql/issue_index.hpp). Every account alias is
// served by the same dump unless the configuration gives the account its own `dump_file`.
// The known values of an account are the projects (keys, names, ids) and components that
// occur in its dump.
//
// Thread-safe: the dumps are loaded and indexed once, in open(), and never change.

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cql/diagnostic.hpp"
#include "cql/issue_source.hpp"
#include "cql/jira.hpp"
#include "jql/issue_index.hpp"

namespace cql::sources {

class OfflineSource final : public IssueSource {
 public:
  // `dump_path` (may be empty when every account has its own dump) serves every alias;
  // `now` is the evaluation clock for relative dates (nullopt: the real time of each query).
  static Result<std::unique_ptr<OfflineSource>> open(const std::string& dump_path, const JiraSettings& settings,
                                                     std::optional<Timestamp> now);

  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override;
  KnownValuesPtr known_values(const std::string& account, std::string& error) override;

  // The index answering `account`, or null when no dump serves it.
  const jql::IssueIndex* index_for(const std::string& account) const;

 private:
  struct Dump {
    std::string path;
    std::shared_ptr<const jql::IssueIndex> index;
    KnownValuesPtr known;
  };

  OfflineSource() = default;
  const Dump* dump_for(const std::string& account) const;
  QueryResult answer(const IssueQuery& query) const;

  std::optional<Dump> shared_;
  std::map<std::string, Dump> own_;  // accounts with their own dump_file
  JiraSettings settings_;
  std::optional<Timestamp> now_;
};

}  // namespace cql::sources
