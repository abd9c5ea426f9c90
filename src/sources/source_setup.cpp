#include "sources/source_setup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "jql/jql_parser.hpp"
#include "jql/jql_printer.hpp"
#include "sources/cache_source.hpp"
#include "sources/config.hpp"
#include "sources/live_source.hpp"
#include "sources/offline_source.hpp"

namespace cql::sources {

namespace {

Diagnostic usage_error(std::string message) {
  return Diagnostic{ErrorKind::Usage, Severity::Error, std::move(message), nullptr, {}, ""};
}

// Sends each query to the source serving its account (live or offline).
class AccountRouter final : public IssueSource {
 public:
  AccountRouter(std::map<std::string, std::shared_ptr<IssueSource>> routes, std::shared_ptr<IssueSource> fallback)
      : routes_(std::move(routes)), fallback_(std::move(fallback)) {
    std::set<IssueSource*> seen;
    for (const auto& [alias, source] : routes_) {
      if (seen.insert(source.get()).second) distinct_.push_back(source.get());
    }
    if (seen.insert(fallback_.get()).second) distinct_.push_back(fallback_.get());
  }

  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override {
    std::map<IssueSource*, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < queries.size(); ++i) groups[&route(queries[i].account)].push_back(i);
    std::vector<QueryResult> results(queries.size());
    for (const auto& [source, indices] : groups) {
      std::vector<IssueQuery> batch;
      batch.reserve(indices.size());
      for (auto i : indices) batch.push_back(queries[i]);
      auto answers = source->fetch(batch);
      for (std::size_t k = 0; k < indices.size() && k < answers.size(); ++k) results[indices[k]] = std::move(answers[k]);
    }
    return results;
  }
  KnownValuesPtr known_values(const std::string& account, std::string& error) override {
    return route(account).known_values(account, error);
  }
  AccountCheck verify_identity(const std::string& account) override { return route(account).verify_identity(account); }
  std::optional<CacheStats> cache_stats() const override {
    std::optional<CacheStats> total;
    for (const IssueSource* source : distinct_) {
      const auto s = source->cache_stats();
      if (!s) continue;
      if (!total) total = CacheStats{};
      total->hits += s->hits;
      total->misses += s->misses;
      total->merged += s->merged;
      total->bytes_read += s->bytes_read;
      total->bytes_written += s->bytes_written;
    }
    return total;
  }

 private:
  IssueSource& route(const std::string& account) {
    const auto it = routes_.find(account);
    return it != routes_.end() ? *it->second : *fallback_;
  }
  std::map<std::string, std::shared_ptr<IssueSource>> routes_;
  std::shared_ptr<IssueSource> fallback_;
  std::vector<IssueSource*> distinct_;  // each source once, for the statistics
};

}  // namespace

std::string normalized_jql_key(std::string_view jql) {
  const auto parsed = jql::parse_jql(jql);
  return parsed.ok() ? jql::normalize_jql(parsed.query) : std::string(jql);
}

Result<SourceSetup> open_issue_source(const SourceOptions& options) {
  Config config;
  if (!options.config.empty()) {
    auto loaded = load_config(options.config);
    if (!loaded.ok()) return loaded.errors();
    config = std::move(loaded.value());
  }
  if (!options.cache_dir.empty()) config.cache.dir = options.cache_dir;
  if (!options.cache_ttl.empty()) {
    const auto ttl = parse_duration_setting(options.cache_ttl);
    if (!ttl) {
      return usage_error(fmt::format("--cache-ttl: `{}` is not a duration; write it as PT4H, 4h or 30m", options.cache_ttl));
    }
    config.cache.ttl = std::chrono::duration_cast<std::chrono::seconds>(*ttl);
  }
  if (options.no_cache) config.cache.enabled = false;
  if (config.jira.accounts.empty()) {
    JiraAccount account;  // offline only: one account for every entity
    account.alias = config.jira.default_alias;
    config.jira.accounts.push_back(account);
  }

  SourceSetup setup;
  setup.settings = std::make_shared<const JiraSettings>(config.jira);
  const JiraSettings& settings = *setup.settings;

  std::shared_ptr<IssueSource> offline;
  const bool any_dump = std::any_of(settings.accounts.begin(), settings.accounts.end(),
                                    [](const JiraAccount& a) { return !a.dump_file.empty(); });
  if (!options.issues.empty() || any_dump) {
    auto opened = OfflineSource::open(options.issues, settings, options.now);
    if (!opened.ok()) return opened.errors();
    offline = std::move(opened.value());
  }
  if (!options.issues.empty()) {
    setup.source = offline;
    return setup;
  }

  std::vector<std::string> live_aliases;
  for (const auto& a : settings.accounts) {
    if (!a.base_url.empty()) live_aliases.push_back(a.alias);
  }
  if (live_aliases.empty()) {
    setup.source = offline;  // null when nothing serves Jira at all
    return setup;
  }
  auto live = std::make_shared<LiveSource>(settings, config.retry);
  CacheOptions cache;
  cache.ttl = config.cache.ttl;
  cache.normalize_jql = normalized_jql_key;
  if (config.cache.enabled) cache.dir = config.cache.dir.empty() ? default_cache_dir() : config.cache.dir;
  std::string warning;
  auto cached = std::make_shared<CacheSource>(live, settings, std::move(cache), warning);
  if (!warning.empty()) setup.warnings.push_back(warning + "; Jira answers are cached for this run only");
  if (!offline) {
    setup.source = cached;
    return setup;
  }
  std::map<std::string, std::shared_ptr<IssueSource>> routes;
  for (const auto& alias : live_aliases) routes[alias] = cached;
  setup.source = std::make_shared<AccountRouter>(std::move(routes), offline);
  return setup;
}

}  // namespace cql::sources
