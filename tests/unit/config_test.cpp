#include <catch2/catch.hpp>

#include <cstdlib>

#include "sources/config.hpp"

using namespace cql;
using namespace cql::sources;
using namespace std::chrono_literals;

namespace {

Result<Config> parse(const std::string& yaml) { return parse_config(yaml, "cql.yaml", "/etc/cql"); }

std::string first_error(const Result<Config>& r) {
  REQUIRE_FALSE(r.ok());
  return render(r.error());
}

}  // namespace

TEST_CASE("a cloud account with a site gets its atlassian.net URL and basic auth", "[unit][config]") {
  auto r = parse(R"(
jira:
  default: main
  jql: 'statusCategory in ("To Do", "In Progress")'
  accounts:
    - alias: main
      kind: cloud
      site: acme
      email: bot@acme.com
      token_env: JIRA_TOKEN
      max_in_flight: 4
      requests_per_second: 2.5
)");
  REQUIRE(r.ok());
  const auto& jira = r.value().jira;
  REQUIRE(jira.accounts.size() == 1);
  const auto& a = jira.accounts[0];
  CHECK(a.alias == "main");
  CHECK(a.flavour == JiraFlavour::Cloud);
  CHECK(a.auth == JiraAuth::Basic);
  CHECK(a.base_url == "https://acme.atlassian.net");
  CHECK(a.email == "bot@acme.com");
  CHECK(a.secret_env == "JIRA_TOKEN");
  CHECK(a.max_in_flight == 4);
  CHECK(a.requests_per_second == 2.5);
  CHECK(jira.default_alias == "main");
  CHECK(jira.workspace_jql == std::optional<std::string>(R"(statusCategory in ("To Do", "In Progress"))"));
}

TEST_CASE("data center accounts use a bearer PAT unless a username asks for basic", "[unit][config]") {
  auto r = parse(R"(
jira:
  default: dc
  accounts:
    - alias: dc
      kind: datacenter
      base_url: https://jira.example.com/
      token_file: secrets/pat
      ca_file: /dev/null
    - alias: legacy
      kind: datacenter
      base_url: http://127.0.0.1:8080
      username: robot
      password_env: JIRA_PASSWORD
      proxy: http://proxy.internal:3128
)");
  // /dev/null is not a regular file, so ca_file is refused; use a real one below.
  CHECK_THAT(first_error(r), Catch::Contains("cql.yaml:9:16: error: `ca_file`: no such file: /dev/null"));

  auto ok = parse(R"(
jira:
  default: dc
  accounts:
    - alias: dc
      kind: datacenter
      base_url: https://jira.example.com/
      token_file: secrets/pat
    - alias: legacy
      kind: datacenter
      base_url: http://127.0.0.1:8080
      username: robot
      password_env: JIRA_PASSWORD
      proxy: http://proxy.internal:3128
)");
  REQUIRE(ok.ok());
  const auto& dc = ok.value().jira.accounts[0];
  CHECK(dc.flavour == JiraFlavour::DataCenter);
  CHECK(dc.auth == JiraAuth::Bearer);
  CHECK(dc.base_url == "https://jira.example.com");
  CHECK(dc.secret_file == "/etc/cql/secrets/pat");
  const auto& legacy = ok.value().jira.accounts[1];
  CHECK(legacy.auth == JiraAuth::Basic);
  CHECK(legacy.username == "robot");
  CHECK(legacy.secret_env == "JIRA_PASSWORD");
  CHECK(legacy.proxy == "http://proxy.internal:3128");
  CHECK(legacy.base_url == "http://127.0.0.1:8080");
}

TEST_CASE("oauth accounts reach Jira through the API gateway with their cloud id", "[unit][config]") {
  auto r = parse(R"(
jira:
  accounts:
    - alias: app
      auth: oauth
      cloud_id: 1324a887-45db-1bf4-1e99-ef0ff456d421
      site: acme
      token_env: JIRA_OAUTH_TOKEN
)");
  REQUIRE(r.ok());
  const auto& a = r.value().jira.accounts[0];
  CHECK(a.auth == JiraAuth::OAuth);
  CHECK(a.base_url == "https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421");
  CHECK(a.browse_url == "https://acme.atlassian.net");
  CHECK(r.value().jira.default_alias == "app");

  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: app\n      auth: oauth\n      token_env: T\n")),
             Catch::Contains("account `app` uses oauth and needs its `cloud_id`"));
}

