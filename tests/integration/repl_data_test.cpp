// `cql repl` with real data: the data meta commands (:catalog, :entity, :issues, :facts, :config)
// and the data options, through a pipe and on a terminal.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "integration/repl_harness.hpp"

using cql::test::lines_of;
using cql::test::run_process;
using cql::test::TmuxSession;

namespace {

namespace fs = std::filesystem;

const std::string kSuite = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite";
const std::string kFixtures = std::string(CQL_TEST_DATA_DIR) + "/fixtures/repl";
const std::string kCatalog = kSuite + "/catalog";
const std::string kIssues = kSuite + "/jira-issues.json";
const std::string kFacts = kSuite + "/facts.yaml";

// What `cql eval` prints for the same expression and options: the REPL must agree.
std::string eval_line(const std::vector<std::string>& options, const std::string& expression) {
  std::vector<std::string> argv = {CQL_BINARY, "eval"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), {"--", expression});
  const auto result = run_process(argv, "");
  REQUIRE(result.exit_code == 0);
  return lines_of(result.out).at(0);
}

struct TerminalSandbox {
  fs::path dir;
  TerminalSandbox() {
    dir = fs::temp_directory_path() / ("cql-repl-data-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TerminalSandbox() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::vector<std::string> env() const { return {"HOME=" + dir.string(), "NO_COLOR=1"}; }
  std::vector<std::string> command(std::vector<std::string> extra) const {
    std::vector<std::string> argv = {CQL_BINARY, "repl", "--history", (dir / "history").string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
};

}  // namespace

TEST_CASE("repl through a pipe: the data meta commands", "[integration][repl]") {
  const std::string solo = kFixtures + "/solo-service.yaml";
  const std::string config = kFixtures + "/config.yaml";
  const std::vector<std::string> suite = {"--catalog", kCatalog, "--tag", "payments", "--issues", kIssues};
  const auto result = run_process({CQL_BINARY, "repl"},
                                  ":catalog " + kCatalog + "\n"
                                  ":entity payments\n"
                                  "entity.tag()\n"
                                  ":issues " + kIssues + "\n"
                                  "jira.numOfIssues()\n"
                                  ":explain jira.numOfIssues(\"priority = High\")\n"
                                  ":facts " + kFacts + "\n"
                                  "git.fileExists(\"README.md\")\n"
                                  ":config " + config + "\n"
                                  ":config\n"
                                  ":entity " + solo + "\n"
                                  "custom(\"owner-team\")\n"
                                  ":entity nosuch\n"
                                  ":catalog " + kCatalog + "\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 14);
  CHECK(lines[0] == "entity example (catalog " + kCatalog + ", 12 entities)");
  CHECK(lines[1] == "entity payments (catalog " + kCatalog + ", 12 entities)");
  CHECK(lines[2] == "\"payments\"");
  CHECK(lines[3] == "issues " + kIssues);
  CHECK(lines[4] == eval_line(suite, "jira.numOfIssues()"));
  CHECK(lines[5].starts_with("jira.numOfIssues(\"priority = High\") -> default: (priority = High) AND ("));
  CHECK(lines[5].find("labels = \"payments\"") != std::string::npos);
  CHECK(lines[6] == "facts " + kFacts);
  CHECK(lines[7] == "true");
  CHECK(lines[8] == "config " + config);
  CHECK(lines[9] == "config " + config);
  CHECK(lines[10] == "entity solo-service (" + solo + ")");
  CHECK(lines[11] == "\"lone-wolves\"");
  CHECK(lines[12] == "error: no entity `nosuch` in the catalog and no file of that name");
  // Reloading a catalog keeps no tag that is not chosen: the file entity stays.
  CHECK(lines[13] == "entity solo-service (" + solo + ")");
}

TEST_CASE("repl with data options: --catalog --tag --issues --facts", "[integration][repl]") {
  const std::vector<std::string> options = {"--catalog", kCatalog, "--tag", "ledger", "--issues", kIssues,
                                            "--facts", kFacts, "--now", "2026-06-01T12:00:00Z"};
  std::vector<std::string> argv = {CQL_BINARY, "repl"};
  argv.insert(argv.end(), options.begin(), options.end());
  const auto result = run_process(argv, "entity.tag()\njira.numOfIssues()\ngroups().length\n");
  CHECK(lines_of(result.out) == std::vector<std::string>{"\"ledger\"", eval_line(options, "jira.numOfIssues()"),
                                                         eval_line(options, "groups().length")});
  CHECK(result.exit_code == 0);
}

TEST_CASE("repl terminal: jira, entity tags and data commands", "[integration][repl][tmux]") {
  if (!TmuxSession::available()) {
    WARN("tmux is not installed: the REPL terminal tests are skipped");
    return;
  }
  TerminalSandbox sandbox;
  TmuxSession repl(sandbox.command({"--catalog", kCatalog, "--tag", "payments", "--issues", kIssues, "--now",
                                    "2026-06-01T12:00:00Z"}),
                   sandbox.env(), 200, 50);
  REQUIRE(repl.wait_for_text("cql>"));
  repl.type("jira.numOfIssues() >= 0");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("true : bool"));
  repl.type("captures(\"tier\", custom(\"tier\")) == 1");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("true : bool\ncaptures:\n  tier = 1"));
  repl.keys({"C-l"});
  repl.type(":ent");
  repl.keys({"Tab"});
  repl.type("led");
  repl.keys({"Tab"});
  CHECK(repl.wait_for_text("cql> :entity ledger"));
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("entity ledger (catalog"));
  repl.type(":explain jira.issues()");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("jira.issues()\n  default: "));
  repl.keys({"C-l"});
  repl.type(":facts " + kFacts);
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("facts " + kFacts));
  repl.type(":entity payments");
  repl.keys({"Enter"});
  repl.type("git.fileExists(\"README.md\")");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("true : bool"));
  repl.type(":config " + kFixtures + "/config.yaml");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("config " + kFixtures));
  repl.type(":entity " + kFixtures + "/solo-service.yaml");
  repl.keys({"Enter"});
  CHECK(repl.wait_for_text("entity solo-service ("));
}
