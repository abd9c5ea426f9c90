// The Jira plan against the fake Jira server (spec/scorecards.md §4.2): a 300-entity catalog
// whose rule needs one default-JQL count per entity is scored with at most a quarter of the
// naive number of requests, and every count equals what the entity's own query answers.
// The catalog mixes the hard cases (shared labels, letter case, pruned components, project
// clauses, entities with no clause left): see tests/fixtures/batch/generated_catalog.hpp.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>

#include "cql/batch.hpp"
#include "cql/catalog.hpp"
#include "cql/engine.hpp"
#include "cql/scorecard.hpp"
#include "cql/time.hpp"
#include "fixtures/batch/generated_catalog.hpp"
#include "jql/issue_index.hpp"
#include "sources/cache_source.hpp"
#include "sources/live_source.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;

namespace {

constexpr std::size_t kEntities = 300;

constexpr const char* kScorecard = R"(tag: hygiene
name: Hygiene
rules:
  - title: Counted
    expression: captures("n", jira.numOfIssues()) >= 0
)";

struct FakeJira {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("cql_jira_plan_" + std::to_string(::getpid()));
  std::shared_ptr<const jql::IssueIndex> index;
  std::unique_ptr<fake_jira::Server> server;
  JiraSettings settings;
  CatalogLoad catalog;

  FakeJira() {
    std::filesystem::create_directories(dir);
    test::write_generated_catalog(dir / "catalog", kEntities);
    test::write_generated_dump(dir / "issues.json", kEntities);
    auto loaded = jql::IssueIndex::load((dir / "issues.json").string());
    REQUIRE(loaded.ok());
    index = loaded.value();
    fake_jira::Options options = fake_jira::fixture_options(fake_jira::Flavour::Cloud);
    options.issues = fake_jira::load_dump_json((dir / "issues.json").string());
    options.matcher = fake_jira::dump_matcher(index, *parse_timestamp("2026-06-01T12:00:00Z"));
    server = std::make_unique<fake_jira::Server>(std::move(options));
    settings = fake_jira::settings_with(
        {fake_jira::account_for(*server, fake_jira::Flavour::Cloud, JiraAuth::Basic, "default")});
    catalog = load_catalog((dir / "catalog").string());
    INFO(render(catalog.problems));
    REQUIRE(catalog.problems.empty());
    REQUIRE(catalog.catalog.entities().size() == kEntities);
  }
  ~FakeJira() { std::filesystem::remove_all(dir); }

  // A fresh live source behind a memory cache, as `cql score --config` builds it.
  std::shared_ptr<IssueSource> source() const {
    std::string warning;
    auto live = std::make_shared<sources::LiveSource>(settings, fake_jira::fast_retries());
    return std::make_shared<sources::CacheSource>(live, settings, sources::CacheOptions{}, warning);
  }
};

std::map<std::string, std::int64_t> counts_of(const BatchReport& report) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& e : report.scorecards.at(0).entities) {
    const RuleResult& r = e.rules.at(0);
    INFO(e.tag << ": " << (r.error ? r.error->message : ""));
    REQUIRE(r.outcome == Outcome::Pass);
    REQUIRE(r.captures.size() == 1);
    counts[e.tag] = r.captures[0].second.as_int();
  }
  return counts;
}

}  // namespace

TEST_CASE("grouped listings count exactly what each entity's query answers, with few requests",
          "[integration][batch][plan][jira]") {
  FakeJira jira;
  const ScorecardLoad scorecards = parse_scorecards("hygiene.yaml", kScorecard);
  REQUIRE(scorecards.problems.empty());
  const Engine engine = EngineBuilder().build();
  const CompiledScorecards compiled = compile_scorecards(engine, scorecards.scorecards);
  REQUIRE(compiled.ok());
  BatchOptions options;
  options.now = *parse_timestamp("2026-06-01T12:00:00Z");
  options.jobs = 4;

  // Planned.
  BatchData data{&jira.catalog.catalog, nullptr, jira.source(), &jira.settings};
  jira.server->clear_log();
  const auto planned = run_batch(compiled, data, options);
  REQUIRE(planned.ok());
  INFO(planned.value().plan);
  const std::size_t planned_requests = jira.server->count();
  const std::size_t planned_counts = jira.server->count("approximate-count");
  const std::size_t planned_pages = jira.server->count("/search/jql");

  // Naive: every entity's evaluation sends its own count.
  options.plan_jira = false;
  data.issues = jira.source();
  jira.server->clear_log();
  const auto naive = run_batch(compiled, data, options);
  REQUIRE(naive.ok());
  const std::size_t naive_counts = jira.server->count("approximate-count");

  INFO("requests planned " << planned_requests << " (counts " << planned_counts << ", pages " << planned_pages
                           << "), naive counts " << naive_counts);
  const auto expected = counts_of(naive.value().report);
  const auto actual = counts_of(planned.value().report);
  CHECK(actual == expected);
  // The fixture must exercise something: issues counted for many entities, some with several.
  std::size_t nonzero = 0;
  for (const auto& [tag, n] : expected) nonzero += n > 0;
  CHECK(nonzero > kEntities / 2);
  CHECK(expected.at("svc-007") >= 2);  // its own label plus the shared-1 issue

  // Entities whose clause named only unknown values send nothing in either run.
  CHECK(naive_counts < kEntities);
  CHECK(naive_counts > kEntities * 9 / 10);
  CHECK(planned_requests * 4 <= kEntities);
  CHECK(planned_pages >= 1);
  CHECK(planned_counts < naive_counts / 4);
  CHECK_THAT(planned.value().plan, Catch::Contains("grouped listings:"));
  CHECK(planned.value().report.run.errors == 0);
}

TEST_CASE("an account whose credentials fail is checked once and its queries fail without requests",
          "[integration][batch][plan][jira]") {
  FakeJira jira;
  jira.settings.accounts[0].secret_env = fake_jira::kWrongTokenEnv;
  const ScorecardLoad scorecards = parse_scorecards("hygiene.yaml", kScorecard);
  const Engine engine = EngineBuilder().build();
  const CompiledScorecards compiled = compile_scorecards(engine, scorecards.scorecards);
  BatchOptions options;
  options.now = *parse_timestamp("2026-06-01T12:00:00Z");
  BatchData data{&jira.catalog.catalog, nullptr, jira.source(), &jira.settings};
  jira.server->clear_log();
  const auto run = run_batch(compiled, data, options);
  REQUIRE(run.ok());
  CHECK(jira.server->count("/search") == 0);
  REQUIRE_FALSE(run.value().problems.empty());
  CHECK_THAT(run.value().problems[0].message, Catch::Contains("default"));
  const auto& entities = run.value().report.scorecards[0].entities;
  const auto errors = std::count_if(entities.begin(), entities.end(),
                                    [](const EntityResult& e) { return e.rules[0].outcome == Outcome::Error; });
  CHECK(errors > static_cast<long>(kEntities * 9 / 10));
  CHECK(entities[1].rules[0].error->kind == ErrorKind::Provider);
}
