// `cql merge` as a user runs it: shard files in, one report out; exit 65 on inconsistent
// inputs, 74 on a file that cannot be read.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures/batch/run_process.hpp"
#include "fixtures/batch/sample_report.hpp"

using namespace cql;

namespace {

std::string json_text(const BatchReport& report) {
  std::ostringstream out;
  write_report(out, report, ReportFormat::Json);
  return out.str();
}

}  // namespace

TEST_CASE("cql merge joins shard outputs", "[integration][batch][merge]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cql_merge_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const BatchReport full = test::sample_report();
  BatchReport a = full, b = full;
  a.scorecards[0].entities = {full.scorecards[0].entities[0]};
  a.scorecards[0].summary = summarize(a.scorecards[0]);
  b.scorecards[0].entities = {full.scorecards[0].entities[1]};
  b.scorecards[0].summary = summarize(b.scorecards[0]);
  b.run.requests = b.run.cache_hits = b.run.errors = b.run.duration_ms = 0;
  std::ofstream(dir / "a.json") << json_text(a);
  std::ofstream(dir / "b.json") << json_text(b);

  auto r = test::run_process({CQL_BINARY, "merge", (dir / "b.json").string(), (dir / "a.json").string()});
  CHECK(r.status == 0);
  CHECK(r.out == json_text(full));

  r = test::run_process({CQL_BINARY, "merge", (dir / "a.json").string(), (dir / "b.json").string(), "--output",
                         (dir / "merged.json").string()});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(test::Spawned::slurp((dir / "merged.json").string()) == json_text(full));

  r = test::run_process({CQL_BINARY, "merge", (dir / "a.json").string(), (dir / "a.json").string()});
  CHECK(r.status == 65);
  CHECK_THAT(r.err, Catch::Contains("appears in both"));

  std::ofstream(dir / "broken.json") << "{\"scorecards\": 3}";
  r = test::run_process({CQL_BINARY, "merge", (dir / "a.json").string(), (dir / "broken.json").string()});
  CHECK(r.status == 65);
  CHECK_THAT(r.err, Catch::Contains("broken.json: the report.scorecards must be a list"));

  r = test::run_process({CQL_BINARY, "merge", (dir / "a.json").string(), (dir / "missing.json").string()});
  CHECK(r.status == 74);
  CHECK_THAT(r.err, Catch::Contains("cannot read"));

  r = test::run_process({CQL_BINARY, "merge"});
  CHECK(r.status == 64);
  fs::remove_all(dir);
}
