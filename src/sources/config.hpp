#pragma once
// The `--config` YAML file (spec/jira.md §4, spec/cli.md): Jira accounts, the workspace JQL,
// retry behaviour and cache settings. Secrets are never read from this file: accounts name an
// environment variable (token_env / password_env) or a file (token_file / password_file).
//
// Errors are diagnostics pointing at the offending YAML node (`config.yaml:7:5: error: ...`).

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cql/diagnostic.hpp"
#include "cql/jira.hpp"

namespace cql::sources {

// How the HTTP client retries (jira.md §4). Defaults are the spec's; tests shorten them.
struct RetryPolicy {
  int max_retries = 4;
  std::chrono::milliseconds initial_backoff{5000};  // doubled per retry ...
  std::chrono::milliseconds max_backoff{30000};     // ... up to this, then times 0.7–1.3
  // A Retry-After longer than this fails the request instead of stalling the run.
  std::chrono::milliseconds max_retry_after{std::chrono::minutes(10)};
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds request_timeout{60000};  // one attempt, transfer included
};

struct CacheSettings {
  bool enabled = true;
  std::filesystem::path dir;  // empty: default_cache_dir()
  std::chrono::seconds ttl{std::chrono::hours(4)};
};

struct Config {
  JiraSettings jira;
  RetryPolicy retry;
  CacheSettings cache;
};

// Reads and validates a configuration file. Relative paths in it (token_file, ca_file, dump)
// are resolved against the file's directory.
Result<Config> load_config(const std::filesystem::path& path);

// The same from text; `file_name` names the text in diagnostics, `base_dir` anchors relative paths.
Result<Config> parse_config(std::string_view text, std::string_view file_name,
                            const std::filesystem::path& base_dir);

// `PT4H`, `P1D` (ISO-8601) or `4h`, `30m`, `1h30m`, `250ms`, `10s`, `2d`; nullopt when malformed
// or negative.
std::optional<std::chrono::milliseconds> parse_duration_setting(std::string_view text);

// `$XDG_CACHE_HOME/cql`, else `$HOME/.cache/cql` (spec/cli.md); empty when neither is set.
std::filesystem::path default_cache_dir();

}  // namespace cql::sources
