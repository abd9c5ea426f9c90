// JQL and the jira namespace through the command line (spec/cli.md): `cql jql check` output
// shapes and exit codes; --issues loads the offline source; `cql explain` shows the query sent
// per account; errors keep their kinds.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

struct Run {
  std::string out;
  int status = -1;
};

// Runs a shell command line and captures stdout and the exit status.
Run run(const std::string& command) {
  Run r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

const std::string kCql = CQL_BINARY;
const std::string kIssues = " --issues " + std::string(CQL_TEST_DATA_DIR) + "/fixtures/jql/eval-issues.json";

}  // namespace

TEST_CASE("jql check --json prints one line per query and exits 0 when all are valid", "[integration][jql]") {
  const Run r = run(kCql + " jql check --json 'status = open' 'project in (A, B) ORDER BY key'");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "{\"query\":\"status = open\",\"valid\":true}\n"
        "{\"query\":\"project in (A, B) ORDER BY key\",\"valid\":true}\n");
}

TEST_CASE("jql check --json reports message, line and character and exits 65", "[integration][jql]") {
  const Run r = run(kCql + " jql check --json 'status = open' 'project ENG'");
  CHECK(r.status == 65);
  CHECK(r.out ==
        "{\"query\":\"status = open\",\"valid\":true}\n"
        "{\"query\":\"project ENG\",\"valid\":false,\"message\":\"Expecting operator but got 'ENG'.\","
        "\"line\":1,\"character\":9}\n");
}

TEST_CASE("jql check reads one query per line from stdin", "[integration][jql]") {
  const Run r = run("printf 'a = b\\n\\nc = \\n' | " + kCql + " jql check");
  CHECK(r.status == 65);
  CHECK(r.out ==
        "valid: a = b\n"
        "valid: \n"
        "<stdin>:3:5: error: Expecting either a value or function before the end of the query.\n"
        "  c = \n"
        "      ^\n");
}

TEST_CASE("explain shows the exact JQL per account", "[integration][jql]") {
  const Run r = run(kCql + " explain" + kIssues + R"( 'jira.numOfIssues() + jira.issues("priority = High ORDER BY key").length')");
  CHECK(r.status == 0);
  CHECK(r.out.find("  jira.numOfIssues(null)\n    needs Jira issues of the entity\n"
                   "    account default: (statusCategory in (\"To Do\", \"In Progress\")) AND (labels = \"example\")\n") !=
        std::string::npos);
  CHECK(r.out.find("    account default: (priority = High) AND (labels = \"example\") ORDER BY key\n") != std::string::npos);
}

TEST_CASE("the issues option answers jira calls, what the dump cannot answer is a provider error", "[integration][jql]") {
  CHECK(run(kCql + " eval --json" + kIssues + " 'jira != null'").out == "{\"value\": true, \"type\": \"bool\", \"captures\": {}}\n");
  CHECK(run(kCql + " eval --json 'jira == null'").out == "{\"value\": true, \"type\": \"bool\", \"captures\": {}}\n");
  CHECK(run(kCql + " eval --json" + kIssues + R"( 'jira.numOfIssues("")')").out ==
        "{\"value\": 0, \"type\": \"int\", \"captures\": {}}\n");
  const Run history = run(kCql + " eval --json" + kIssues + R"( 'jira.numOfIssues("status was Open")')");
  CHECK(history.out.find("\"kind\": \"provider\"") != std::string::npos);
  CHECK(history.out.find("WAS needs the change history") != std::string::npos);
}

TEST_CASE("a constant JQL syntax error is a compile error inside the string", "[integration][jql]") {
  const Run r = run(kCql + " eval --json" + kIssues + R"( 'jira.numOfIssues("status = ")')");
  CHECK(r.out ==
        "{\"error\": {\"kind\": \"compile\", \"message\": \"invalid JQL: Expecting either a value or function before the "
        "end of the query. (line 1, character 10)\", \"line\": 1, \"column\": 28}}\n");
}

TEST_CASE("an unreadable dump is an I/O error", "[integration][jql]") {
  const Run r = run(kCql + " eval --json --issues /nonexistent/issues.json 'jira'");
  CHECK(r.status == 74);
  CHECK(r.out == "{\"error\": {\"kind\": \"io\", \"message\": \"cannot read the issue dump /nonexistent/issues.json\"}}\n");
}
