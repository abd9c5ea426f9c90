// Live Jira against the fake server: both API flavours, every authentication mode, paging,
// field mapping, concurrency limits, projects and components.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <set>

#include "cql/time.hpp"
#include "sources/config.hpp"
#include "sources/live_source.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;
using namespace cql::fake_jira;
using cql::sources::LiveSource;

namespace {

IssueQuery count_query(std::string jql, std::string account = "main") {
  return IssueQuery{std::move(account), std::move(jql), QueryKind::Count, 1000, {}};
}

IssueQuery search_query(std::string jql, std::size_t limit = 1000) {
  return IssueQuery{"main", std::move(jql), QueryKind::Search, limit, {}};
}

std::vector<std::string> expected_keys(const std::string& jql) {
  const auto matches = fixture_matcher()(jql);
  REQUIRE(matches.ok);
  std::vector<std::string> keys;
  for (auto i : matches.issues) keys.push_back(fixture_issues()[i]["key"].get<std::string>());
  return keys;
}

const std::vector<std::string> kQueries = {
    "project = PAY",
    "project = FIN",
    "project = NOTIF ORDER BY created DESC",
};

}  // namespace

TEST_CASE("live counts agree with the dump for both flavours and every authentication mode", "[integration][live]") {
  struct Mode {
    const char* name;
    Flavour flavour;
    JiraAuth auth;
    const char* scheme;
  };
  const Mode mode = GENERATE(Mode{"cloud basic", Flavour::Cloud, JiraAuth::Basic, "Basic"},
                             Mode{"datacenter bearer", Flavour::DataCenter, JiraAuth::Bearer, "Bearer"},
                             Mode{"datacenter basic", Flavour::DataCenter, JiraAuth::Basic, "Basic"});
  INFO(mode.name);
  Server server(fixture_options(mode.flavour));
  LiveSource live(settings_with({account_for(server, mode.flavour, mode.auth)}), fast_retries());

  std::vector<IssueQuery> queries;
  for (const auto& jql : kQueries) queries.push_back(count_query(jql));
  const auto results = live.fetch(queries);
  REQUIRE(results.size() == kQueries.size());
  CHECK(results[0].count == 34);
  for (std::size_t i = 0; i < kQueries.size(); ++i) {
    INFO(kQueries[i] << ": " << results[i].error);
    REQUIRE(results[i].ok);
    CHECK(results[i].count == static_cast<std::int64_t>(expected_keys(kQueries[i]).size()));
  }

  const auto check = live.verify_identity("main");
  CHECK(check.ok);
  CHECK(check.identity == "Jira Bot <bot@acme.com>");

  const auto log = server.log();
  REQUIRE(log.size() == 1 + kQueries.size());  // one identity check, then the counts
  const std::string api = mode.flavour == Flavour::Cloud ? "/rest/api/3" : "/rest/api/2";
  CHECK(log.front().path == api + "/myself");
  for (const auto& r : log) {
    CHECK(r.auth_scheme == mode.scheme);
    CHECK(r.status == 200);
    if (r.method == "POST") {
      CHECK(r.path == (mode.flavour == Flavour::Cloud ? "/rest/api/3/search/approximate-count" : "/rest/api/2/search"));
      const auto body = nlohmann::json::parse(r.body);
      CHECK(body.contains("jql"));
      if (mode.flavour == Flavour::DataCenter) {
        CHECK(body["maxResults"] == 0);
        CHECK(body["validateQuery"] == "warn");
      }
    }
  }
}

