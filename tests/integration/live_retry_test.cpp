// Retries against the fake server (spec/jira.md §4): Retry-After pauses the whole account,
// backoff without it, 5xx and broken connections retried, other 4xx never, at most 4 retries.
// The waits are read from the server's request log.
#include <catch2/catch.hpp>

#include <ctime>

#include "sources/live_source.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;
using namespace cql::fake_jira;
using cql::sources::LiveSource;
using namespace std::chrono_literals;

namespace {

constexpr const char* kCountPath = "/rest/api/3/search/approximate-count";

IssueQuery count_query(std::string jql) { return IssueQuery{"main", std::move(jql), QueryKind::Count, 1000, {}}; }

std::int64_t expected_count(const std::string& jql) {
  const auto m = fixture_matcher()(jql);
  REQUIRE(m.ok);
  return static_cast<std::int64_t>(m.issues.size());
}

std::vector<LoggedRequest> requests_to(const Server& server, const std::string& path) {
  std::vector<LoggedRequest> out;
  for (const auto& r : server.log()) if (r.path == path) out.push_back(r);
  return out;
}

// A live source whose account sends one request at a time, after its identity check is done.
struct OneAtATime {
  Server server{fixture_options(Flavour::Cloud)};
  std::unique_ptr<LiveSource> live;
  explicit OneAtATime(sources::RetryPolicy policy = fast_retries()) {
    auto account = account_for(server, Flavour::Cloud, JiraAuth::Basic);
    account.max_in_flight = 1;
    live = std::make_unique<LiveSource>(settings_with({account}), policy);
    REQUIRE(live->verify_identity("main").ok);
    server.clear_log();
  }
};

std::string http_date(std::time_t t) {
  char buffer[64];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buffer;
}

}  // namespace

TEST_CASE("429 with Retry-After pauses the whole account for that long", "[integration][live][retry]") {
  OneAtATime f;
  f.server.inject(Fault::http(429, "1"), 1, kCountPath);
  const std::vector<IssueQuery> queries{count_query("project = PAY"), count_query("project = FIN"),
                                        count_query("project = OPS")};
  const auto results = f.live->fetch(queries);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    INFO(results[i].error);
    REQUIRE(results[i].ok);
    CHECK(results[i].count == expected_count(queries[i].jql));
  }
  const auto log = requests_to(f.server, kCountPath);
  REQUIRE(log.size() == 4);
  CHECK(log[0].status == 429);
  // No request of the account went out during the pause, not only the one that was refused.
  for (std::size_t i = 1; i < log.size(); ++i) CHECK(log[i].received - log[0].answered >= 1s);
}

TEST_CASE("429 without Retry-After backs off and still counts correctly", "[integration][live][retry]") {
  OneAtATime f;
  f.server.inject(Fault::http(429), 2, kCountPath);
  const auto r = f.live->fetch_one(count_query("project = WEB"));
  REQUIRE(r.ok);
  CHECK(r.count == expected_count("project = WEB"));
  const auto log = requests_to(f.server, kCountPath);
  REQUIRE(log.size() == 3);
  // 20 ms then 40 ms, each times at least 0.7.
  CHECK(log[1].received - log[0].answered >= 14ms);
  CHECK(log[2].received - log[1].answered >= 28ms);
}

TEST_CASE("503 with Retry-After as an HTTP date waits until that date", "[integration][live][retry]") {
  OneAtATime f;
  const std::time_t until = std::time(nullptr) + 2;
  f.server.inject(Fault::http(503, http_date(until)), 1, kCountPath);
  const auto r = f.live->fetch_one(count_query("project = IAM"));
  REQUIRE(r.ok);
  CHECK(r.count == expected_count("project = IAM"));
  const auto log = requests_to(f.server, kCountPath);
  REQUIRE(log.size() == 2);
  CHECK(log[0].status == 503);
  CHECK(log[1].received - log[0].answered >= 900ms);  // the date has one-second resolution
}

