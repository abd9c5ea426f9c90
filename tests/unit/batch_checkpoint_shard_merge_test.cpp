// Checkpoint files, shard assignment and `cql merge` of shard outputs.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch/checkpoint.hpp"
#include "batch/merge.hpp"
#include "batch/shard.hpp"
#include "catalog/scorecard_hash.hpp"
#include "fixtures/batch/sample_report.hpp"

using namespace cql;
using namespace cql::batch;

namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("cql_batch_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CheckpointHeader header() {
  CheckpointHeader h;
  h.now = Timestamp{1780315200000};
  h.scorecards = {{"prod", "0123456789abcdef"}};
  return h;
}

EntityRecord record(const std::string& tag, bool good) {
  EntityRecord r;
  r.entity = tag;
  r.results = {{"prod", test::sample_entity(tag, tag, good)}};
  r.errors = good ? 0 : 1;
  if (!good) r.problems = {"filter query failed"};
  return r;
}

std::string json_text(const BatchReport& report) {
  std::ostringstream out;
  write_report(out, report, ReportFormat::Json);
  return out.str();
}

}  // namespace

TEST_CASE("a checkpoint records finished entities and is resumed", "[unit][batch][checkpoint]") {
  const std::string path = temp_path("resume.jsonl");
  std::filesystem::remove(path);
  {
    CheckpointHeader h = header();
    auto cp = Checkpoint::open(path, h, true);
    REQUIRE(cp.ok());
    CHECK(cp.value()->done().empty());
    std::string error;
    REQUIRE(cp.value()->append(record("a", true), error));
    REQUIRE(cp.value()->append(record("b", false), error));
  }
  // Each line is complete on disk as soon as append() returns.
  const std::string text = slurp(path);
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);

  CheckpointHeader h = header();
  h.now = Timestamp{0};
  auto cp = Checkpoint::open(path, h, false);
  REQUIRE(cp.ok());
  CHECK(h.now.ms == 1780315200000);  // the first run's clock is adopted
  const auto& done = cp.value()->done();
  REQUIRE(done.size() == 2);
  CHECK(done.at("a").results.at(0).second.score == 5);
  CHECK(done.at("b").problems == std::vector<std::string>{"filter query failed"});
  CHECK(done.at("b").errors == 1);
  CHECK(done.at("b").results.at(0).second.rules.at(0).message ==
        std::optional<std::string>("No owner, add \"x-cortex-owners\" <now>\nplease | thanks"));
  std::filesystem::remove(path);
}

TEST_CASE("a line cut by a kill is dropped, and appends continue on a clean line", "[unit][batch][checkpoint]") {
  const std::string path = temp_path("cut.jsonl");
  std::filesystem::remove(path);
  {
    CheckpointHeader h = header();
    auto cp = Checkpoint::open(path, h, true);
    std::string error;
    REQUIRE(cp.value()->append(record("a", true), error));
  }
  std::ofstream(path, std::ios::app) << R"({"entity": "b", "results": {"pro)";
  CheckpointHeader h = header();
  auto cp = Checkpoint::open(path, h, true);
  REQUIRE(cp.ok());
  CHECK(cp.value()->done().size() == 1);
  std::string error;
  REQUIRE(cp.value()->append(record("c", true), error));
  cp = Checkpoint::open(path, h, true);
  REQUIRE(cp.ok());
  CHECK(cp.value()->done().size() == 2);
  CHECK(cp.value()->done().count("c") == 1);
  std::filesystem::remove(path);
}

