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
  const auto result = run_process({CQL_BINARY, "repl"},
                                  ":help\n"
                                  ":help entity\n"
                                  ":entity\n"
                                  ":now 2026-06-01T12:00:00Z\n"
                                  ":now\n"
                                  "now()\n"
                                  ":now real\n"
                                  ":ast jira.numOfIssues() <= 10\n"
                                  ":explain 1 + 1\n"
                                  ":explain jira.numOfIssues()\n"
                                  ":entity nosuch\n"
                                  ":now yesterday\n"
                                  ":frobnicate\n"
                                  ":ast\n"
                                  ":quit\n"
                                  "1 + 1\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 14);  // nothing after :quit
  CHECK(lines[0] == "commands: :help :entity :catalog :issues :config :facts :now :ast :explain :time :quit");
  CHECK(lines[1].starts_with(":entity TAG|FILE: evaluate against"));
  CHECK(lines[2] == "entity example (no catalog)");
  CHECK(lines[3] == "now 2026-06-01T12:00:00Z");
  CHECK(lines[4] == "now 2026-06-01T12:00:00Z");
  CHECK(lines[5] == "timestamp(\"2026-06-01T12:00:00Z\")");
  CHECK(lines[6].starts_with("now 20"));
  CHECK(lines[6].ends_with(" (real time)"));
  CHECK(lines[7] == "(<= (method jira numOfIssues) 10)");
  CHECK(lines[8] == "no jira calls: nothing is sent to Jira");
  CHECK(lines[9] ==
        "jira.numOfIssues() -> nothing is sent: no Jira source (load one with :issues DUMP or :config FILE)");
  CHECK(lines[10] == "error: no entity `nosuch` (no catalog is loaded) and no file of that name");
  CHECK(lines[11].starts_with("error: --now: "));
  CHECK(lines[12] == "error: unknown command :frobnicate (try :help)");
  CHECK(lines[13] == "error: usage: :ast EXPR");
  CHECK(result.exit_code == 1);
}

TEST_CASE("repl through a pipe: :time prints the value and the stage times", "[integration][repl]") {
  const auto result = run_process({CQL_BINARY, "repl"}, ":time [1, 2].length + 1\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(std::regex_match(lines[0], std::regex(R"(3  parse [0-9.]+ (µs|ms|s), compile [0-9.]+ (µs|ms|s) \(parse\+check\+plan\), eval [0-9.]+ (µs|ms|s))")));
}

TEST_CASE("repl with data options: the same options as cql eval", "[integration][repl]") {
  const auto result = run_process({CQL_BINARY, "repl", "--now", "2026-06-01T12:00:00Z"}, "now()\n");
  CHECK(lines_of(result.out) == std::vector<std::string>{"timestamp(\"2026-06-01T12:00:00Z\")"});
  // A bad option fails before the session starts, like cql eval.
  const auto bad = run_process({CQL_BINARY, "repl", "--now", "yesterday"}, "1\n");
  CHECK(bad.exit_code == 64);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("--now") != std::string::npos);
}
