// Pieces of the batch runner that need no engine: the planned issue source, --fail-under,
// the progress line and parallel_for.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

#include "batch/fail_under.hpp"
#include "batch/parallel.hpp"
#include "batch/planned_source.hpp"
#include "batch/progress_line.hpp"
#include "fixtures/batch/sample_report.hpp"

using namespace cql;
using namespace cql::batch;

namespace {

// Answers every count with the length of its JQL and records what it was asked.
class RecordingSource final : public IssueSource {
 public:
  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override {
    std::lock_guard lock(mutex_);
    std::vector<QueryResult> out;
    for (const auto& q : queries) {
      asked.push_back(q.jql);
      QueryResult r;
      r.ok = q.jql != "fail";
      r.count = static_cast<std::int64_t>(q.jql.size());
      if (!r.ok) r.error = "Jira says no";
      out.push_back(r);
    }
    return out;
  }
  KnownValuesPtr known_values(const std::string&, std::string&) override {
    return std::make_shared<const KnownValues>(std::vector<std::string>{"PAY"}, std::vector<std::string>{});
  }
  std::vector<std::string> asked;

 private:
  std::mutex mutex_;
};

IssueQuery count_query(std::string jql, std::string account = "default") {
  return IssueQuery{std::move(account), std::move(jql), QueryKind::Count, 1000, {}};
}

}  // namespace

TEST_CASE("the planned source answers planned queries and forwards the rest", "[unit][batch][plan]") {
  auto inner = std::make_shared<RecordingSource>();
  PlannedSource source(inner);
  QueryResult planned;
  planned.ok = true;
  planned.count = 42;
  source.prefill(count_query("labels = \"a\""), planned);

  const std::vector<IssueQuery> queries = {count_query("labels = \"a\""), count_query("labels = \"b\""),
                                           count_query("labels = \"a\"", "other"), count_query("fail")};
  const auto results = source.fetch(queries);
  REQUIRE(results.size() == 4);
  CHECK(results[0].count == 42);
  CHECK(results[0].from_cache);
  CHECK(results[1].count == 12);
  CHECK(results[2].count == 12);  // another account is another query
  CHECK_FALSE(results[3].ok);
  CHECK(results[3].error == "Jira says no");
  CHECK(inner->asked == std::vector<std::string>{"labels = \"b\"", "labels = \"a\"", "fail"});
  CHECK(source.planned_hits() == 1);
  CHECK(source.forwarded() == 3);
  CHECK(source.failures() == 1);

  // A search is keyed by its fields and limit too: a label listing cannot answer jira.issues().
  IssueQuery listing{"default", "labels = \"a\"", QueryKind::Search, 10, {"labels"}};
  source.prefill(listing, planned);
  IssueQuery full = listing;
  full.fields.clear();
  CHECK(source.fetch_one(listing).count == 42);
  CHECK(source.fetch_one(full).count == 12);
  std::string error;
  CHECK(source.known_values("default", error)->projects() == std::vector<std::string>{"PAY"});
}

TEST_CASE("the fail-under option takes a percentage or a level", "[unit][batch][fail-under]") {
  std::string error;
  auto percent = parse_fail_under("80%", error);
  REQUIRE(percent);
  CHECK(std::get<double>(percent->threshold) == 80.0);
  CHECK(std::get<double>(parse_fail_under("62.5", error)->threshold) == 62.5);
  CHECK(std::get<std::string>(parse_fail_under("Silver", error)->threshold) == "Silver");
  CHECK(std::get<std::string>(parse_fail_under("80x", error)->threshold) == "80x");
  CHECK_FALSE(parse_fail_under("", error));
  CHECK_FALSE(parse_fail_under("120%", error));
  CHECK_THAT(error, Catch::Contains("between 0 and 100"));

  const BatchReport report = test::sample_report();  // checkout: 0% no level; payments: 100% Silver
  bool found = false;
  auto misses = threshold_misses(report, *parse_fail_under("50", error), found);
  REQUIRE(misses.size() == 1);
  CHECK(misses[0].entity == "checkout");
  CHECK(misses[0].detail == "0% is below 50%");
  CHECK(threshold_misses(report, *parse_fail_under("0%", error), found).empty());

  misses = threshold_misses(report, *parse_fail_under("Bronze", error), found);
  CHECK(found);
  REQUIRE(misses.size() == 1);
  CHECK(misses[0].detail == "no level, Bronze wanted");
  misses = threshold_misses(report, *parse_fail_under("Silver", error), found);
  CHECK(misses.size() == 1);

  BatchReport gold = report;
  gold.scorecards[0].levels.push_back({"Gold", 3, std::nullopt});
  misses = threshold_misses(gold, *parse_fail_under("Gold", error), found);
  REQUIRE(misses.size() == 2);
  CHECK(misses[1].detail == "Silver is below Gold");

  // A level no scorecard has checks nothing, and says so.
  CHECK(threshold_misses(report, *parse_fail_under("Platinum", error), found).empty());
  CHECK_FALSE(found);
}

TEST_CASE("the progress line", "[unit][batch][progress]") {
  BatchProgress p;
  p.phase = "scoring";
  p.entities_done = 1234;
  p.entities_total = 10000;
  p.requests_sent = 250;
  p.requests_cached = 40;
  p.errors = 3;
  p.eta_ms = 80'000;
  CHECK(progress_line(p) == "scoring 1234/10000 entities · requests 250 sent, 40 cached · 3 errors · ETA 1m20s");
  p.eta_ms.reset();
  p.errors = 1;
  CHECK(progress_line(p) == "scoring 1234/10000 entities · requests 250 sent, 40 cached · 1 error");
  CHECK(format_eta(0) == "0s");
  CHECK(format_eta(45'000) == "45s");
  CHECK(format_eta(7'380'000) == "2h03m");
}

TEST_CASE("parallel_for visits every index once", "[unit][batch]") {
  std::vector<std::atomic<int>> seen(1000);
  parallel_for(seen.size(), 4, [&](std::size_t i) { seen[i].fetch_add(1); });
  for (const auto& s : seen) CHECK(s.load() == 1);
  parallel_for(0, 4, [&](std::size_t) { FAIL("no work"); });
  CHECK(effective_jobs(0) >= 1);
  CHECK(effective_jobs(3) == 3);
}
