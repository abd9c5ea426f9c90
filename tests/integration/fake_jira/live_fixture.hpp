#pragma once
// Shared set-up for the live-Jira integration tests and the benchmark: a dump-backed fake
// server with known credentials, and accounts that point at it.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "cql/jira.hpp"
#include "sources/config.hpp"
#include "tests/integration/fake_jira/dump_matcher.hpp"
#include "tests/integration/fake_jira/fake_jira_server.hpp"

namespace cql::fake_jira {

// The credentials the fake accepts. The token is distinctive so tests can search for it.
inline constexpr const char* kEmail = "bot@acme.com";
inline constexpr const char* kToken = "tok-SECRET-7f3a9c1e5b";
inline constexpr const char* kTokenEnv = "CQL_FAKE_JIRA_TOKEN";
inline constexpr const char* kWrongTokenEnv = "CQL_FAKE_JIRA_WRONG_TOKEN";

// The dump the fake serves (tests/fixtures/live/issues.json), loaded once, and the offline
// evaluator's answers over it (at 2026-06-01T12:00:00Z).
const std::vector<nlohmann::json>& fixture_issues();
Matcher fixture_matcher();

// Options for a fake of `flavour` serving the fixture dump and accepting kToken (as basic
// kEmail:kToken and as a bearer token). Also exports kTokenEnv (and a wrong token in
// kWrongTokenEnv) for accounts to read.
Options fixture_options(Flavour flavour);

// An account of `server` reading its secret from kTokenEnv.
JiraAccount account_for(const Server& server, Flavour flavour, JiraAuth auth, const std::string& alias = "main");

JiraSettings settings_with(std::vector<JiraAccount> accounts);

// Retries as the spec says, with delays short enough for tests.
sources::RetryPolicy fast_retries();

}  // namespace cql::fake_jira
