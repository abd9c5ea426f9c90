// `cql repl` on a terminal, driven through tmux: editing, history across sessions, completion,
// multi-line input, meta commands, carets under errors, colours.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "integration/repl_harness.hpp"

using cql::test::count_of;
using cql::test::TmuxSession;

namespace {

namespace fs = std::filesystem;

const std::string kSuite = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite";
const std::string kFixtures = std::string(CQL_TEST_DATA_DIR) + "/fixtures/repl";

// A private HOME and state directory per test, so no test reads the user's ~/.editrc or history.
struct Sandbox {
  fs::path dir;
  Sandbox() {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("cql-repl-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string history() const { return (dir / "history").string(); }
  std::vector<std::string> env(bool colour = false) const {
    std::vector<std::string> vars = {"HOME=" + dir.string(), "XDG_STATE_HOME=" + (dir / "state").string()};
    if (!colour) vars.push_back("NO_COLOR=1");
    return vars;
  }
};

std::vector<std::string> repl_command(const Sandbox& sandbox, std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {CQL_BINARY, "repl", "--history", sandbox.history()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

std::vector<std::string> suite_data() {
  return {"--catalog", kSuite + "/catalog", "--tag", "payments", "--issues", kSuite + "/jira-issues.json",
          "--facts", kSuite + "/facts.yaml", "--now", "2026-06-01T12:00:00Z"};
}

#define REQUIRE_TMUX()                                                              \
  if (!TmuxSession::available()) {                                                  \
    WARN("tmux is not installed: the REPL terminal tests are skipped");             \
    return;                                                                          \
  }

// Shows the screen when an expectation about it fails.
#define CHECK_SCREEN(session, condition) \
  do {                                   \
    INFO("screen:\n" << (session).screen()); \
    CHECK(condition);                    \
  } while (false)

}  // namespace

TEST_CASE("repl terminal: type, move left, insert, enter", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type("[1, 3]");
  repl.keys({"Left", "Left"});
  repl.type("2, ");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("[1, 2, 3] : list"));
  // Home/End and deleting work too: Ctrl-A, Ctrl-K (kill to end), then a new line.
  repl.type("99 + 1");
  repl.keys({"C-a", "C-k"});
  repl.type("5 * 5");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("25 : int"));
  CHECK(repl.screen().find("100") == std::string::npos);
}

TEST_CASE("repl terminal: history is kept across sessions", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  {
    TmuxSession first(repl_command(sandbox), sandbox.env());
    REQUIRE(first.wait_for_text("cql>"));
    first.type("40 + 2");
    first.keys({"Enter"});
    REQUIRE(first.wait_for_text("42 : int"));
    first.type(":quit");
    first.keys({"Enter"});
    REQUIRE(first.wait_for_exit());
  }
  TmuxSession second(repl_command(sandbox), sandbox.env());
  REQUIRE(second.wait_for_text("cql>"));
  // `:quit` itself is not recorded, so the previous line is the first one up.
  second.keys({"Up"});
  CHECK_SCREEN(second, second.wait_for_text("cql> 40 + 2"));
  second.keys({"Enter"});
  CHECK_SCREEN(second, second.wait_for_text("42 : int"));
}

TEST_CASE("repl terminal: the default history file is in the XDG state directory", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  {
    TmuxSession first({CQL_BINARY, "repl"}, sandbox.env());
    REQUIRE(first.wait_for_text("cql>"));
    first.type("7 * 6");
    first.keys({"Enter"});
    REQUIRE(first.wait_for_text("42 : int"));
    first.keys({"C-d"});
    REQUIRE(first.wait_for_exit());
  }
  CHECK(fs::file_size(sandbox.dir / "state" / "cql" / "history") > 0);
  TmuxSession second({CQL_BINARY, "repl"}, sandbox.env());
  REQUIRE(second.wait_for_text("cql>"));
  second.keys({"Up"});
  CHECK_SCREEN(second, second.wait_for_text("cql> 7 * 6"));
}

TEST_CASE("repl terminal: Tab completes jira. and inserts name(", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox, suite_data()), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type("jira.");
  repl.keys({"Tab"});
  // Several candidates: they are listed with their signatures, the line stays as typed.
  CHECK_SCREEN(repl, repl.wait_for_text("numOfIssues(jql?)"));
  CHECK(repl.screen().find("issues(jql?)") != std::string::npos);
  repl.type("nu");
  repl.keys({"Tab"});
  CHECK_SCREEN(repl, repl.wait_for_text("cql> jira.numOfIssues("));
  // A bare namespace completes with its dot.
  repl.keys({"C-u"});
  repl.type("1 + ji");
  repl.keys({"Tab"});
  CHECK_SCREEN(repl, repl.wait_for_text("cql> 1 + jira."));
}

TEST_CASE("repl terminal: Tab completes a method after custom(\"x\").", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox, suite_data()), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  // custom() data has no static type: every method is offered.
  repl.type("custom(\"x\").");
  repl.keys({"Tab"});
  CHECK_SCREEN(repl, repl.wait_for_text("toUpperCase()"));
  CHECK(repl.screen().find("matchesIn(") != std::string::npos);
  repl.type("toUpp");
  repl.keys({"Tab"});
  CHECK_SCREEN(repl, repl.wait_for_text("cql> custom(\"x\").toUpperCase("));
  // A string receiver narrows the candidates to string methods.
  repl.keys({"C-u"});
  repl.type("entity.tag().st");
  repl.keys({"Tab"});
  CHECK_SCREEN(repl, repl.wait_for_text("cql> entity.tag().startsWith("));
}

