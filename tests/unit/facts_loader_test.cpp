// Facts files (spec/scorecards.md §2): canonical call keys, namespaces, bad input.
#include <catch2/catch.hpp>

#include "cql/facts.hpp"
#include "unit/catalog_temp_dir.hpp"

using namespace cql;

namespace {

const std::string kSuiteFacts = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite/facts.yaml";

Facts::Load load_text(const test::TempDir& dir, const std::string& name, const std::string& text) {
  return Facts::load(dir.write(name, text));
}

}  // namespace

TEST_CASE("the conformance facts load", "[unit][facts]") {
  const Facts::Load load = Facts::load(kSuiteFacts);
  INFO(render(load.problems));
  REQUIRE(load.problems.empty());
  const Facts& facts = load.facts;
  CHECK(facts.namespaces() == std::vector<std::string>{"git", "oncall", "sonarqube"});
  CHECK(facts.has_namespace("payments", "git"));
  CHECK_FALSE(facts.has_namespace("checkout-web", "oncall"));
  CHECK(facts.has_namespace("fraud-check", "sonarqube"));  // `sonarqube: {}` is present, with no calls
  CHECK_FALSE(facts.has_namespace("no-such-entity", "git"));

  const Value* readme = facts.lookup("payments", "git", "fileExists(\"README.md\")");
  REQUIRE(readme != nullptr);
  CHECK(readme->as_bool());
  CHECK(facts.lookup("payments", "git", "fileExists(\"Dockerfile\")") == nullptr);
  CHECK(facts.lookup("fraud-check", "sonarqube", "metric(\"coverage\")") == nullptr);
  const Value* sorted = facts.lookup(
      "payments", "git", "numOfVulnerabilities(severity = [\"CRITICAL\"], source = [\"GITHUB_ADVANCED_SECURITY\"])");
  REQUIRE(sorted != nullptr);
  CHECK(sorted->as_int() == 1);
  const Value* commit = facts.lookup("payments", "git", "lastCommit()");
  REQUIRE(commit != nullptr);
  // Duration and timestamp text stays text: the evaluator converts it where needed.
  CHECK(commit->as_object().find("freshness")->as_string() == "P2DT4H");
  CHECK(commit->as_object().find("date")->as_string() == "2026-05-30T08:00:00Z");
  CHECK(facts.lookup("payments", "sonarqube", "metric(\"coverage\")")->as_double() == 87.5);
  CHECK(facts.lookup("payments", "oncall", "analysis(lookback = duration(\"P7D\"))") != nullptr);
  CHECK(facts.lookup("ledger", "git", "branchProtection()")->is_null());
}

TEST_CASE("call keys are canonicalised", "[unit][facts]") {
  test::TempDir dir;
  const Facts::Load load = load_text(dir, "f.yaml",
                                     "svc:\n"
                                     "  git:\n"
                                     "    \"fileExists('README.md')\": true\n"
                                     "    'numOfVulnerabilities(source=[\"A\"],severity=[\"B\", \"C\",])': 4\n"
                                     "    'codeSearch( query = \"a\\\"b\" )': [1]\n"
                                     "  oncall:\n"
                                     "    'analysis(lookback = duration(\"P1W\"))': {ack: 1}\n"
                                     "  'deploys(types = [\"DEPLOY\"], lookback = duration(\"PT48H\"))': 3\n"
                                     "  custom:\n"
                                     "    'f(-1, 2.50, 1e3, null, false, semver(\"v1.2.3\"), timestamp(\"2026-03-01T11:00:00+01:00\"))': ok\n");
  INFO(render(load.problems));
  REQUIRE(load.problems.empty());
  const Facts& facts = load.facts;
  CHECK(facts.lookup("svc", "git", "fileExists(\"README.md\")") != nullptr);
  CHECK(facts.lookup("svc", "git", "numOfVulnerabilities(severity = [\"B\", \"C\"], source = [\"A\"])")->as_int() == 4);
  CHECK(facts.lookup("svc", "git", "codeSearch(query = \"a\\\"b\")") != nullptr);
  CHECK(facts.lookup("svc", "oncall", "analysis(lookback = duration(\"P7D\"))") != nullptr);
  CHECK(facts.lookup("svc", "", "deploys(lookback = duration(\"P2D\"), types = [\"DEPLOY\"])")->as_int() == 3);
  CHECK(facts.lookup("svc", "custom",
                     "f(-1, 2.5, 1000.0, null, false, semver(\"1.2.3\"), timestamp(\"2026-03-01T10:00:00Z\"))") != nullptr);
  CHECK(facts.namespaces() == std::vector<std::string>{"custom", "git", "oncall"});
  CHECK_FALSE(facts.has_namespace("svc", "sonarqube"));
}

