// The offline issue source (see offline_source.hpp).
#include "sources/offline_source.hpp"

#include <fmt/format.h>

#include <chrono>

namespace cql::sources {
Result<std::unique_ptr<OfflineSource>> OfflineSource::open(const std::string& dump_path, const JiraSettings& settings,
                                                           std::optional<Timestamp> now) {
  std::unique_ptr<OfflineSource> source(new OfflineSource());
  source->settings_ = settings;
  source->now_ = now;
  if (!dump_path.empty()) {
    auto index = jql::IssueIndex::load(dump_path);
    if (!index.ok()) return index.errors();
    source->shared_ = Dump{dump_path, index.value(), std::make_shared<const KnownValues>(index.value()->known_values())};
  }
  for (const JiraAccount& account : settings.accounts) {
    if (account.dump_file.empty()) continue;
    auto index = jql::IssueIndex::load(account.dump_file);
    if (!index.ok()) return index.errors();
    source->own_[account.alias] = Dump{account.dump_file, index.value(), std::make_shared<const KnownValues>(index.value()->known_values())};
  }
  return source;
}

const OfflineSource::Dump* OfflineSource::dump_for(const std::string& account) const {
  if (const auto it = own_.find(account); it != own_.end()) return &it->second;
  return shared_ ? &*shared_ : nullptr;
}

const jql::IssueIndex* OfflineSource::index_for(const std::string& account) const {
  const Dump* dump = dump_for(account);
  return dump ? dump->index.get() : nullptr;
}

QueryResult OfflineSource::answer(const IssueQuery& query) const {
  QueryResult result;
  const Dump* dump = dump_for(query.account);
  if (!dump) {
    result.error = fmt::format("Jira account '{}' has no issue dump: give it `dump_file` in the configuration or pass --issues.",
                               query.account);
    return result;
  }
  const JiraAccount* account = settings_.find(query.account);
  jql::JqlEvalContext context;
  context.now = now_ ? *now_
                     : Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count()};
  context.current_user = account ? account->current_user : std::string();
  auto fail = [&](const std::vector<Diagnostic>& errors) {
    result.error = fmt::format("Jira account '{}' (issue dump {}) cannot answer `{}`: {}", query.account, dump->path, query.jql,
                               errors.front().message);
  };
  if (query.kind == QueryKind::Count) {
    const auto count = dump->index->count(query.jql, context);
    if (!count.ok()) {
      fail(count.errors());
      return result;
    }
    result.count = count.value();
  } else {
    const auto found = dump->index->search(query.jql, context, query.limit);
    if (!found.ok()) {
      fail(found.errors());
      return result;
    }
    for (const DumpIssue* issue : found.value()) result.issues.push_back(jql::IssueIndex::to_issue(*issue));
    result.count = static_cast<std::int64_t>(result.issues.size());
  }
  result.ok = true;
  return result;
}

std::vector<QueryResult> OfflineSource::fetch(std::span<const IssueQuery> queries) {
  std::vector<QueryResult> results;
  results.reserve(queries.size());
  for (const IssueQuery& q : queries) results.push_back(answer(q));
  return results;
}

KnownValuesPtr OfflineSource::known_values(const std::string& account, std::string& error) {
  const Dump* dump = dump_for(account);
  if (!dump) {
    error = fmt::format("Jira account '{}' has no issue dump: give it `dump_file` in the configuration or pass --issues.", account);
    return nullptr;
  }
  return dump->known;
}

}  // namespace cql::sources
