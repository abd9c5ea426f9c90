// The `jira` namespace (stdlib/jira.cpp) through the Registry, with the offline source over
// tests/fixtures/jql/eval-issues.json: counts, lists, accounts, null arguments, errors, and
// the compile-time check of a constant JQL argument.
#include <catch2/catch.hpp>

#include "cql/time.hpp"
#include "sources/offline_source.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using cql::testing::failure_of;
using cql::testing::FakeCallContext;

namespace {

// Counts what reaches the wrapped source.
class CountingSource : public IssueSource {
 public:
  explicit CountingSource(IssueSource& inner) : inner_(inner) {}
  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override {
    for (const auto& q : queries) sent.push_back(q);
    return inner_.fetch(queries);
  }
  KnownValuesPtr known_values(const std::string& account, std::string& error) override {
    return inner_.known_values(account, error);
  }
  std::vector<IssueQuery> sent;

 private:
  IssueSource& inner_;
};

// A source that finds `n` issues for any search.
class ManyIssuesSource : public IssueSource {
 public:
  explicit ManyIssuesSource(std::size_t n) : n_(n) {}
  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override {
    std::vector<QueryResult> out;
    for (const auto& q : queries) {
      QueryResult r;
      r.ok = true;
      r.issues.resize(std::min(n_, q.limit));
      r.count = static_cast<std::int64_t>(r.issues.size());
      out.push_back(std::move(r));
    }
    return out;
  }
  KnownValuesPtr known_values(const std::string&, std::string&) override { return std::make_shared<const KnownValues>(); }

 private:
  std::size_t n_;
};

class JiraContext : public FakeCallContext {
 public:
  IssueSource* source = nullptr;
  JiraSettings settings;
  IssueSource* issue_source() const override { return source; }
  const JiraSettings* jira_settings() const override { return source ? &settings : nullptr; }
};

JiraSettings two_accounts() {
  JiraSettings s;
  for (const char* alias : {"main", "other"}) {
    JiraAccount a;
    a.alias = alias;
    s.accounts.push_back(a);
  }
  s.default_alias = "main";
  return s;
}

struct Fixture {
  Registry registry = Registry::standard();
  std::unique_ptr<sources::OfflineSource> offline;
  std::unique_ptr<CountingSource> counting;
  JiraContext ctx;

  Fixture() {
    ctx.settings = two_accounts();
    ctx.clock = *parse_timestamp("2026-06-01T12:00:00Z");
    auto opened = sources::OfflineSource::open(std::string(CQL_TEST_DATA_DIR) + "/fixtures/jql/eval-issues.json", ctx.settings,
                                               ctx.clock);
    REQUIRE(opened.ok());
    offline = std::move(opened).value();
    counting = std::make_unique<CountingSource>(*offline);
    ctx.source = counting.get();
    ctx.current_entity.tag = "svc";
    ctx.current_entity.jira.present = true;
    ctx.current_entity.jira.labels = {{"x", ""}};
  }
  const FunctionSpec& spec(std::string_view name) const {
    const FunctionSpec* s = registry.in_namespace("jira", name);
    REQUIRE(s != nullptr);
    return *s;
  }
  Value call(std::string_view name, std::vector<Value> args = {}) {
    return cql::testing::call_native(spec(name), ctx, args);
  }
};

std::vector<std::string> keys_of(const Value& list) {
  std::vector<std::string> keys;
  for (const Value& issue : list.as_list()) keys.emplace_back(issue.as_object().find("key")->as_string());
  return keys;
}

}  // namespace

TEST_CASE("jira is a namespace present only with an issue source and accounts", "[unit][jql][jira]") {
  Fixture f;
  const NamespaceSpec* ns = f.registry.find_namespace("jira");
  REQUIRE(ns != nullptr);
  CHECK(ns->is_present(f.ctx));
  JiraContext none;
  CHECK_FALSE(ns->is_present(none));
  f.ctx.settings.accounts.clear();
  CHECK_FALSE(ns->is_present(f.ctx));
  CHECK(f.spec("numOfIssues").result == StaticType::Int);
  CHECK(f.spec("issues").result == StaticType::List);
  CHECK_FALSE(f.spec("numOfIssues").params.at(0).required);
}

TEST_CASE("numOfIssues counts the entity's issues matching the base JQL", "[unit][jql][jira]") {
  Fixture f;
  // statusCategory in ("To Do", "In Progress") AND labels = "x": A-1 and B-10.
  CHECK(f.call("numOfIssues").as_int() == 2);
  CHECK(f.call("numOfIssues", {Value()}).as_int() == 2);  // null means no argument
  CHECK(f.call("numOfIssues", {Value("project = A")}).as_int() == 1);
  REQUIRE(f.counting->sent.size() == 3);
  CHECK(f.counting->sent[2].jql == R"((project = A) AND (labels = "x"))");
  CHECK(f.counting->sent[2].account == "main");
  CHECK(f.counting->sent[2].kind == QueryKind::Count);
}