TEST_CASE("5xx and dropped connections are retried, the fifth failure is reported", "[integration][live][retry]") {
  OneAtATime f;
  SECTION("503 without Retry-After, then success") {
    f.server.inject(Fault::http(503), 2, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = SEC"));
    REQUIRE(r.ok);
    CHECK(r.count == expected_count("project = SEC"));
    CHECK(requests_to(f.server, kCountPath).size() == 3);
  }
  SECTION("a dropped connection, then success") {
    f.server.inject(Fault::dropped(), 2, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = NOTIF"));
    REQUIRE(r.ok);
    CHECK(r.count == expected_count("project = NOTIF"));
    CHECK(requests_to(f.server, kCountPath).size() == 3);
  }
  SECTION("500 five times: one try and four retries") {
    f.server.inject(Fault::http(500), 5, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = PAY"));
    CHECK_FALSE(r.ok);
    CHECK(r.error == "Jira account 'main': the server answered 500 for " + std::string(kCountPath) +
                         " after 5 attempts; Jira may be down or overloaded, try again later. Jira says: Injected failure.");
    CHECK(requests_to(f.server, kCountPath).size() == 5);
  }
  SECTION("429 five times tells the user to slow down") {
    f.server.inject(Fault::http(429), 5, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = PAY"));
    CHECK_FALSE(r.ok);
    CHECK(r.error == "Jira account 'main' is still rate limited (429) after 5 attempts; lower requests_per_second "
                     "or max_in_flight for the account, or try again later.");
  }
  SECTION("dropped five times") {
    f.server.inject(Fault::dropped(), 5, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = PAY"));
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("Jira account 'main': the connection to " + f.server.base_url() +
                                          " broke before the answer was complete ("));
    CHECK_THAT(r.error, Catch::EndsWith(") after 5 attempts; try again later."));
  }
}

TEST_CASE("other 4xx and malformed JSON are not retried", "[integration][live][retry]") {
  OneAtATime f;
  SECTION("404") {
    f.server.inject(Fault::http(404), 1, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = PAY"));
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("Jira account 'main': /rest/api/3/search/approximate-count was not found (404)"));
  }
  SECTION("malformed JSON") {
    f.server.inject(Fault::malformed(), 1, kCountPath);
    const auto r = f.live->fetch_one(count_query("project = PAY"));
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("Jira account 'main': the answer to /rest/api/3/search/approximate-count is "
                                          "not what Jira sends (malformed JSON: "));
    CHECK_THAT(r.error, Catch::EndsWith("check that base_url points at Jira and not at a login page or proxy."));
  }
  CHECK(requests_to(f.server, kCountPath).size() == 1);
}

TEST_CASE("a response slower than the timeout is abandoned and retried", "[integration][live][retry]") {
  auto policy = fast_retries();
  policy.request_timeout = 600ms;
  OneAtATime f(policy);
  f.server.inject(Fault::slow(1500ms), 1, kCountPath);
  const auto r = f.live->fetch_one(count_query("project = OPS"));
  REQUIRE(r.ok);
  CHECK(r.count == expected_count("project = OPS"));
  CHECK(requests_to(f.server, kCountPath).size() == 2);
}

TEST_CASE("a Retry-After beyond max_wait fails at once instead of stalling", "[integration][live][retry]") {
  auto policy = fast_retries();
  policy.max_retry_after = 5s;
  OneAtATime f(policy);
  f.server.inject(Fault::http(429, "3600"), 1, kCountPath);
  const auto r = f.live->fetch_one(count_query("project = PAY"));
  CHECK_FALSE(r.ok);
  CHECK(r.error == "Jira account 'main': Jira asked to wait 3600 s before retrying (429), longer than "
                   "jira.retry.max_wait allows; try again later.");
  CHECK(requests_to(f.server, kCountPath).size() == 1);
}