TEST_CASE("canonical_call writes named arguments sorted, as CQL literals", "[unit][facts]") {
  const std::vector<Value> positional{Value("README.md"), Value(std::int64_t{2})};
  const std::vector<std::pair<std::string, Value>> named{{"zeta", Value(List{Value("HIGH")})},
                                                         {"alpha", Value(Duration{7 * 86'400'000})}};
  CHECK(canonical_call("f", positional, named) == "f(\"README.md\", 2, alpha = duration(\"P7D\"), zeta = [\"HIGH\"])");
  CHECK(canonical_call("lastCommit", {}, {}) == "lastCommit()");
}

TEST_CASE("facts written as JSON", "[unit][facts]") {
  test::TempDir dir;
  const Facts::Load load = load_text(dir, "f.json",
                                     "{\"svc\": {\"sonarqube\": {\"metric(\\\"coverage\\\")\": 81.5},\n"
                                     "          \"verifications()\": [{\"lastVerifiedAt\": \"2026-01-01\"}]}}\n");
  INFO(render(load.problems));
  REQUIRE(load.problems.empty());
  CHECK(load.facts.lookup("svc", "sonarqube", "metric(\"coverage\")")->as_double() == 81.5);
  CHECK(load.facts.lookup("svc", "", "verifications()")->as_list().size() == 1);
}

TEST_CASE("bad facts entries are reported with their position and skipped", "[unit][facts]") {
  test::TempDir dir;
  const std::string file = dir.write("bad.yaml",
                                     "svc:\n"
                                     "  git:\n"
                                     "    'fileExists(README.md)': true\n"
                                     "    'fileExists(\"a\")': 1\n"
                                     "    \"fileExists('a')\": 2\n"
                                     "    'lastCommit() extra': 3\n"
                                     "    'f(x = 1, 2)': 4\n"
                                     "    'f(duration(\"P\"))': 5\n"
                                     "  sonarqube: 12\n"
                                     "  not-a-name: {}\n"
                                     "other: [1]\n");
  const Facts::Load load = Facts::load(file);
  CHECK_FALSE(load.unreadable);
  REQUIRE(load.problems.size() == 8);
  CHECK(render(load.problems[0]) ==
        file + ":3:17: error: 'fileExists(README.md)' is not a valid call: 'README' is not a literal argument; skipped\n"
               "      'fileExists(README.md)': true\n"
               "                  ^\n");
  CHECK(render(load.problems[1]).rfind(
            file + ":5:5: error: duplicate call fileExists(\"a\") for svc.git (the same call as an earlier key); skipped", 0) == 0);
  CHECK(load.problems[2].message == "'lastCommit() extra' is not a valid call: unexpected text after the call; skipped");
  CHECK(load.problems[3].message == "'f(x = 1, 2)' is not a valid call: positional arguments come before named ones; skipped");
  CHECK(load.problems[4].message == "'f(duration(\"P\"))' is not a valid call: invalid ISO-8601 duration \"P\"; skipped");
  CHECK(load.problems[5].message == "namespace 'sonarqube' must be a mapping of call -> value, not int; skipped");
  CHECK(load.problems[5].source->position(load.problems[5].span.begin).line == 9);
  CHECK(load.problems[6].message == "'not-a-name' is neither a namespace name nor a call; skipped");
  CHECK(load.problems[7].message == "facts of 'other' must be a mapping of namespaces and calls; skipped");
  // The good entries still load; the first of two equivalent keys wins.
  CHECK(load.facts.lookup("svc", "git", "fileExists(\"a\")")->as_int() == 1);
  CHECK_FALSE(load.facts.has_namespace("svc", "sonarqube"));
}

TEST_CASE("unreadable and broken facts files", "[unit][facts]") {
  const Facts::Load missing = Facts::load("/nonexistent/facts.yaml");
  CHECK(missing.unreadable);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].kind == ErrorKind::Io);

  test::TempDir dir;
  const Facts::Load broken = load_text(dir, "b.yaml", "svc:\n  git: {\n");
  CHECK_FALSE(broken.unreadable);
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].message.rfind("invalid YAML: ", 0) == 0);

  const Facts::Load scalar = load_text(dir, "s.yaml", "just text\n");
  REQUIRE(scalar.problems.size() == 1);
  CHECK(scalar.problems[0].message == "facts must be a mapping of entity tag -> namespace -> call -> value; file skipped");
}