TEST_CASE("a checkpoint of other scorecards, shard or clock is refused", "[unit][batch][checkpoint]") {
  const std::string path = temp_path("other.jsonl");
  std::filesystem::remove(path);
  {
    CheckpointHeader h = header();
    REQUIRE(Checkpoint::open(path, h, true).ok());
  }
  CheckpointHeader edited = header();
  edited.scorecards["prod"] = "ffffffffffffffff";
  auto r = Checkpoint::open(path, edited, true);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == ErrorKind::Usage);
  CHECK_THAT(r.error().message, Catch::Contains("was written for scorecards prod@0123456789abcdef"));

  CheckpointHeader sharded = header();
  sharded.shard = "1/2";
  CHECK_FALSE(Checkpoint::open(path, sharded, true).ok());

  CheckpointHeader other_now = header();
  other_now.now = Timestamp{5};
  r = Checkpoint::open(path, other_now, true);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::Contains("was written for --now 2026-06-01T12:00:00Z"));

  std::ofstream(path, std::ios::trunc) << "{\"hello\": 1}\n";
  CheckpointHeader h = header();
  r = Checkpoint::open(path, h, true);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::Contains("not a cql checkpoint file"));
  std::filesystem::remove(path);
}

TEST_CASE("shards: FNV-1a-64 of the tag mod N", "[unit][batch][shard]") {
  CHECK(fnv1a_64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ULL);  // published test vector
  std::string error;
  const auto s = parse_shard("2/3", error);
  REQUIRE(s);
  CHECK(s->index == 2);
  CHECK(s->count == 3);
  CHECK(format_shard(*s) == "2/3");
  CHECK(in_shard("foobar", Shard{0x85944171f73967e8ULL % 3 + 1, 3}));
  for (const char* bad : {"0/3", "4/3", "1/0", "a/b", "3", "1/2/3", "", "-1/2"}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad, error));
    CHECK_FALSE(error.empty());
  }
  // Every tag is in exactly one shard.
  for (const char* tag : {"payments", "checkout-web", "ledger", "ünïcode"}) {
    int hits = 0;
    for (std::uint64_t i = 1; i <= 5; ++i) hits += in_shard(tag, Shard{i, 5});
    CHECK(hits == 1);
  }
}

TEST_CASE("merging shard reports gives the full report", "[unit][batch][merge]") {
  const BatchReport full = test::sample_report();
  BatchReport first = full, second = full;
  first.scorecards[0].entities = {full.scorecards[0].entities[1]};
  first.scorecards[0].summary = summarize(first.scorecards[0]);
  second.scorecards[0].entities = {full.scorecards[0].entities[0]};
  second.scorecards[0].summary = summarize(second.scorecards[0]);
  first.run.requests = 4;
  second.run.requests = 6;
  second.run.cache_hits = 0;
  second.run.errors = 0;
  second.run.duration_ms = 10;

  auto merged = merge_reports({{"s1.json", first}, {"s2.json", second}});
  REQUIRE(merged.ok());
  CHECK(merged.value().run.requests == 10);
  CHECK(merged.value().run.duration_ms == 1234);
  CHECK(json_text(merged.value()) == json_text(full));
}

TEST_CASE("merging inconsistent reports is refused with the files named", "[unit][batch][merge]") {
  const BatchReport full = test::sample_report();
  auto r = merge_reports({{"a.json", full}, {"b.json", full}});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::Contains("entity `checkout` of scorecard `prod` appears in both a.json and b.json"));

  BatchReport other_levels = full;
  other_levels.scorecards[0].levels[1].rank = 3;
  other_levels.scorecards[0].entities.clear();
  r = merge_reports({{"a.json", full}, {"b.json", other_levels}});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::Contains("scorecard `prod` differs between a.json and b.json"));

  BatchReport more = full;
  more.scorecards.push_back(full.scorecards[0]);
  more.scorecards[1].tag = "security";
  more.scorecards[1].entities.clear();
  r = merge_reports({{"a.json", full}, {"b.json", more}});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::Contains("a.json and b.json were not run with the same scorecards"));

  BatchReport missing_rule = full;
  missing_rule.scorecards[0].entities[0].rules.pop_back();
  BatchReport empty = full;
  empty.scorecards[0].entities.clear();
  r = merge_reports({{"a.json", empty}, {"b.json", missing_rule}});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::Contains("b.json: entity `checkout` of scorecard `prod` does not list the scorecard's rules"));
}
