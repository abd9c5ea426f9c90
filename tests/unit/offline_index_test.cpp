// The offline evaluator answers index-friendly clauses from posting lists, and scans only
// what its indexable AND-siblings left (spec/jira.md §5; the batch counts thousands of such
// queries over one dump).
#include <catch2/catch.hpp>

#include "cql/time.hpp"
#include "jql/jql_parser.hpp"
#include "jql/issue_index.hpp"

using namespace cql;
using namespace cql::jql;

namespace {

struct Fixture {
  std::shared_ptr<const IssueIndex> index;
  JqlEvalContext context{*parse_timestamp("2026-06-01T12:00:00Z"), ""};

  Fixture() {
    auto loaded = IssueIndex::load(std::string(CQL_TEST_DATA_DIR) + "/fixtures/jql/eval-issues.json");
    REQUIRE(loaded.ok());
    index = loaded.value();
  }
  Plan plan(const std::string& jql) const {
    const auto parsed = parse_jql(jql);
    REQUIRE(parsed.ok());
    return index->plan(*parsed.query.where, context);
  }
};

}  // namespace

TEST_CASE("composed entity queries are answered from posting lists alone", "[unit][jql][offline]") {
  const Fixture f;
  CHECK(f.plan(R"((statusCategory in ("To Do", "In Progress")) AND (component = "Core" OR labels = "x" OR project = "A"))").indexed());
  CHECK(f.plan("labels in (x, y) AND NOT status = Open AND priority != High AND assignee is EMPTY").indexed());
  CHECK(f.plan("key in (A-1, B-2) OR resolution = Unresolved OR parent = B-10").indexed());
  CHECK_FALSE(f.plan("labels = x AND created >= -7d").indexed());
  CHECK_FALSE(f.plan("summary ~ crash").indexed());
  CHECK_FALSE(f.plan("priority > Low").indexed());
}

TEST_CASE("a scan inside AND looks only at the issues the index left", "[unit][jql][offline]") {
  const Fixture f;
  // The scan is written first; the planner still runs the posting-list clause before it.
  Plan plan = f.plan("summary ~ crash AND labels = x");
  REQUIRE(plan.kind == Plan::Kind::And);
  REQUIRE(plan.children.size() == 2);
  CHECK(plan.children[0].kind == Plan::Kind::Postings);
  Plan& scan = plan.children[1];
  REQUIRE(scan.kind == Plan::Kind::Scan);
  int looked_at = 0;
  auto test = scan.test;
  scan.test = [&looked_at, test](const sources::DumpIssue& issue) {
    ++looked_at;
    return test(issue);
  };
  const RowSet rows = f.index->run(plan, f.context);
  CHECK(looked_at == 2);  // the two issues labelled x, not all six
  CHECK(rows.count() == 1);
}

TEST_CASE("row sets: set algebra and iteration", "[unit][jql][offline]") {
  RowSet a(130), b(130);
  for (std::size_t i : {0u, 63u, 64u, 129u}) a.set(i);
  for (std::size_t i : {63u, 100u, 129u}) b.set(i);
  RowSet both = a;
  both &= b;
  CHECK(both.count() == 2);
  RowSet either = a;
  either |= b;
  CHECK(either.count() == 5);
  RowSet only_a = a;
  only_a.subtract(b);
  std::vector<std::size_t> members;
  only_a.for_each([&](std::size_t r) { members.push_back(r); });
  CHECK(members == std::vector<std::size_t>{0, 64});
  CHECK(RowSet(130, true).count() == 130);
  CHECK(RowSet(128, true).count() == 128);
}
