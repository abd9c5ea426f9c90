// The messages a user reads when live Jira fails (spec/jira.md §4), and that the token never
// appears in any of them.
#include <catch2/catch.hpp>

#include "sources/live_source.hpp"
#include "sources/secret.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;
using namespace cql::fake_jira;
using cql::sources::LiveSource;

namespace {

IssueQuery count_query(std::string jql) { return IssueQuery{"main", std::move(jql), QueryKind::Count, 1000, {}}; }

void check_no_secret(const std::string& text) {
  CHECK(text.find(kToken) == std::string::npos);
  CHECK(text.find(sources::base64_encode(std::string(kEmail) + ":" + kToken)) == std::string::npos);
}

}  // namespace

TEST_CASE("401 explains which credential was refused and what to do", "[integration][live][errors]") {
  SECTION("cloud email and API token") {
    Server server(fixture_options(Flavour::Cloud));
    auto account = account_for(server, Flavour::Cloud, JiraAuth::Basic);
    account.secret_env = kWrongTokenEnv;
    LiveSource live(settings_with({account}), fast_retries());
    const auto check = live.verify_identity("main");
    CHECK_FALSE(check.ok);
    CHECK(check.error ==
          "Jira account 'main': authentication failed (401): the email bot@acme.com and the API token in the "
          "environment variable CQL_FAKE_JIRA_WRONG_TOKEN do not match, or the token has expired or was revoked; "
          "create a new API token at https://id.atlassian.com/manage-profile/security/api-tokens and put it in the "
          "environment variable CQL_FAKE_JIRA_WRONG_TOKEN.");
    // Queries of the account fail the same way without being sent.
    const auto r = live.fetch_one(count_query("project = PAY"));
    CHECK_FALSE(r.ok);
    CHECK(r.error == check.error);
    CHECK(server.count() == 1);
    CHECK(server.log().front().path == "/rest/api/3/myself");
    CHECK(server.log().front().status == 401);
  }
  SECTION("data center personal access token") {
    Server server(fixture_options(Flavour::DataCenter));
    auto account = account_for(server, Flavour::DataCenter, JiraAuth::Bearer);
    account.secret_env = kWrongTokenEnv;
    LiveSource live(settings_with({account}), fast_retries());
    CHECK(live.verify_identity("main").error ==
          "Jira account 'main': authentication failed (401): the personal access token in the environment variable "
          "CQL_FAKE_JIRA_WRONG_TOKEN is wrong, expired or revoked; create a new one in your Jira profile and put it "
          "in the environment variable CQL_FAKE_JIRA_WRONG_TOKEN.");
  }
  SECTION("a missing environment variable is reported before any request") {
    Server server(fixture_options(Flavour::Cloud));
    auto account = account_for(server, Flavour::Cloud, JiraAuth::Basic);
    account.secret_env = "CQL_FAKE_JIRA_UNSET_VARIABLE";
    LiveSource live(settings_with({account}), fast_retries());
    CHECK(live.fetch_one(count_query("project = PAY")).error ==
          "Jira account 'main': the environment variable CQL_FAKE_JIRA_UNSET_VARIABLE is not set or empty; export the "
          "account's token in it.");
    CHECK(server.count() == 0);
  }
}

TEST_CASE("403 with a CAPTCHA tells the user to log in through the browser", "[integration][live][errors]") {
  Server server(fixture_options(Flavour::DataCenter));
  server.inject(Fault::captcha(), 1, "/myself");
  LiveSource live(settings_with({account_for(server, Flavour::DataCenter, JiraAuth::Basic)}), fast_retries());
  CHECK(live.verify_identity("main").error ==
        "Jira account 'main': Jira refused the login (403, X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE; "
        "login-url=https://jira.example.com/login.jsp): too many failed logins triggered a CAPTCHA; log in to " +
            server.base_url() + " once through the browser, then run cql again.");
}

