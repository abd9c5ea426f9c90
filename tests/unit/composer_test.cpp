// The JQL composed per account for an entity (spec/jira.md §2): base selection, entity
// clause, accounts, ORDER BY, quoting (no value can change the query's structure), pruning.
#include <catch2/catch.hpp>

#include <map>

#include "cql/entity.hpp"
#include "cql/jira.hpp"
#include "jql/jql_parser.hpp"

using namespace cql;

namespace {

JiraSettings settings(std::vector<std::string> aliases = {"default"}) {
  JiraSettings s;
  for (auto& a : aliases) {
    JiraAccount account;
    account.alias = a;
    s.accounts.push_back(account);
  }
  s.default_alias = s.accounts.front().alias;
  return s;
}

Entity entity(const std::string& tag) {
  Entity e;
  e.tag = tag;
  return e;
}

// Known values per account; an account missing from the map fails.
struct Known {
  std::map<std::string, KnownValuesPtr> by_account;
  int calls = 0;
  KnownValuesLookup lookup() {
    return [this](const std::string& account, std::string& error) -> KnownValuesPtr {
      ++calls;
      const auto it = by_account.find(account);
      if (it == by_account.end()) {
        error = "connection refused";
        return nullptr;
      }
      return it->second;
    };
  }
};

Known knows(std::vector<std::string> projects, std::vector<std::string> components, const std::string& account = "default") {
  Known k;
  k.by_account[account] = std::make_shared<const KnownValues>(std::move(projects), std::move(components));
  return k;
}

std::vector<ComposedJiraQuery> compose(const Entity& e, const JiraSettings& s, Known& known,
                                       std::optional<std::string_view> argument = std::nullopt,
                                       QueryKind kind = QueryKind::Count) {
  JiraComposeRequest request;
  request.entity = &e;
  request.settings = &s;
  request.argument = argument;
  request.kind = kind;
  auto result = compose_jira_queries(request, known.lookup());
  if (!result.ok()) FAIL(result.error().message);
  return result.value();
}

std::string one(const Entity& e, const JiraSettings& s, Known& known, std::optional<std::string_view> argument = std::nullopt,
                QueryKind kind = QueryKind::Count) {
  const auto queries = compose(e, s, known, argument, kind);
  REQUIRE(queries.size() == 1);
  REQUIRE_FALSE(queries[0].skipped);
  return queries[0].jql;
}

Diagnostic compose_error(const Entity& e, const JiraSettings& s, Known& known, std::optional<std::string_view> argument = std::nullopt) {
  JiraComposeRequest request;
  request.entity = &e;
  request.settings = &s;
  request.argument = argument;
  auto result = compose_jira_queries(request, known.lookup());
  REQUIRE_FALSE(result.ok());
  return result.error();
}

}  // namespace

TEST_CASE("default base and default entity clause", "[unit][jql][composer]") {
  Known known = knows({"payments"}, {"payments"});
  CHECK(one(entity("payments"), settings(), known) ==
        R"((statusCategory in ("To Do", "In Progress")) AND (component = "payments" OR labels = "payments" OR project = "payments"))");
}

TEST_CASE("base selection: argument, then defaultJql, then workspace JQL, then the default", "[unit][jql][composer]") {
  Known known = knows({}, {});
  Entity e = entity("svc");
  JiraSettings s = settings();
  s.workspace_jql = "resolution = Unresolved";
  CHECK(one(e, s, known) == R"((resolution = Unresolved) AND (labels = "svc"))");
  e.jira.present = true;
  e.jira.default_jql = "status = \"In Progress\"";
  CHECK(one(e, s, known) == R"((status = "In Progress") AND (labels = "svc"))");
  CHECK(one(e, s, known, "priority = High") == R"((priority = High) AND (labels = "svc"))");
  // An empty (or blank) base is dropped.
  CHECK(one(e, s, known, "") == R"(labels = "svc")");
  CHECK(one(e, s, known, "   ") == R"(labels = "svc")");
}

TEST_CASE("an argument with OR stays grouped", "[unit][jql][composer]") {
  Known known = knows({}, {});
  CHECK(one(entity("svc"), settings(), known, "labels = a OR priority = Highest") ==
        R"((labels = a OR priority = Highest) AND (labels = "svc"))");
}

