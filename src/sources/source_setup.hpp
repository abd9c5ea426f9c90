#pragma once
// Builds the issue source a command uses from its data options (spec/cli.md: --issues,
// --config, --cache, --no-cache, --cache-ttl; spec/jira.md §3):
//   - --issues DUMP: every account is answered offline from the dump (accounts with their own
//     `dump` in the configuration from theirs);
//   - otherwise accounts with a site/base_url are live, behind the cache (memory for the run,
//     plus SQLite under the cache directory unless --no-cache or `cache: {enabled: false}`),
//     and accounts with only a `dump` are offline.
// The cache directory is --cache, else the configuration's cache.dir, else
// $XDG_CACHE_HOME/cql (else ~/.cache/cql); the TTL is --cache-ttl, else cache.ttl, else 4h.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/issue_source.hpp"
#include "cql/jira.hpp"
#include "cql/value.hpp"

namespace cql::sources {

struct SourceOptions {
  std::string issues;       // --issues
  std::string config;       // --config
  std::string cache_dir;    // --cache
  bool no_cache = false;    // --no-cache
  std::string cache_ttl;    // --cache-ttl
  std::optional<Timestamp> now;  // --now: the clock of offline relative dates
};

struct SourceSetup {
  std::shared_ptr<IssueSource> source;           // null when no Jira is configured at all
  std::shared_ptr<const JiraSettings> settings;  // the accounts (one `default` without --config)
  std::vector<std::string> warnings;             // not fatal, for stderr (an unusable cache dir)
};

// Errors: an unreadable or invalid configuration (with file:line), a bad --cache-ttl, an
// unreadable dump. Nothing is sent over the network here.
Result<SourceSetup> open_issue_source(const SourceOptions& options);

// The canonical text of a JQL query for cache keys (jql::normalize_jql), or the text itself
// when it does not parse (Jira will say why).
std::string normalized_jql_key(std::string_view jql);

}  // namespace cql::sources
