// `cql jql check` end to end (spec/cli.md): output shapes and exit codes.
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
