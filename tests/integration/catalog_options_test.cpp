// --catalog, --tag, --entity and --facts as a user runs them (spec/cli.md data options): the
// entity chosen, problems shown as warnings with file:line:col, and the exit statuses.
#include <catch2/catch.hpp>

#include "fixtures/batch/run_process.hpp"
#include "unit/catalog_temp_dir.hpp"

namespace {

const std::string kSuite = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite";

cql::test::ProcessResult eval(std::vector<std::string> options, const std::string& expression) {
  std::vector<std::string> argv = {CQL_BINARY, "eval"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(expression);
  return cql::test::run_process(argv);
}

}  // namespace

TEST_CASE("cql eval --catalog with --tag picks the entity", "[integration][catalog]") {
  auto r = eval({"--catalog", kSuite + "/catalog", "--tag", "payments"}, "entity.name()");
  CHECK(r.status == 0);
  CHECK(r.out == "\"Payments Service\"\n");
  CHECK(r.err.empty());

  r = eval({"--catalog", kSuite + "/catalog", "--tag", "ledger"}, "dependencies.in(includeArchived = true).map(d => d.tag)");
  CHECK(r.out == "[\"fraud-check\", \"legacy-billing\", \"payments\"]\n");

  // Without --tag the empty `example` entity is used, with or without a catalog.
  r = eval({"--catalog", kSuite + "/catalog"}, "entity.tag()");
  CHECK(r.out == "\"example\"\n");
}

TEST_CASE("bad uses of --tag, --catalog and --entity", "[integration][catalog]") {
  auto r = eval({"--tag", "payments"}, "entity.tag()");
  CHECK(r.status == 64);
  CHECK_THAT(r.err, Catch::Contains("--tag needs --catalog"));

  r = eval({"--catalog", kSuite + "/catalog", "--tag", "nope"}, "entity.tag()");
  CHECK(r.status == 64);
  CHECK_THAT(r.err, Catch::Contains("has no entity `nope`"));

  r = eval({"--catalog", "/nonexistent/catalog"}, "1");
  CHECK(r.status == 74);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/catalog: cannot read catalog"));

  r = eval({"--json", "--catalog", "/nonexistent/catalog"}, "1");
  CHECK(r.status == 74);
  CHECK_THAT(r.out, Catch::Contains("{\"error\": {\"kind\": \"io\""));

  r = eval({"--entity", kSuite + "/catalog/payments.yaml", "--catalog", kSuite + "/catalog", "--tag", "payments"}, "1");
  CHECK(r.status == 64);
}

TEST_CASE("catalog problems are warnings, evaluation still runs", "[integration][catalog]") {
  cql::test::TempDir dir;
  dir.write("good.yaml", "info:\n  x-cortex-tag: good\n  title: Good\n");
  const std::string bad = dir.write("bad.yaml", "info:\n  title: No tag\n");
  auto r = eval({"--catalog", dir.path(), "--tag", "good"}, "entity.name()");
  CHECK(r.status == 0);
  CHECK(r.out == "\"Good\"\n");
  CHECK(r.err == bad + ":1:1: warning: descriptor has no x-cortex-tag; skipped\n  info:\n  ^\n");
}

TEST_CASE("cql eval --entity reads one descriptor or entity JSON", "[integration][catalog]") {
  auto r = eval({"--entity", kSuite + "/catalog/checkout-web.yaml"}, "[entity.type(), hasGroup(\"web\")]");
  CHECK(r.status == 0);
  CHECK(r.out == "[\"frontend\", true]\n");

  cql::test::TempDir dir;
  const std::string json = dir.write("e.json", "{\"tag\": \"api\", \"name\": \"API\", \"metadata\": {\"tier\": 1}}");
  r = eval({"--entity", json}, "custom(\"tier\")");
  CHECK(r.out == "1\n");

  const std::string two = dir.write("two.yaml", "info: {x-cortex-tag: a}\n---\ninfo: {x-cortex-tag: b}\n");
  r = eval({"--entity", two}, "1");
  CHECK(r.status == 65);
  CHECK_THAT(r.err, Catch::Contains("holds 2 entities; use --catalog with --tag"));

  r = eval({"--entity", dir.path() + "/missing.yaml"}, "1");
  CHECK(r.status == 74);
}

TEST_CASE("cql eval --facts answers the integration namespaces", "[integration][facts]") {
  const std::vector<std::string> data = {"--catalog", kSuite + "/catalog", "--facts", kSuite + "/facts.yaml"};
  auto options = data;
  options.insert(options.end(), {"--tag", "payments"});
  auto r = eval(options, "git.fileExists('README.md') AND sonarqube.metric(\"coverage\") > 80");
  CHECK(r.status == 0);
  CHECK(r.out == "true\n");

  r = eval(options, "git.fileExists(\"Dockerfile\")");
  CHECK(r.status == 69);
  CHECK_THAT(r.err, Catch::Contains("`git.fileExists(\"Dockerfile\")` has no data for entity `payments` in the facts"));

  // A typo in a vendor function is caught at compile time.
  r = eval(options, "git.fileExist(\"README.md\")");
  CHECK(r.status == 65);

  cql::test::TempDir dir;
  const std::string facts = dir.write("f.yaml",
                                      "payments:\n"
                                      "  pagerduty:\n"
                                      "    'incidents(days = 30)': 2\n"
                                      "    'broken(': 1\n");
  r = eval({"--catalog", kSuite + "/catalog", "--tag", "payments", "--facts", facts}, "pagerduty.incidents(days = 30)");
  CHECK(r.status == 0);
  CHECK(r.out == "2\n");
  CHECK_THAT(r.err, Catch::StartsWith(facts + ":4:13: warning: 'broken(' is not a valid call: expected ')'; skipped\n"));

  r = eval({"--facts", dir.path() + "/missing.yaml"}, "1");
  CHECK(r.status == 74);
}