TEST_CASE("ORDER BY moves to the end, is dropped for counts, defaults for searches", "[unit][jql][composer]") {
  Known known = knows({}, {});
  const Entity e = entity("svc");
  CHECK(one(e, settings(), known, "priority in (High, Highest) ORDER BY created DESC") ==
        R"((priority in (High, Highest)) AND (labels = "svc"))");
  CHECK(one(e, settings(), known, "priority in (High, Highest)   order by created desc ", QueryKind::Search) ==
        R"((priority in (High, Highest)) AND (labels = "svc") order by created desc)");
  CHECK(one(e, settings(), known, "priority = High", QueryKind::Search) ==
        R"((priority = High) AND (labels = "svc") ORDER BY created DESC, key DESC)");
  CHECK(one(e, settings(), known, "ORDER BY key ASC", QueryKind::Search) == R"(labels = "svc" ORDER BY key ASC)");
  CHECK(one(e, settings(), known, "ORDER BY key ASC") == R"(labels = "svc")");
}

TEST_CASE("descriptor lists replace the tag clause: labels, then components, then projects", "[unit][jql][composer]") {
  Known known = knows({"PAY"}, {"Payments API", "Billing \"Classic\""});
  Entity e = entity("payments");
  e.jira.present = true;
  e.jira.labels = {{"payments", ""}, {"payments-api", ""}};
  e.jira.components = {{"Payments API", ""}, {"Billing \"Classic\"", ""}};
  e.jira.projects = {{"PAY", ""}};
  CHECK(one(e, settings(), known) ==
        R"((statusCategory in ("To Do", "In Progress")) AND (labels = "payments" OR labels = "payments-api" OR )"
        R"(component = "Payments API" OR component = "Billing \"Classic\"" OR project = "PAY"))");
}

TEST_CASE("the parts of a composed query are kept for planners", "[unit][jql][composer]") {
  Known known = knows({"PAY"}, {"API"});
  Entity e = entity("payments");
  e.jira.labels = {{"l", ""}};
  e.jira.components = {{"API", ""}, {"Gone", ""}};
  e.jira.projects = {{"PAY", ""}};
  const auto queries = compose(e, settings(), known, "priority = High  ORDER BY key", QueryKind::Search);
  REQUIRE(queries.size() == 1);
  CHECK(queries[0].base_where == "priority = High");
  CHECK(queries[0].base_order_by == "ORDER BY key");
  CHECK(queries[0].labels == std::vector<std::string>{"l"});
  CHECK(queries[0].components == std::vector<std::string>{"API"});
  CHECK(queries[0].projects == std::vector<std::string>{"PAY"});
}

TEST_CASE("items go to their account, the default account comes first", "[unit][jql][composer]") {
  Known known = knows({}, {"Indexer"}, "legacy");
  known.by_account["main"] = std::make_shared<const KnownValues>();
  Entity e = entity("search-indexer");
  e.jira.present = true;
  e.jira.labels = {{"search", ""}, {"reindex", "legacy"}};
  e.jira.components = {{"Indexer", "legacy"}};
  const auto queries = compose(e, settings({"main", "legacy"}), known, "status = Open");
  REQUIRE(queries.size() == 2);
  CHECK(queries[0].account == "main");
  CHECK(queries[0].jql == R"((status = Open) AND (labels = "search"))");
  CHECK(queries[1].account == "legacy");
  CHECK(queries[1].jql == R"((status = Open) AND (labels = "reindex" OR component = "Indexer"))");
}

TEST_CASE("an item naming an account that is not configured is an error", "[unit][jql][composer]") {
  Known known = knows({}, {});
  Entity e = entity("svc");
  e.jira.labels = {{"x", "nowhere"}};
  const Diagnostic d = compose_error(e, settings(), known);
  CHECK(d.kind == ErrorKind::Provider);
  CHECK(d.message == "Jira account 'nowhere' (used by x-cortex-issues.jira of svc) is not configured.");
}

