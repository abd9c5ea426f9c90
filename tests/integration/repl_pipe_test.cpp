// `cql repl` with stdin not a terminal: one input per line, exactly one stdout line per input,
// caret diagnostics on stderr (spec/cli.md "REPL").
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "cql/engine.hpp"
#include "integration/repl_harness.hpp"

using cql::test::lines_of;
using cql::test::run_process;

namespace {

const std::string kSuite = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite";
const std::string kFixtures = std::string(CQL_TEST_DATA_DIR) + "/fixtures/repl";

// The engine's own message for an expression that fails to compile, so the expected line does
// not depend on the wording of the checker.
std::string compile_error_of(const std::string& expression) {
  const cql::Engine engine = cql::EngineBuilder().build();
  auto program = engine.compile(expression);
  REQUIRE_FALSE(program.ok());
  return program.error().message;
}

}  // namespace

TEST_CASE("repl through a pipe: one stdout line per input line", "[integration][repl]") {
  const auto result = run_process({CQL_BINARY, "repl"},
                                  "1 + 2\n"
                                  "\"a\" + \"b\"\n"
                                  "nosuch(1)\n"
                                  ":ast 1 + 2 * 3\n"
                                  "\n"
                                  "duration(\"P1W\")\n"
                                  "[1, 2, 3].filter(x => x > 1)\r\n"
                                  "1 +\n");
  CHECK(lines_of(result.out) == std::vector<std::string>{
                                    "3",
                                    "\"ab\"",
                                    "error: " + compile_error_of("nosuch(1)"),
                                    "(+ 1 (* 2 3))",
                                    "error: " + compile_error_of(""),
                                    "duration(\"P7D\")",
                                    "[2, 3]",
                                    "error: " + compile_error_of("1 +"),
                                });
  // Some inputs failed: like a batch run, the exit status says so.
  CHECK(result.exit_code == 1);
  // The caret diagnostic of each failure goes to stderr, naming the input.
  CHECK(result.err.find("<input>:1:1: error: " + compile_error_of("nosuch(1)") + "\n  nosuch(1)\n  ^^^^^^\n") !=
        std::string::npos);
  CHECK(result.err.find("<input>:1:4: error: ") != std::string::npos);
}

TEST_CASE("repl through a pipe: an open bracket does not continue onto the next line", "[integration][repl]") {
  // Scripts get exactly one answer per line, so a line is never joined with the next.
  const auto result = run_process({CQL_BINARY, "repl"}, "[1,\n2]\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].starts_with("error: "));
  CHECK(lines[1].starts_with("error: "));
}

TEST_CASE("repl through a pipe: every input succeeds, exit status 0", "[integration][repl]") {
  const auto result = run_process({CQL_BINARY, "repl"}, "true\nnull\n[1, \"x\"]\n");
  CHECK(lines_of(result.out) == std::vector<std::string>{"true", "null", "[1, \"x\"]"});
  CHECK(result.err.empty());
  CHECK(result.exit_code == 0);
}

TEST_CASE("repl through a pipe: meta commands answer on one line", "[integration][repl]") {
  const std::string catalog = kSuite + "/catalog";
  const std::string issues = kSuite + "/jira-issues.json";
  const std::string facts = kSuite + "/facts.yaml";
  const std::string solo = kFixtures + "/solo-service.yaml";
  const std::string config = kFixtures + "/config.yaml";
  const auto result = run_process({CQL_BINARY, "repl"},
                                  ":help\n"
                                  ":help entity\n"
                                  ":entity\n"
                                  ":catalog " + catalog + "\n"
                                  ":entity payments\n"
                                  "entity.tag()\n"
                                  ":now 2026-06-01T12:00:00Z\n"
                                  ":now\n"
                                  "now()\n"
                                  ":issues " + issues + "\n"
                                  ":facts " + facts + "\n"
                                  "git.fileExists(\"README.md\")\n"
                                  ":config " + config + "\n"
                                  ":entity " + solo + "\n"
                                  "custom(\"owner-team\")\n"
                                  ":ast jira.numOfIssues() <= 10\n"
                                  ":entity nosuch\n"
                                  ":frobnicate\n"
                                  ":quit\n"
                                  "1 + 1\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 18);  // nothing after :quit
  CHECK(lines[0] == "commands: :help :entity :catalog :issues :config :facts :now :ast :explain :time :quit");
  CHECK(lines[1].starts_with(":entity TAG|FILE: evaluate against"));
  CHECK(lines[2] == "entity example (no catalog)");
  CHECK(lines[3] == "entity example (catalog " + catalog + ", 12 entities)");
  CHECK(lines[4] == "entity payments (catalog " + catalog + ", 12 entities)");
  CHECK(lines[5] == "\"payments\"");
  CHECK(lines[6] == "now 2026-06-01T12:00:00Z");
  CHECK(lines[7] == "now 2026-06-01T12:00:00Z");
  CHECK(lines[8] == "timestamp(\"2026-06-01T12:00:00Z\")");
  CHECK(lines[9] == "issues " + issues);
  CHECK(lines[10] == "facts " + facts);
  CHECK(lines[11] == "true");
  CHECK(lines[12] == "config " + config);
  CHECK(lines[13] == "entity solo-service (" + solo + ")");
  CHECK(lines[14] == "\"lone-wolves\"");
  CHECK(lines[15] == "(<= (method jira numOfIssues) 10)");
  CHECK(lines[16] == "error: no entity `nosuch` in the catalog and no file of that name");
  CHECK(lines[17] == "error: unknown command :frobnicate (try :help)");
  CHECK(result.exit_code == 1);
}

TEST_CASE("repl through a pipe: :time prints the value and the stage times", "[integration][repl]") {
  const auto result = run_process({CQL_BINARY, "repl"}, ":time [1, 2].length + 1\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(std::regex_match(lines[0], std::regex(R"(3  parse [0-9.]+ (µs|ms|s), compile [0-9.]+ (µs|ms|s) \(parse\+check\+plan\), eval [0-9.]+ (µs|ms|s))")));
}

TEST_CASE("repl with data options: the same options as cql eval", "[integration][repl]") {
  const auto result = run_process({CQL_BINARY, "repl", "--catalog", kSuite + "/catalog", "--tag", "ledger", "--now",
                                   "2026-06-01T12:00:00Z"},
                                  "entity.tag()\nnow()\n");
  CHECK(lines_of(result.out) == std::vector<std::string>{"\"ledger\"", "timestamp(\"2026-06-01T12:00:00Z\")"});
  // A bad option fails before the session starts, like cql eval.
  const auto bad = run_process({CQL_BINARY, "repl", "--now", "yesterday"}, "1\n");
  CHECK(bad.exit_code == 64);
  CHECK(bad.out.empty());
}