TEST_CASE("counts add up over accounts", "[unit][jql][jira]") {
  Fixture f;
  f.ctx.current_entity.jira.labels = {{"x", ""}, {"y", "other"}};
  CHECK(f.call("numOfIssues", {Value("")}).as_int() == 2 + 2);  // x: A-1, B-10; y: A-1, A-2
  REQUIRE(f.counting->sent.size() == 2);
  CHECK(f.counting->sent[1].account == "other");
  CHECK(f.counting->sent[1].jql == R"(labels = "y")");
}

TEST_CASE("an entity left without a clause has 0 issues and sends nothing", "[unit][jql][jira]") {
  Fixture f;
  f.ctx.current_entity.jira.labels.clear();
  f.ctx.current_entity.jira.projects = {{"NOPE", ""}};
  CHECK(f.call("numOfIssues").as_int() == 0);
  CHECK(f.call("issues").as_list().empty());
  CHECK(f.counting->sent.empty());
}

TEST_CASE("issues lists objects, created DESC then key DESC unless the JQL orders them", "[unit][jql][jira]") {
  Fixture f;
  f.ctx.current_entity.jira.labels = {{"x", ""}, {"y", ""}};
  const Value all = f.call("issues", {Value("")});
  CHECK(keys_of(all) == std::vector<std::string>{"A-1", "B-10", "A-2"});
  CHECK(f.counting->sent.back().jql == R"(labels = "x" OR labels = "y" ORDER BY created DESC, key DESC)");
  CHECK(f.counting->sent.back().kind == QueryKind::Search);
  CHECK(keys_of(f.call("issues", {Value("ORDER BY key DESC")})) == std::vector<std::string>{"B-10", "A-2", "A-1"});
  const Object& first = all.as_list().front().as_object();
  CHECK(first.find("summary")->as_string() == "Login timeout on checkout page");
  CHECK(first.find("url")->as_string() == "https://acme.atlassian.net/browse/A-1");
}

TEST_CASE("a JQL argument that is not a string or null is a type error", "[unit][jql][jira]") {
  Fixture f;
  const auto failure = failure_of([&] { f.call("numOfIssues", {Value(3)}); });
  REQUIRE(failure);
  CHECK(failure->kind == ErrorKind::Type);
  CHECK(failure->message == "jira.numOfIssues(): the JQL argument must be a string or null, got int");
}

TEST_CASE("what the source cannot answer is a provider error naming the account", "[unit][jql][jira]") {
  Fixture f;
  const auto failure = failure_of([&] { f.call("numOfIssues", {Value("status was Open")}); });
  REQUIRE(failure);
  CHECK(failure->kind == ErrorKind::Provider);
  CHECK(failure->message.rfind("jira.numOfIssues(): Jira account 'main' (issue dump ", 0) == 0);
  const auto alias = failure_of([&] {
    f.ctx.current_entity.jira.labels = {{"x", "missing"}};
    f.call("issues");
  });
  REQUIRE(alias);
  CHECK(alias->kind == ErrorKind::Provider);
  CHECK(alias->message == "jira.issues(): Jira account 'missing' (used by x-cortex-issues.jira of svc) is not configured.");
}

TEST_CASE("a computed JQL with a syntax error fails at run time with Jira's message", "[unit][jql][jira]") {
  Fixture f;
  const auto failure = failure_of([&] { cql::testing::call_native(f.spec("numOfIssues"), f.ctx, {Value("a = ")}, std::vector<bool>{false}); });
  REQUIRE(failure);
  CHECK(failure->kind == ErrorKind::Eval);
  CHECK(failure->message ==
        "jira.numOfIssues(): Invalid JQL in the JQL argument: Expecting either a value or function before the end of "
        "the query. (line 1, character 5)");
}

TEST_CASE("a constant JQL argument is checked when the rule compiles", "[unit][jql][jira]") {
  Fixture f;
  const PrepareFunction& prepare = f.spec("numOfIssues").prepare;
  REQUIRE(prepare);
  std::vector<std::optional<Value>> constants = {Value("status = open AND x")};
  PrepareResult bad = prepare(constants);
  REQUIRE(bad.error);
  CHECK(*bad.error == "invalid JQL: Expecting operator before the end of the query. (line 1, character 20)");
  CHECK(bad.bad_argument == 0);
  REQUIRE(bad.error_span);
  CHECK(bad.error_span->begin == 19);  // byte offset in the string's value
  constants = {Value("status = \"é\" x")};
  bad = prepare(constants);
  REQUIRE(bad.error_span);
  CHECK(bad.error_span->begin == 14);  // bytes, not characters
  constants = {Value("status = open")};
  CHECK_FALSE(prepare(constants).error);
  constants = {std::nullopt};
  CHECK_FALSE(prepare(constants).error);
  constants = {Value()};
  CHECK_FALSE(prepare(constants).error);
}

TEST_CASE("jira.issues refuses to build a list longer than its limit", "[unit][jql][jira]") {
  Fixture f;
  ManyIssuesSource many(20'000);
  f.ctx.source = &many;
  f.ctx.current_entity.jira.labels = {{"x", ""}};
  const auto failure = failure_of([&] { f.call("issues"); });
  REQUIRE(failure);
  CHECK(failure->kind == ErrorKind::Eval);
  CHECK(failure->message == "jira.issues(): the query matches more than 10000 issues; narrow the JQL or count them with "
                            "jira.numOfIssues()");
}