TEST_CASE("an OAuth account reaches the site through the gateway path of its cloud id", "[integration][live]") {
  auto options = fixture_options(Flavour::Cloud);
  options.path_prefix = "/ex/jira/11223344-aaaa-bbbb-cccc-556677889900";
  Server server(options);
  const std::string yaml = "jira:\n  accounts:\n    - alias: main\n      auth: oauth\n"
                           "      cloud_id: 11223344-aaaa-bbbb-cccc-556677889900\n"
                           "      api_gateway: http://127.0.0.1:" + std::to_string(server.port()) +
                           "\n      site: acme\n      token_env: " + kTokenEnv + "\n";
  auto config = sources::parse_config(yaml, "oauth.yaml", ".");
  REQUIRE(config.ok());
  LiveSource live(config.value().jira, fast_retries());
  const auto result = live.fetch_one(search_query("project = SEC"));
  REQUIRE(result.ok);
  REQUIRE(result.issues.size() == expected_keys("project = SEC").size());
  // Links point at the site, not at the API gateway.
  CHECK(result.issues.front().url == "https://acme.atlassian.net/browse/" + result.issues.front().key);
  for (const auto& r : server.log()) CHECK(r.auth_scheme == "Bearer");
}

TEST_CASE("searches page through every page in Jira's order", "[integration][live]") {
  const Flavour flavour = GENERATE(Flavour::Cloud, Flavour::DataCenter);
  auto options = fixture_options(flavour);
  options.max_page_size = 3;
  Server server(options);
  LiveSource live(settings_with({account_for(server, flavour, flavour == Flavour::Cloud ? JiraAuth::Basic : JiraAuth::Bearer)}),
                  fast_retries());

  const std::string jql = "project = PAY ORDER BY created DESC";
  const auto all = live.fetch_one(search_query(jql));
  INFO(all.error);
  REQUIRE(all.ok);
  std::vector<std::string> keys;
  for (const auto& issue : all.issues) keys.push_back(issue.key);
  CHECK(keys == expected_keys(jql));
  CHECK(all.count == 34);
  const std::string path = flavour == Flavour::Cloud ? "/search/jql" : "/rest/api/2/search";
  CHECK(server.count(path) == 12);  // ceil(34 / 3)

  const auto unlimited = live.fetch_one(search_query(jql, std::numeric_limits<std::size_t>::max()));
  REQUIRE(unlimited.ok);
  CHECK(unlimited.issues.size() == 34);

  server.clear_log();
  const auto first_ten = live.fetch_one(search_query(jql, 10));
  REQUIRE(first_ten.ok);
  CHECK(first_ten.issues.size() == 10);
  CHECK(first_ten.issues.back().key == keys[9]);
  CHECK(server.count(path) == 4);

  // Every page asked for named fields: Cloud's search/jql returns ids only otherwise.
  for (const auto& r : server.log()) {
    const auto body = nlohmann::json::parse(r.body);
    REQUIRE(body.contains("fields"));
    CHECK(std::find(body["fields"].begin(), body["fields"].end(), "status") != body["fields"].end());
  }
}

TEST_CASE("issue JSON becomes the objects jira.issues() returns", "[integration][live]") {
  const Flavour flavour = GENERATE(Flavour::Cloud, Flavour::DataCenter);
  Server server(fixture_options(flavour));
  LiveSource live(settings_with({account_for(server, flavour, JiraAuth::Basic)}), fast_retries());
  const auto result = live.fetch_one(search_query("project = PAY"));
  REQUIRE(result.ok);
  const auto it = std::find_if(result.issues.begin(), result.issues.end(), [](const Issue& i) { return i.key == "PAY-101"; });
  REQUIRE(it != result.issues.end());
  const Issue& issue = *it;
  CHECK(issue.summary == "Payment intent stuck in pending state");
  CHECK(issue.status == std::optional<std::string>("Blocked"));
  CHECK(issue.status_category == std::optional<std::string>("In Progress"));
  CHECK(issue.issue_type == std::optional<std::string>("Task"));
  CHECK(issue.priority == std::optional<std::string>("High"));
  CHECK_FALSE(issue.resolution);
  CHECK_FALSE(issue.assignee);
  CHECK(issue.reporter == std::optional<std::string>("Chen Wei"));
  CHECK(issue.created == parse_timestamp("2025-10-02T02:36:00Z"));
  CHECK(issue.updated == parse_timestamp("2025-10-18T09:35:00Z"));
  CHECK(issue.due == parse_timestamp("2025-11-06"));
  CHECK(issue.labels == std::vector<std::string>{"payments", "customer-facing"});
  CHECK(issue.components == std::vector<std::string>{"Payments API"});
  CHECK(issue.project == "PAY");
  CHECK(issue.url == server.base_url() + "/browse/PAY-101");
}