TEST_CASE("repl terminal: Tab completes meta commands and file names", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type(":ti");
  repl.keys({"Tab"});
  repl.type("3 * 3");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("cql> :time 3 * 3\n9 : int"));
  repl.type(":facts " + kFixtures + "/so");
  repl.keys({"Tab"});
  CHECK_SCREEN(repl, repl.wait_for_text(kFixtures + "/solo-service.yaml"));
}

TEST_CASE("repl terminal: multi-line input while a bracket is open", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type("[1,");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("...>"));
  repl.type("  2,");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_count("...>", 2));
  repl.type("3].filter((x) => x > 1)");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("[2, 3] : list"));
  // A CQL string cannot span lines: Enter on an unclosed one reports it at once.
  repl.type("[\"abc");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("<input>:1:2: error: "));
  // Ctrl-C abandons an unfinished input.
  repl.type("(1 +");
  repl.keys({"Enter"});
  REQUIRE(repl.wait_for_count("...>", 3));
  const std::size_t prompts = count_of(repl.screen(), "cql>");
  repl.keys({"C-c"});
  REQUIRE(repl.wait_for_count("cql>", prompts + 1));
  repl.type("8");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("8 : int"));
  // The multi-line input was stored as one history line.
  repl.keys({"Up", "Up", "Up"});
  CHECK_SCREEN(repl, repl.wait_for_text("cql> [1,   2, 3].filter((x) => x > 1)"));
}

TEST_CASE("repl terminal: an error shows the caret under the input", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type("1 + nosuch(2)");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("<input>:1:5: error: "));
  CHECK_SCREEN(repl, repl.screen().find("  1 + nosuch(2)\n      ^^^^^^\n") != std::string::npos);
  // The session goes on.
  repl.type("1");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("1 : int"));
}

TEST_CASE("repl terminal: values with captures", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox, suite_data()), sandbox.env());
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type("captures(\"twice\", 2 * 21) == 42");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("true : bool\ncaptures:\n  twice = 42"));
}

TEST_CASE("repl terminal: :help, :now, :entity and :quit", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox), sandbox.env(), 160, 50);
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type(":help");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text(":explain EXPR"));
  CHECK(repl.screen().find(":entity TAG|FILE") != std::string::npos);
  repl.keys({"C-l"});
  repl.type(":now 2026-06-01T12:00:00Z");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("now 2026-06-01T12:00:00Z"));
  repl.type("now() - duration(\"P1D\")");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("timestamp(\"2026-05-31T12:00:00Z\") : timestamp"));
  repl.type(":entity");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("entity example (no catalog)"));
  repl.type(":quit");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_exit());
}

TEST_CASE("repl terminal: :ast, :time and :explain", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  TmuxSession repl(repl_command(sandbox), sandbox.env(), 200, 50);
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type(":ast !(1 < 2)");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("(! (< 1 2))"));
  repl.type(":time 6 * 7");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("42 : int\nparse "));
  CHECK(repl.screen().find("(parse+check+plan), eval ") != std::string::npos);
  repl.type(":explain jira.numOfIssues(\"priority = High\")");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("jira.numOfIssues(\"priority = High\")\n  nothing is sent: no Jira source"));
  // An error inside a meta command's expression points into that expression.
  repl.type(":ast 1 +");
  repl.keys({"Enter"});
  CHECK_SCREEN(repl, repl.wait_for_text("<input>:1:4: error: "));
}

TEST_CASE("repl terminal: colours on a terminal, none with NO_COLOR", "[integration][repl][tmux]") {
  REQUIRE_TMUX();
  Sandbox sandbox;
  {
    TmuxSession coloured(repl_command(sandbox), sandbox.env(true));
    REQUIRE(coloured.wait_for_text("cql>"));
    coloured.type("1");
    coloured.keys({"Enter"});
    REQUIRE(coloured.wait_for_text("1 : int"));
    CHECK(coloured.screen(true).find("\x1b[") != std::string::npos);
  }
  TmuxSession plain(repl_command(sandbox), sandbox.env(false));
  REQUIRE(plain.wait_for_text("cql>"));
  plain.type("1");
  plain.keys({"Enter"});
  REQUIRE(plain.wait_for_text("1 : int"));
  CHECK(plain.screen(true).find("\x1b[") == std::string::npos);
}
