// `cql check` of scorecard YAML files: every problem of every rule and filter, positioned in
// the YAML file (plain, quoted and block scalars), exit 65; a clean file exits 0.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "fixtures/batch/run_process.hpp"

TEST_CASE("cql check reports every rule problem of a scorecard at its YAML position", "[integration][scorecard]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cql_check_scorecard_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "bad.yaml") << R"(tag: bad
rules:
  - title: typo
    expression: unknownThing(1) == "x"
  - title: bad jql
    expression: jira.numOfIssues("status = = 1") > 0
  - title: block
    expression: |
      1 +
        "a" < 2
  - title: fine
    expression: '"a".length == 1'
filter:
  query: "1 + 1"
)";
  auto r = cql::test::run_process({CQL_BINARY, "check", (dir / "bad.yaml").string()});
  CHECK(r.status == 65);
  const std::string file = (dir / "bad.yaml").string();
  CHECK_THAT(r.err, Catch::Contains(file + ":4:17: error:"));
  CHECK_THAT(r.err, Catch::Contains(file + ":6:44: error: invalid JQL: Expecting either a value or function but got '='."));
  CHECK_THAT(r.err, Catch::Contains(file + ":9:7: error: cannot apply `+` to int and string"));
  CHECK_THAT(r.err, Catch::Contains(file + ":14:11: error: a filter query must be a boolean, this one is int"));

  r = cql::test::run_process({CQL_BINARY, "check", "--json", (dir / "bad.yaml").string()});
  CHECK(r.status == 65);
  CHECK_THAT(r.out, Catch::Contains(R"({"error": {"kind": "compile", "message": "a filter query must be a boolean, this one is int", "line": 14, "column": 11}})"));

  std::ofstream(dir / "broken.yaml") << "tag: x\nrules:\n  - title: [unclosed\n";
  r = cql::test::run_process({CQL_BINARY, "check", (dir / "broken.yaml").string()});
  CHECK(r.status == 65);
  CHECK_THAT(r.err, Catch::Contains("invalid YAML"));

  std::ofstream(dir / "good.yml") << "tag: good\nrules:\n  - title: fine\n    expression: '\"a\".length == 1'\n";
  r = cql::test::run_process({CQL_BINARY, "check", (dir / "good.yml").string()});
  CHECK(r.status == 0);
  CHECK(r.err.empty());

  r = cql::test::run_process({CQL_BINARY, "check", (dir / "missing.yaml").string()});
  CHECK(r.status == 74);
  fs::remove_all(dir);
}
