// Killing `cql score --checkpoint FILE` with SIGKILL mid-way and running it again gives the
// same result as an uninterrupted run (spec/scorecards.md §4.5). The fake Jira server answers
// slowly while the first run is killed, so the kill lands in the middle of the run.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cql/time.hpp"
#include "fixtures/batch/generated_catalog.hpp"
#include "fixtures/batch/run_process.hpp"
#include "jql/issue_index.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::size_t kEntities = 120;

// The JQL is computed at run time (captures() is not folded), so each entity sends its own
// request during evaluation: with a slow server the run takes seconds.
constexpr const char* kScorecard = R"(tag: slow
name: Slow
ladder:
  levels:
    - {name: Counted, rank: 1}
rules:
  - title: Counted
    expression: captures("n", jira.numOfIssues(captures("q", "statusCategory != Done"))) >= 2
    level: Counted
    failureMessage: 'only {{context.evaluation.captures.n}}'
  - title: Tiered
    expression: jira.numOfIssues() < 4
)";

std::size_t lines(const std::string& path) {
  std::ifstream in(path);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

Json results(const std::string& text) {
  Json json = Json::parse(text);
  json.erase("run");
  return json;
}

}  // namespace

TEST_CASE("a run killed with SIGKILL resumes from its checkpoint to the uninterrupted result",
          "[integration][batch][checkpoint]") {
  const fs::path dir = fs::temp_directory_path() / ("cql_checkpoint_kill_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  cql::test::write_generated_catalog(dir / "catalog", kEntities);
  cql::test::write_generated_dump(dir / "issues.json", kEntities);
  std::ofstream(dir / "slow.yaml") << kScorecard;

  auto index = cql::jql::IssueIndex::load((dir / "issues.json").string());
  REQUIRE(index.ok());
  auto options = cql::fake_jira::fixture_options(cql::fake_jira::Flavour::Cloud);
  options.issues = cql::fake_jira::load_dump_json((dir / "issues.json").string());
  options.matcher = cql::fake_jira::dump_matcher(index.value(), *cql::parse_timestamp("2026-06-01T12:00:00Z"));
  cql::fake_jira::Server server(std::move(options));
  std::ofstream(dir / "config.yaml") << fmt::format(
      "jira:\n  default: default\n  accounts:\n    - alias: default\n      kind: cloud\n      base_url: {}\n"
      "      email: {}\n      token_env: {}\n",
      server.base_url(), cql::fake_jira::kEmail, cql::fake_jira::kTokenEnv);

  auto args = [&](std::vector<std::string> extra) {
    std::vector<std::string> a{CQL_BINARY, "score", "--catalog", (dir / "catalog").string(), "--scorecard",
                               (dir / "slow.yaml").string(), "--config", (dir / "config.yaml").string(), "--no-cache",
                               "--now", "2026-06-01T12:00:00Z", "--jobs", "2", "--progress", "never"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };

  // The uninterrupted run.
  const auto full = cql::test::run_process(args({}));
  INFO(full.err);
  REQUIRE((full.status == 0 || full.status == 1));
  const Json expected = results(full.out);

  // The run that is killed: wait for some entities in the checkpoint, then SIGKILL.
  const std::string checkpoint = (dir / "run.jsonl").string();
  server.set_latency(std::chrono::milliseconds(40));
  std::size_t written_when_killed = 0;
  {
    cql::test::Spawned run(args({"--checkpoint", checkpoint}));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (lines(checkpoint) < 11 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    run.kill(SIGKILL);
    const auto killed = run.wait();
    CHECK(killed.status == 128 + SIGKILL);  // it was still running: the kill interrupted it
    written_when_killed = lines(checkpoint);
  }
  CHECK(written_when_killed >= 11);
  CHECK(written_when_killed < kEntities + 1);

  // The rerun skips what the checkpoint holds and ends with the same report.
  server.set_latency(std::chrono::milliseconds(0));
  server.clear_log();
  const auto resumed = cql::test::run_process(args({"--checkpoint", checkpoint}));
  INFO(resumed.err);
  CHECK(resumed.status == full.status);
  CHECK(results(resumed.out) == expected);
  CHECK(lines(checkpoint) == kEntities + 1);  // header + every entity exactly once
  // It did not ask again for the entities that were already done (one run-time count each).
  CHECK(server.count("approximate-count") < kEntities - (written_when_killed - 1) + 10);
  fs::remove_all(dir);
}
