// Unknown project and component values never reach Jira (spec/jira.md §2 step 5): the
// composer drops them using the account's known values, fetched once through the cache.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cql/entity.hpp"
#include "cql/jira.hpp"
#include "sources/cache_source.hpp"
#include "sources/live_source.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;
using namespace cql::fake_jira;
using namespace cql::sources;

namespace {

Entity entity_with(std::string tag, std::vector<std::string> components, std::vector<std::string> projects) {
  Entity e;
  e.tag = std::move(tag);
  e.jira.present = true;
  for (auto& c : components) e.jira.components.push_back(JiraSelector{std::move(c), ""});
  for (auto& p : projects) e.jira.projects.push_back(JiraSelector{std::move(p), ""});
  return e;
}

}  // namespace

TEST_CASE("unknown projects and components are dropped before anything is sent", "[integration][live][composer]") {
  const Flavour flavour = GENERATE(Flavour::Cloud, Flavour::DataCenter);
  Server server(fixture_options(flavour));
  const auto settings = settings_with({account_for(server, flavour, JiraAuth::Basic)});
  auto live = std::make_shared<LiveSource>(settings, fast_retries());
  std::string warning;
  CacheSource source(live, settings, CacheOptions{}, warning);
  const KnownValuesLookup known = [&source](const std::string& account, std::string& error) {
    return source.known_values(account, error);
  };

  const Entity mixed = entity_with("payments", {"Payments API", "No Such Component"}, {"pay", "NOPE"});
  const JiraComposeRequest request{&mixed, &settings, std::string_view("statusCategory != Done"), QueryKind::Count};
  const auto composed = compose_jira_queries(request, known);
  REQUIRE(composed.ok());
  REQUIRE(composed.value().size() == 1);
  const ComposedJiraQuery& q = composed.value().front();
  CHECK_FALSE(q.skipped);
  CHECK(q.jql.find("No Such Component") == std::string::npos);
  CHECK(q.jql.find("NOPE") == std::string::npos);

  const auto result = source.fetch_one(IssueQuery{q.account, q.jql, QueryKind::Count, 1000, {}});
  INFO(result.error);
  REQUIRE(result.ok);
  const auto expected = fixture_matcher()(q.jql);
  REQUIRE(expected.ok);
  CHECK(result.count == static_cast<std::int64_t>(expected.issues.size()));
  CHECK(result.count > 0);

  // An entity whose every value is unknown counts 0 without a query.
  const Entity ghost = entity_with("ghost", {"No Such Component"}, {"NOPE"});
  const auto nothing = compose_jira_queries(JiraComposeRequest{&ghost, &settings, std::nullopt, QueryKind::Count}, known);
  REQUIRE(nothing.ok());
  CHECK(nothing.value().front().skipped);

  for (const auto& r : server.log()) {
    CHECK(r.status == 200);
    CHECK(r.body.find("No Such Component") == std::string::npos);
    CHECK(r.body.find("NOPE") == std::string::npos);
  }
  CHECK(server.count("/components") == 7);  // the known values were fetched once for both entities
  const auto log = server.log();
  CHECK(std::count_if(log.begin(), log.end(), [](const LoggedRequest& r) { return r.method == "POST"; }) == 1);
}
