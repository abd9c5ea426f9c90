// run_batch() end to end in process: compile-first, filters, exemptions, effectiveFrom,
// error outcomes, stale outcomes with --previous, checkpoint resume and shards.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "batch/merge.hpp"
#include "cql/batch.hpp"
#include "cql/engine.hpp"
#include "cql/scorecard.hpp"
#include "cql/time.hpp"

using namespace cql;

namespace {

constexpr const char* kCard = R"(tag: prod
name: Production
ladder:
  levels:
    - {name: Bronze, rank: 1}
    - {name: Silver, rank: 2}
filter:
  types: {include: [service]}
  query: 'entity.tag() != "skipped"'
rules:
  - title: Named
    expression: entity.name() != ""
    level: Bronze
  - title: Tier one
    expression: captures("g", groups().length) > 1
    level: Silver
    failureMessage: '{{entity.tag}} has {{context.evaluation.captures.g}} groups'
  - title: Future
    expression: 'true'
    effectiveFrom: 2030-01-01T00:00:00Z
  - title: Only tier-1
    expression: 'false'
    filter: {groups: {include: [tier-1]}}
  - title: Not a bool
    expression: '3'
  - title: Exempted
    expression: 'false'
)";

Entity service(std::string tag, std::vector<std::string> groups, std::string type = "service") {
  Entity e;
  e.tag = tag;
  e.name = "Service " + tag;
  e.type = std::move(type);
  e.groups = std::move(groups);
  return e;
}

struct Fixture {
  ScorecardLoad load = parse_scorecards("card.yaml", kCard);
  Engine engine = EngineBuilder().build();
  CompiledScorecards compiled;
  Catalog catalog{std::vector<Entity>{service("b", {"tier-1", "pci"}), service("a", {"tier-2"}), service("skipped", {}),
                                      service("team", {}, "team"), service("c", {"tier-1"})}};
  BatchData data;
  BatchOptions options;

  Fixture() {
    INFO(render(load.problems));
    REQUIRE(load.problems.empty());
    compiled = compile_scorecards(engine, load.scorecards);
    INFO(render(compiled.diagnostics));
    REQUIRE(compiled.ok());
    data.catalog = &catalog;
    options.now = *parse_timestamp("2026-06-01T12:00:00Z");
    options.exemptions = {Exemption{"prod", "a", "Exempted", std::nullopt, "agreed"}};
    options.jobs = 2;
  }
};

const RuleResult& rule(const EntityResult& e, std::string_view title) {
  for (const auto& r : e.rules) {
    if (r.title == title) return r;
  }
  FAIL("no rule " << title);
  return e.rules.front();
}

std::string json_of(const BatchReport& report) {
  std::ostringstream out;
  write_report(out, report, ReportFormat::Json);
  return out.str();
}

std::string scorecards_json(BatchReport report) {
  report.run = RunStats{};
  return json_of(report);
}

}  // namespace

