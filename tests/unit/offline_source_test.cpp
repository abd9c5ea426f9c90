// The offline issue source (spec/jira.md §3, §7): accounts share the dump unless they have
// their own, known values come from the dump, failures are per-query results.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "cql/time.hpp"
#include "sources/offline_source.hpp"

using namespace cql;
using namespace cql::sources;

namespace {

const std::string kDump = std::string(CQL_TEST_DATA_DIR) + "/fixtures/jql/eval-issues.json";

// A small second dump in a temporary file, removed at the end of the test.
struct TempDump {
  std::string path;
  TempDump() {
    char name[] = "/tmp/cql-dump-XXXXXX";
    const int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    path = name;
    std::ofstream(path) << R"([{"key": "Z-1", "fields": {"project": {"key": "Z", "name": "Zulu"},
        "components": [{"name": "Zed"}], "created": "2026-05-31T00:00:00.000+0000"}}])";
  }
  ~TempDump() { std::remove(path.c_str()); }
};

JiraSettings accounts(const std::string& own_dump = "") {
  JiraSettings s;
  JiraAccount main;
  main.alias = "main";
  main.current_user = "Ann Lee";
  s.accounts.push_back(main);
  JiraAccount other;
  other.alias = "other";
  other.dump_file = own_dump;
  s.accounts.push_back(other);
  s.default_alias = "main";
  return s;
}

std::unique_ptr<OfflineSource> open(const JiraSettings& s, const std::string& dump = kDump) {
  auto source = OfflineSource::open(dump, s, parse_timestamp("2026-06-01T12:00:00Z"));
  if (!source.ok()) FAIL(source.error().message);
  return std::move(source).value();
}

IssueQuery query(std::string account, std::string jql, QueryKind kind = QueryKind::Count) {
  IssueQuery q;
  q.account = std::move(account);
  q.jql = std::move(jql);
  q.kind = kind;
  return q;
}

}  // namespace

TEST_CASE("counts and searches come from the dump, in one batch", "[unit][jql][offline]") {
  auto source = open(accounts());
  const std::vector<IssueQuery> queries = {query("main", "project = A"), query("main", "project = B ORDER BY key", QueryKind::Search),
                                           query("main", "assignee = currentUser()"), query("main", "created >= -7d")};
  const auto results = source->fetch(queries);
  REQUIRE(results.size() == 4);
  CHECK(results[0].ok);
  CHECK(results[0].count == 3);
  REQUIRE(results[1].ok);
  REQUIRE(results[1].issues.size() == 3);
  CHECK(results[1].count == 3);
  CHECK(results[1].issues[0].key == "B-2");
  CHECK(results[1].issues[0].url == "https://acme.atlassian.net/browse/B-2");
  CHECK(results[2].count == 2);  // the account's current_user
  CHECK(results[3].count == 2);  // against the clock given to open()
}

TEST_CASE("a search returns at most `limit` issues", "[unit][jql][offline]") {
  auto source = open(accounts());
  IssueQuery q = query("main", "order by key", QueryKind::Search);
  q.limit = 2;
  const auto r = source->fetch_one(q);
  REQUIRE(r.ok);
  CHECK(r.issues.size() == 2);
}

TEST_CASE("every alias shares the dump unless it has its own", "[unit][jql][offline]") {
  TempDump own;
  auto source = open(accounts(own.path));
  CHECK(source->fetch_one(query("main", "project = A")).count == 3);
  CHECK(source->fetch_one(query("not-configured", "project = A")).count == 3);
  CHECK(source->fetch_one(query("other", "project = Z")).count == 1);
  const auto r = source->fetch_one(query("other", "project = A"));
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("The value 'A' does not exist for the field 'project'.") != std::string::npos);

  std::string error;
  const auto main_known = source->known_values("main", error);
  REQUIRE(main_known);
  CHECK(main_known->components() == std::vector<std::string>{"Core", "UI", "API"});
  const auto other_known = source->known_values("other", error);
  REQUIRE(other_known);
  CHECK(other_known->projects() == std::vector<std::string>{"Z", "Zulu"});
  CHECK(other_known->components() == std::vector<std::string>{"Zed"});
}

TEST_CASE("a failing query is a result naming the account, the dump and the JQL", "[unit][jql][offline]") {
  auto source = open(accounts());
  const auto r = source->fetch_one(query("main", "status was open"));
  CHECK_FALSE(r.ok);
  CHECK(r.error.rfind("Jira account 'main' (issue dump " + kDump + ") cannot answer `status was open`: WAS needs", 0) == 0);
  const auto syntax = source->fetch_one(query("main", "status = "));
  CHECK_FALSE(syntax.ok);
  CHECK(syntax.error.find("(line 1, character 10)") != std::string::npos);
}

TEST_CASE("without a shared dump, an account without its own has none", "[unit][jql][offline]") {
  TempDump own;
  auto source = open(accounts(own.path), "");
  CHECK(source->fetch_one(query("other", "project = Z")).ok);
  const auto r = source->fetch_one(query("main", "project = Z"));
  CHECK_FALSE(r.ok);
  CHECK(r.error == "Jira account 'main' has no issue dump: give it `dump_file` in the configuration or pass --issues.");
  std::string error;
  CHECK_FALSE(source->known_values("main", error));
  CHECK(error == r.error);
}

TEST_CASE("opening a missing dump fails with its path", "[unit][jql][offline]") {
  auto source = OfflineSource::open("/nonexistent/issues.json", accounts(), std::nullopt);
  REQUIRE_FALSE(source.ok());
  CHECK(source.error().message == "cannot read the issue dump /nonexistent/issues.json");
}

TEST_CASE("the source answers from several threads at once", "[unit][jql][offline]") {
  auto source = open(accounts());
  std::vector<std::thread> threads;
  std::vector<std::int64_t> totals(4, 0);
  for (std::size_t t = 0; t < totals.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) totals[t] += source->fetch_one(query("main", "labels = x OR project = B")).count;
    });
  }
  for (auto& th : threads) th.join();
  for (auto total : totals) CHECK(total == 50 * 4);
}
