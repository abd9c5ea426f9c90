#include "tests/integration/fake_jira/live_fixture.hpp"

#include <cstdlib>
#include <stdexcept>

#include "cql/time.hpp"

namespace cql::fake_jira {

namespace {

constexpr const char* kDumpPath = CQL_SOURCE_DIR "/tests/fixtures/live/issues.json";

std::shared_ptr<const jql::IssueIndex> fixture_index() {
  static const std::shared_ptr<const jql::IssueIndex> index = [] {
    auto loaded = jql::IssueIndex::load(kDumpPath);
    if (!loaded.ok()) throw std::runtime_error("cannot load " + std::string(kDumpPath) + ": " + loaded.error().message);
    return loaded.value();
  }();
  return index;
}

}  // namespace

const std::vector<nlohmann::json>& fixture_issues() {
  static const std::vector<nlohmann::json> issues = load_dump_json(kDumpPath);
  return issues;
}

Matcher fixture_matcher() {
  // The matcher answers with positions in the index; the server serves the JSON at them.
  const auto& index = fixture_index()->issues();
  const auto& json = fixture_issues();
  if (index.size() != json.size()) throw std::runtime_error("the dump index and JSON disagree in size");
  for (std::size_t i = 0; i < index.size(); ++i) {
    if (index[i].key != json[i].value("key", "")) throw std::runtime_error("the dump index and JSON disagree in order");
  }
  // The clock of the conformance cases, so relative dates give the same answers every day.
  static const Matcher matcher = dump_matcher(fixture_index(), *parse_timestamp("2026-06-01T12:00:00Z"));
  return matcher;
}

Options fixture_options(Flavour flavour) {
  setenv(kTokenEnv, kToken, 1);
  setenv(kWrongTokenEnv, "tok-wrong-0000", 1);
  Options o;
  o.flavour = flavour;
  o.issues = fixture_issues();
  o.matcher = fixture_matcher();
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