TEST_CASE("403 without a reason is a permission problem", "[integration][live][errors]") {
  Server server(fixture_options(Flavour::Cloud));
  server.inject(Fault::http(403), 1, "/search");
  LiveSource live(settings_with({account_for(server, Flavour::Cloud, JiraAuth::Basic)}), fast_retries());
  CHECK(live.fetch_one(count_query("project = PAY")).error ==
        "Jira account 'main': permission denied (403) for /rest/api/3/search/approximate-count; make sure the user may "
        "browse the projects (and use the REST API). Jira says: Injected failure.");
}

TEST_CASE("400 repeats Jira's messages and the JQL that was sent", "[integration][live][errors]") {
  const Flavour flavour = GENERATE(Flavour::Cloud, Flavour::DataCenter);
  Server server(fixture_options(flavour));
  LiveSource live(settings_with({account_for(server, flavour, JiraAuth::Basic)}), fast_retries());
  const std::string jql = "project = PAY AND (((";
  const auto expected = fixture_matcher()(jql);
  REQUIRE_FALSE(expected.ok);
  const auto r = live.fetch_one(IssueQuery{"main", jql, QueryKind::Search, 10, {}});
  CHECK_FALSE(r.ok);
  CHECK(r.error == "Jira account 'main' rejected the request (400): " + expected.errors.front() +
                       (expected.errors.front().ends_with(".") ? "" : ".") + " JQL sent: " + jql);
}

TEST_CASE("410 on the old search endpoint says the site is Cloud", "[integration][live][errors]") {
  Server server(fixture_options(Flavour::Cloud));
  // A Cloud site configured as Data Center: identity works on v2, search does not.
  LiveSource live(settings_with({account_for(server, Flavour::DataCenter, JiraAuth::Basic)}), fast_retries());
  CHECK(live.fetch_one(count_query("project = PAY")).error ==
        "Jira account 'main': /rest/api/2/search is gone (410): that site is Jira Cloud, which removed this search "
        "endpoint; set `kind: cloud` for the account.");
}

TEST_CASE("an unreachable server is named with the next step", "[integration][live][errors]") {
  std::string url;
  {
    Server gone(fixture_options(Flavour::Cloud));
    url = gone.base_url();
  }  // nothing listens on that port any more
  JiraAccount account;
  account.alias = "main";
  account.base_url = url;
  account.email = kEmail;
  account.secret_env = kTokenEnv;
  auto policy = fast_retries();
  policy.max_retries = 1;
  LiveSource live(settings_with({account}), policy);
  const auto error = live.verify_identity("main").error;
  CHECK_THAT(error, Catch::StartsWith("Jira account 'main': cannot connect to " + url + " ("));
  CHECK_THAT(error, Catch::EndsWith(") after 2 attempts; check base_url and proxy, and that the server is up."));
}

TEST_CASE("the token never appears in errors, even when the server echoes it", "[integration][live][errors]") {
  auto options = fixture_options(Flavour::Cloud);
  // A hostile or broken server that repeats the query text in its error message.
  options.matcher = [](const std::string& jql) { return Matches{false, {}, {"Unknown value: " + jql}}; };
  Server server(options);
  LiveSource live(settings_with({account_for(server, Flavour::Cloud, JiraAuth::Basic)}), fast_retries());
  const std::string jql = std::string("summary ~ \"") + kToken + "\"";
  const auto r = live.fetch_one(count_query(jql));
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.error, Catch::Contains("Unknown value: summary ~ \"***\""));
  check_no_secret(r.error);

  std::vector<std::string> errors;
  for (int status : {400, 401, 403, 404, 410, 429, 500, 503}) {
    server.inject(Fault::http(status), 5, "/search");
    errors.push_back(live.fetch_one(count_query("project = PAY")).error);
  }
  server.inject(Fault::malformed(), 1, "/search");
  errors.push_back(live.fetch_one(count_query("project = PAY")).error);
  for (const auto& e : errors) {
    CHECK_FALSE(e.empty());
    check_no_secret(e);
  }
}