TEST_CASE("unknown projects and components are pruned, case-insensitively", "[unit][jql][composer]") {
  SECTION("the tag is neither a project nor a component") {
    Known known = knows({"PAY"}, {"API"});
    CHECK(one(entity("ledger"), settings(), known, "") == R"(labels = "ledger")");
  }
  SECTION("projects match by key, name or id; components by name") {
    Known known = knows({"PAY", "Payments", "10010"}, {"Payments API"});
    Entity e = entity("x");
    e.jira.projects = {{"pay", ""}, {"PAYMENTS", ""}, {"10010", ""}, {"NOPE", ""}};
    e.jira.components = {{"payments api", ""}, {"Ghost", ""}};
    CHECK(one(e, settings(), known, "") ==
          R"(component = "payments api" OR project = "pay" OR project = "PAYMENTS" OR project = "10010")");
  }
  SECTION("nothing left: no query is sent and the reason is kept") {
    Known known = knows({"PAY"}, {});
    Entity e = entity("commerce");
    e.jira.projects = {{"COM", ""}};
    const auto queries = compose(e, settings(), known);
    REQUIRE(queries.size() == 1);
    CHECK(queries[0].skipped);
    CHECK(queries[0].jql.empty());
    CHECK(queries[0].reason == R"(no clause left: project = "COM" unknown in account 'default')");
  }
  SECTION("labels are never pruned") {
    Known known = knows({}, {});
    Entity e = entity("x");
    e.jira.labels = {{"anything", ""}};
    CHECK(one(e, settings(), known, "") == R"(labels = "anything")");
  }
}

TEST_CASE("known values that cannot be fetched are a provider error", "[unit][jql][composer]") {
  Known known;  // knows no account: the lookup fails
  const Diagnostic d = compose_error(entity("x"), settings(), known);
  CHECK(d.kind == ErrorKind::Provider);
  CHECK(d.message == "Cannot list the projects and components of Jira account 'default': connection refused");
}

TEST_CASE("an invalid base JQL is an error with Jira's message", "[unit][jql][composer]") {
  Known known = knows({}, {});
  Entity e = entity("x");
  CHECK(compose_error(e, settings(), known, "status = ").message ==
        "Invalid JQL in the JQL argument: Expecting either a value or function before the end of the query. (line 1, "
        "character 10)");
  e.jira.default_jql = "status ==";
  CHECK(compose_error(e, settings(), known).message.rfind("Invalid JQL in x-cortex-issues.jira.defaultJql of x: ", 0) == 0);
  CHECK(compose_error(e, settings(), known).kind == ErrorKind::Eval);
}

TEST_CASE("no tag, label or component can change the structure of the query", "[unit][jql][composer]") {
  const std::vector<std::string> hostile = {
      R"(a" OR project = "X)", R"(\)", R"(\")", R"(x) OR (y = z)", R"(" OR "" = ")", "line\nbreak", "tab\there",
      "ORDER BY key", R"(a\" OR b = \"c)", "'; DROP", "\x01control", "日本語 \"quoted\""};
  for (const std::string& value : hostile) {
    INFO("value: " << value);
    Known known = knows({value}, {value});
    const Entity e = entity(value);
    const std::string jql = one(e, settings(), known, "status = Open", QueryKind::Search);
    const auto parsed = jql::parse_jql(jql);
    INFO("jql: " << jql);
    REQUIRE(parsed.ok());
    // (status = Open) AND (component = v OR labels = v OR project = v) ORDER BY created DESC, key DESC
    REQUIRE(parsed.query.where);
    const jql::Clause& root = *parsed.query.where;
    REQUIRE(root.kind == jql::ClauseKind::And);
    REQUIRE(root.children.size() == 2);
    CHECK(root.children[0].kind == jql::ClauseKind::Terminal);
    const jql::Clause& clause = root.children[1];
    REQUIRE(clause.kind == jql::ClauseKind::Or);
    REQUIRE(clause.children.size() == 3);
    const char* fields[] = {"component", "labels", "project"};
    for (std::size_t i = 0; i < 3; ++i) {
      const jql::Clause& t = clause.children[i];
      REQUIRE(t.kind == jql::ClauseKind::Terminal);
      CHECK(t.field.name == fields[i]);
      CHECK(t.op == jql::Operator::Equals);
      REQUIRE(t.operand);
      CHECK(t.operand->kind == jql::OperandKind::Value);
      CHECK(t.operand->text == value);
    }
    REQUIRE(parsed.query.order_by.size() == 2);
  }
}
