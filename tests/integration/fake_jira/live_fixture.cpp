#include "tests/integration/fake_jira/live_fixture.hpp"

#include <cstdlib>

namespace cql::fake_jira {

const std::vector<nlohmann::json>& fixture_issues() {
  static const std::vector<nlohmann::json> issues = load_dump(CQL_SOURCE_DIR "/tests/fixtures/live/issues.json");
  return issues;
}

Options fixture_options(Flavour flavour) {
  setenv(kTokenEnv, kToken, 1);
  setenv(kWrongTokenEnv, "tok-wrong-0000", 1);
  Options o;
  o.flavour = flavour;
  o.issues = fixture_issues();
  o.matcher = dump_matcher(o.issues);
  o.basic_user = kEmail;
  o.basic_secret = kToken;
  o.bearer_token = kToken;
  return o;
}

JiraAccount account_for(const Server& server, Flavour flavour, JiraAuth auth, const std::string& alias) {
  JiraAccount a;
  a.alias = alias;
  a.flavour = flavour == Flavour::Cloud ? JiraFlavour::Cloud : JiraFlavour::DataCenter;
  a.auth = auth;
  a.base_url = server.base_url();
  if (auth == JiraAuth::Basic) {
    if (flavour == Flavour::Cloud) a.email = kEmail;
    else a.username = kEmail;
  }
  a.secret_env = kTokenEnv;
  a.max_in_flight = 8;
  return a;
}

JiraSettings settings_with(std::vector<JiraAccount> accounts) {
  JiraSettings s;
  s.default_alias = accounts.empty() ? "default" : accounts.front().alias;
  s.accounts = std::move(accounts);
  return s;
}

sources::RetryPolicy fast_retries() {
  sources::RetryPolicy p;
  p.initial_backoff = std::chrono::milliseconds(20);
  p.max_backoff = std::chrono::milliseconds(80);
  p.connect_timeout = std::chrono::seconds(2);
  p.request_timeout = std::chrono::seconds(5);
  return p;
}

}  // namespace cql::fake_jira
