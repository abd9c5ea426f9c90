// Taking a composed count query apart for grouped listings: accepted only when the rebuilt
// query is the composed one, refused for what a listing cannot count exactly.
#include <catch2/catch.hpp>

#include "batch/jira_clause.hpp"
#include "cql/entity.hpp"
#include "cql/jira.hpp"

using namespace cql;
using namespace cql::batch;

namespace {

JiraSettings settings() {
  JiraSettings s;
  s.accounts.push_back(JiraAccount{});
  s.accounts.back().alias = "default";
  s.accounts.push_back(JiraAccount{});
  s.accounts.back().alias = "other";
  return s;
}

const KnownValues kKnown{{"PAY", "Payments", "10000"}, {"Payments API", "12345"}};

std::vector<ComposedJiraQuery> compose(const Entity& e, const JiraSettings& s, std::optional<std::string> argument) {
  JiraComposeRequest request;
  request.entity = &e;
  request.settings = &s;
  if (argument) request.argument = std::string_view(*argument);
  request.kind = QueryKind::Count;
  auto composed = compose_jira_queries(request, [](const std::string&, std::string&) { return std::make_shared<const KnownValues>(kKnown); });
  REQUIRE(composed.ok());
  return composed.value();
}

Entity entity(std::string tag) {
  Entity e;
  e.tag = std::move(tag);
  return e;
}

}  // namespace

TEST_CASE("the default clause keeps its label (unknown component and project are pruned)", "[unit][batch][plan]") {
  const JiraSettings s = settings();
  const Entity e = entity("checkout");
  const auto composed = compose(e, s, std::nullopt);
  REQUIRE(composed.size() == 1);
  const auto clause = groupable_clause(composed[0]);
  REQUIRE(clause);
  CHECK(clause->base_where == R"(statusCategory in ("To Do", "In Progress"))");
  CHECK(clause->labels == std::vector<std::string>{"checkout"});
  CHECK(clause->components.empty());
}

TEST_CASE("listed labels and components, with the argument's ORDER BY dropped", "[unit][batch][plan]") {
  const JiraSettings s = settings();
  Entity e = entity("payments");
  e.jira.present = true;
  e.jira.labels = {{"a", ""}, {"B\"q", ""}, {"elsewhere", "other"}};
  e.jira.components = {{"payments api", ""}, {"ghost", ""}};
  const std::string argument = "type = Bug ORDER BY created";
  const auto composed = compose(e, s, argument);
  REQUIRE(composed.size() == 2);
  const auto clause = groupable_clause(composed[0]);
  REQUIRE(clause);
  CHECK(clause->base_where == "type = Bug");
  CHECK(clause->labels == std::vector<std::string>{"a", "B\"q"});
  CHECK(clause->components == std::vector<std::string>{"payments api"});
  const auto other = groupable_clause(composed[1]);
  REQUIRE(other);
  CHECK(other->labels == std::vector<std::string>{"elsewhere"});
  CHECK(quote_jql_value("B\"q") == R"("B\"q")");
}

TEST_CASE("clauses a listing cannot count exactly are refused", "[unit][batch][plan]") {
  const JiraSettings s = settings();
  Entity with_project = entity("svc");
  with_project.jira.labels = {{"svc", ""}};
  with_project.jira.projects = {{"Payments", ""}};  // by name: a listing names projects by key
  CHECK_FALSE(groupable_clause(compose(with_project, s, std::nullopt)[0]));

  Entity unicode = entity("zürich");
  CHECK_FALSE(groupable_clause(compose(unicode, s, std::nullopt)[0]));

  Entity numeric = entity("svc");
  numeric.jira.components = {{"12345", ""}};  // Jira would also match a component id
  CHECK_FALSE(groupable_clause(compose(numeric, s, std::nullopt)[0]));

  // A tag that is a known project keeps `project = ...` in the default clause.
  Entity project_tag = entity("pay");
  CHECK_FALSE(groupable_clause(compose(project_tag, s, std::nullopt)[0]));
}

TEST_CASE("a query that is not what the rebuilt clause gives is refused", "[unit][batch][plan]") {
  const JiraSettings s = settings();
  const Entity e = entity("checkout");
  auto composed = compose(e, s, std::nullopt);
  composed[0].jql += " OR labels = \"x\"";
  CHECK_FALSE(groupable_clause(composed[0]));
  // An empty base: the clause alone.
  const std::string empty;
  const auto bare = compose(e, s, empty);
  const auto clause = groupable_clause(bare[0]);
  REQUIRE(clause);
  CHECK(clause->base_where.empty());
  CHECK(bare[0].jql == R"(labels = "checkout")");
}