TEST_CASE("a literal token in the configuration is refused with its line", "[unit][config]") {
  const auto message = first_error(parse(R"(jira:
  accounts:
    - alias: main
      site: acme
      email: bot@acme.com
      token: abc123secret
)"));
  CHECK_THAT(message, Catch::StartsWith("cql.yaml:6:7: error: a literal `token` is not allowed"));
  CHECK_THAT(message, Catch::Contains("token_env"));
  // The error shows the offending line with the secret masked, so it goes no further.
  CHECK_THAT(message, Catch::Contains("\n        token: ************\n"));
  CHECK_THAT(message, !Catch::Contains("abc123secret"));

  CHECK_THAT(first_error(parse("jira:\n  password: hunter2\n")), Catch::Contains("cql.yaml:2:3: error: a literal `password`"));
  CHECK_THAT(first_error(parse("api_token: x\n")), Catch::Contains("cql.yaml:1:1: error: a literal `api_token`"));
}

TEST_CASE("configuration mistakes name the file, line and what to write", "[unit][config]") {
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: main\n      site: acme\n      token_env: T\n")),
             Catch::Contains("cql.yaml:3:7: error: account `main` uses basic authentication and needs its `email`"));
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: main\n      site: acme\n      email: a@b.c\n")),
             Catch::Contains("needs token_env or token_file"));
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: main\n      sight: acme\n")),
             Catch::Contains("cql.yaml:4:7: error: unknown key `sight` in an account"));
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: main\n      kind: onprem\n      base_url: https://j\n")),
             Catch::Contains("cql.yaml:4:13: error: `kind` must be cloud or datacenter"));
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: m\n      base_url: ftp://j\n      email: e\n      token_env: T\n")),
             Catch::Contains("`base_url` must start with https://"));
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: m\n      site: acme\n      email: e\n      token_env: T\n"
                               "      max_in_flight: 0\n")),
             Catch::Contains("cql.yaml:7:22: error: `max_in_flight` must be a number from 1 to 256"));
  CHECK_THAT(first_error(parse("jira:\n  default: other\n  accounts:\n    - alias: m\n      site: acme\n      email: e\n"
                               "      token_env: T\n")),
             Catch::Contains("cql.yaml:2:12: error: `default` names `other`"));
  CHECK_THAT(first_error(parse("jira:\n  accounts:\n    - alias: a\n      site: a\n      email: e\n      token_env: T\n"
                               "    - alias: a\n      site: b\n      email: e\n      token_env: T\n")),
             Catch::Contains("cql.yaml:7:14: error: the alias `a` is used by two accounts"));
  CHECK_THAT(first_error(parse("jira:\n  accounts: [\n")), Catch::Contains("invalid YAML"));
}

TEST_CASE("two accounts without a default are ambiguous", "[unit][config]") {
  auto r = parse(R"(jira:
  accounts:
    - {alias: a, site: a, email: e, token_env: T}
    - {alias: b, site: b, email: e, token_env: T}
)");
  CHECK_THAT(first_error(r), Catch::Contains("name the one used by default with `default: <alias>`"));
}

TEST_CASE("retry, timeouts and cache settings are read with durations", "[unit][config]") {
  auto r = parse(R"(jira:
  timeout: 2s
  connect_timeout: 500ms
  retry: {max_retries: 2, initial_delay: 10ms, max_delay: 40ms, max_wait: 1m}
  accounts:
    - {alias: a, site: a, email: e, token_env: T}
cache:
  dir: cache
  ttl: PT30M
  enabled: false
)");
  REQUIRE(r.ok());
  const auto& c = r.value();
  CHECK(c.retry.max_retries == 2);
  CHECK(c.retry.initial_backoff == 10ms);
  CHECK(c.retry.max_backoff == 40ms);
  CHECK(c.retry.max_retry_after == 60s);
  CHECK(c.retry.request_timeout == 2s);
  CHECK(c.retry.connect_timeout == 500ms);
  CHECK(c.cache.dir == "/etc/cql/cache");
  CHECK(c.cache.ttl == 30min);
  CHECK_FALSE(c.cache.enabled);

  CHECK_THAT(first_error(parse("jira:\n  retry: {initial_delay: 1s, max_delay: 10ms}\n")),
             Catch::Contains("`max_delay` must not be shorter than `initial_delay`"));
  CHECK_THAT(first_error(parse("cache:\n  ttl: soon\n")), Catch::Contains("cql.yaml:2:8: error: `ttl` must be a duration"));
}

TEST_CASE("an offline account may name only its dump", "[unit][config]") {
  auto r = parse_config("jira:\n  accounts:\n    - alias: archive\n      dump: config_test.cpp\n      current_user: ana\n",
                        "cql.yaml", CQL_TEST_DATA_DIR "/unit");
  REQUIRE(r.ok());
  CHECK(r.value().jira.accounts[0].dump_file == CQL_TEST_DATA_DIR "/unit/config_test.cpp");
  CHECK(r.value().jira.accounts[0].current_user == "ana");
  CHECK(r.value().jira.accounts[0].base_url.empty());
}

TEST_CASE("durations in settings take ISO-8601 or compact units", "[unit][config]") {
  CHECK(parse_duration_setting("PT4H") == std::optional(std::chrono::milliseconds(4h)));
  CHECK(parse_duration_setting("4h") == std::optional(std::chrono::milliseconds(4h)));
  CHECK(parse_duration_setting("30m") == std::optional(std::chrono::milliseconds(30min)));
  CHECK(parse_duration_setting("1h30m") == std::optional(std::chrono::milliseconds(90min)));
  CHECK(parse_duration_setting("250ms") == std::optional(250ms));
  CHECK(parse_duration_setting("2d") == std::optional(std::chrono::milliseconds(48h)));
  CHECK(parse_duration_setting("0s") == std::optional(0ms));
  CHECK_FALSE(parse_duration_setting(""));
  CHECK_FALSE(parse_duration_setting("4"));
  CHECK_FALSE(parse_duration_setting("h"));
  CHECK_FALSE(parse_duration_setting("4x"));
  CHECK_FALSE(parse_duration_setting("-PT4H"));
  CHECK_FALSE(parse_duration_setting("PT"));
}

TEST_CASE("the default cache directory follows XDG_CACHE_HOME, else HOME", "[unit][config]") {
  const char* old_xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved = old_xdg ? old_xdg : "";
  setenv("XDG_CACHE_HOME", "/tmp/xdg-cache", 1);
  CHECK(default_cache_dir() == std::filesystem::path("/tmp/xdg-cache/cql"));
  unsetenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (home && *home) CHECK(default_cache_dir() == std::filesystem::path(home) / ".cache" / "cql");
  if (old_xdg) setenv("XDG_CACHE_HOME", saved.c_str(), 1);
}