TEST_CASE("a rule that does not compile stops everything, with its position in the YAML", "[unit][batch][runner]") {
  const auto load = parse_scorecards("bad.yaml", "tag: bad\nrules:\n  - title: typo\n    expression: entity.tagg() == \"x\"\n"
                                                 "  - title: ok\n    expression: 'true'\nfilter:\n  query: '1 + 1'\n");
  REQUIRE(load.problems.empty());
  const CompiledScorecards compiled = compile_scorecards(EngineBuilder().build(), load.scorecards);
  CHECK_FALSE(compiled.ok());
  const std::string text = render(compiled.diagnostics);
  CHECK_THAT(text, Catch::Contains("bad.yaml:4:24: error:"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:8:11: error: a filter query must be a boolean, this one is int"));
}

TEST_CASE("a run scores every admitted entity with every outcome", "[unit][batch][runner]") {
  Fixture f;
  auto run = run_batch(f.compiled, f.data, f.options);
  REQUIRE(run.ok());
  const BatchReport& report = run.value().report;
  REQUIRE(report.scorecards.size() == 1);
  const ScorecardResult& card = report.scorecards[0];
  // Sorted by tag; `skipped` fails the filter query, `team` the type filter.
  REQUIRE(card.entities.size() == 3);
  CHECK(card.entities[0].tag == "a");
  CHECK(card.entities[1].tag == "b");
  CHECK(card.entities[2].tag == "c");

  const EntityResult& a = card.entities[0];
  CHECK(rule(a, "Named").outcome == Outcome::Pass);
  CHECK(rule(a, "Tier one").outcome == Outcome::Fail);
  CHECK(rule(a, "Tier one").message == std::optional<std::string>("a has 1 groups"));
  CHECK(rule(a, "Future").outcome == Outcome::NotApplicable);
  CHECK(rule(a, "Only tier-1").outcome == Outcome::NotApplicable);
  CHECK(rule(a, "Not a bool").outcome == Outcome::Error);
  CHECK(rule(a, "Not a bool").error->message == "rule must evaluate to a boolean, got number");
  CHECK(rule(a, "Exempted").outcome == Outcome::Exempt);
  CHECK(a.level == std::optional<std::string>("Bronze"));
  CHECK(a.score == 1);
  CHECK(a.total == 3);

  const EntityResult& b = card.entities[1];
  CHECK(rule(b, "Tier one").outcome == Outcome::Pass);
  CHECK(rule(b, "Only tier-1").outcome == Outcome::Fail);
  CHECK(rule(b, "Exempted").outcome == Outcome::Fail);
  CHECK(b.level == std::optional<std::string>("Silver"));

  CHECK(card.summary.entities == 3);
  CHECK(report.run.errors == 3);  // `Not a bool` for each entity
  CHECK(report.run.now.ms == f.options.now.ms);
  CHECK(run.value().problems.empty());
}

TEST_CASE("a filter query that fails excludes the entity and is reported", "[unit][batch][runner]") {
  auto load = parse_scorecards("f.yaml", "tag: f\nfilter:\n  query: 'custom(\"n\") > 1'\nrules:\n  - title: r\n    expression: 'true'\n");
  REQUIRE(load.problems.empty());
  const Engine engine = EngineBuilder().build();
  const CompiledScorecards compiled = compile_scorecards(engine, load.scorecards);
  REQUIRE(compiled.ok());
  Catalog catalog{std::vector<Entity>{service("x", {})}};
  BatchData data;
  data.catalog = &catalog;
  BatchOptions options;
  auto run = run_batch(compiled, data, options);
  REQUIRE(run.ok());
  CHECK(run.value().report.scorecards[0].entities.empty());
  REQUIRE(run.value().problems.size() == 1);
  CHECK_THAT(run.value().problems[0].message, Catch::StartsWith("f.yaml:3:11: x is not scored by scorecard `f`: its filter query failed: type error"));
}

TEST_CASE("a checkpointed run resumes to the same result, shards merge to the full run", "[unit][batch][runner]") {
  Fixture f;
  const auto full = run_batch(f.compiled, f.data, f.options);
  REQUIRE(full.ok());

  const std::string path = (std::filesystem::temp_directory_path() / ("cql_runner_cp_" + std::to_string(::getpid()))).string();
  std::filesystem::remove(path);
  BatchOptions with_checkpoint = f.options;
  with_checkpoint.checkpoint = path;
  const auto first = run_batch(f.compiled, f.data, with_checkpoint);
  REQUIRE(first.ok());
  CHECK(scorecards_json(first.value().report) == scorecards_json(full.value().report));
  // Everything is in the checkpoint: the second run evaluates nothing and gives the same report.
  with_checkpoint.now = Timestamp{0};
  with_checkpoint.now_given = false;
  const auto second = run_batch(f.compiled, f.data, with_checkpoint);
  REQUIRE(second.ok());
  CHECK(scorecards_json(second.value().report) == scorecards_json(full.value().report));
  std::filesystem::remove(path);

  std::vector<batch::NamedReport> shards;
  for (std::uint64_t i = 1; i <= 3; ++i) {
    BatchOptions shard = f.options;
    shard.shard_index = i;
    shard.shard_count = 3;
    auto part = run_batch(f.compiled, f.data, shard);
    REQUIRE(part.ok());
    shards.push_back({"shard" + std::to_string(i), part.value().report});
  }
  auto merged = batch::merge_reports(std::move(shards));
  REQUIRE(merged.ok());
  CHECK(scorecards_json(merged.value()) == scorecards_json(full.value().report));
}

TEST_CASE("provider errors keep the previous outcome with --previous", "[unit][batch][runner]") {
  auto load = parse_scorecards("p.yaml", "tag: p\nrules:\n  - title: git\n    expression: git.fileExists(\"README.md\")\n");
  REQUIRE(load.problems.empty());
  const Engine engine = EngineBuilder().build();
  const CompiledScorecards compiled = compile_scorecards(engine, load.scorecards);
  INFO(render(compiled.diagnostics));
  REQUIRE(compiled.ok());
  Catalog catalog{std::vector<Entity>{service("x", {})}};
  BatchData data;
  data.catalog = &catalog;
  BatchOptions options;
  auto run = run_batch(compiled, data, options);
  REQUIRE(run.ok());
  const RuleResult& fresh = run.value().report.scorecards[0].entities[0].rules[0];
  REQUIRE(fresh.outcome == Outcome::Error);
  CHECK(fresh.error->kind == ErrorKind::Provider);

  BatchReport previous = run.value().report;
  previous.scorecards[0].entities[0].rules[0] = RuleResult{"git", std::nullopt, 1, Outcome::Pass, Value(true), std::nullopt, {}, std::nullopt, false};
  options.previous = &previous;
  auto again = run_batch(compiled, data, options);
  REQUIRE(again.ok());
  const RuleResult& stale = again.value().report.scorecards[0].entities[0].rules[0];
  CHECK(stale.outcome == Outcome::Pass);
  CHECK(stale.stale);
  CHECK(again.value().report.scorecards[0].entities[0].score == 1);
  CHECK(again.value().report.run.errors == 1);
}