TEST_CASE("queries run concurrently within the account's in-flight limit", "[integration][live]") {
  Server server(fixture_options(Flavour::Cloud));
  server.set_latency(std::chrono::milliseconds(30));
  auto account = account_for(server, Flavour::Cloud, JiraAuth::Basic);
  account.max_in_flight = 4;
  LiveSource live(settings_with({account}), fast_retries());
  std::vector<IssueQuery> queries;
  for (int i = 0; i < 24; ++i) queries.push_back(count_query("project = PAY AND key != PAY-" + std::to_string(i)));
  const auto results = live.fetch(queries);
  for (const auto& r : results) REQUIRE(r.ok);

  const int peak = server.peak_concurrency();
  CHECK(peak > 1);
  CHECK(peak <= 4);
  // Connections are reused: 25 requests (an identity check and 24 counts) over at most 4.
  CHECK(server.connections() <= 4);
}

TEST_CASE("the token bucket spaces requests out", "[integration][live]") {
  Server server(fixture_options(Flavour::DataCenter));
  auto account = account_for(server, Flavour::DataCenter, JiraAuth::Bearer);
  account.requests_per_second = 20;  // a bucket of 20, then one every 50 ms
  LiveSource live(settings_with({account}), fast_retries());
  std::vector<IssueQuery> queries;
  for (int i = 0; i < 30; ++i) queries.push_back(count_query("project = OPS AND key != OPS-" + std::to_string(i)));
  for (const auto& r : live.fetch(queries)) REQUIRE(r.ok);
  const auto log = server.log();
  REQUIRE(log.size() == 31);
  // 31 requests with a burst of 20: the last 11 wait for tokens, at least 10 intervals of 50 ms.
  CHECK(log.back().received - log.front().received >= std::chrono::milliseconds(450));
}

TEST_CASE("known values list the account's projects and components", "[integration][live]") {
  const Flavour flavour = GENERATE(Flavour::Cloud, Flavour::DataCenter);
  auto options = fixture_options(flavour);
  options.max_page_size = 3;  // several pages of projects on Cloud
  Server server(options);
  LiveSource live(settings_with({account_for(server, flavour, JiraAuth::Basic)}), fast_retries());
  std::string error;
  const auto known = live.known_values("main", error);
  INFO(error);
  REQUIRE(known);
  const std::set<std::string> projects(known->projects().begin(), known->projects().end());
  for (const char* p : {"PAY", "Payments", "10010", "FIN", "OPS", "WEB", "NOTIF", "IAM", "SEC"}) CHECK(projects.count(p) == 1);
  const std::set<std::string> components(known->components().begin(), known->components().end());
  CHECK(components.count("Payments API") == 1);
  CHECK(components.count("Billing \"Classic\"") == 1);
  CHECK(components.size() == 20);
  if (flavour == Flavour::Cloud) CHECK(server.count("/project/search") == 3);  // 7 projects, 3 a page
  CHECK(server.count("/components") == 7);
}

TEST_CASE("an unknown account is a clear per-query error", "[integration][live]") {
  Server server(fixture_options(Flavour::Cloud));
  LiveSource live(settings_with({account_for(server, Flavour::Cloud, JiraAuth::Basic)}), fast_retries());
  const auto r = live.fetch_one(count_query("project = PAY", "other"));
  CHECK_FALSE(r.ok);
  CHECK(r.error == "no Jira account named 'other' is configured; add it to the configuration's jira.accounts.");
  CHECK(server.count() == 0);
}
