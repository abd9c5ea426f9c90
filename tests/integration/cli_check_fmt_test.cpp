// `cql check`, `cql fmt` and `cql explain` (spec/cli.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "fixtures/batch/run_process.hpp"

using cql::test::run_process;

namespace {

// A temporary folder of .cql files, removed afterwards.
class RuleDir {
 public:
  RuleDir() : path_(std::filesystem::temp_directory_path() / ("cql_cli_rules_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_ / "nested");
  }
  ~RuleDir() { std::filesystem::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

cql::test::ProcessResult cql_run(std::vector<std::string> args) {
  args.insert(args.begin(), CQL_BINARY);
  return run_process(args);
}

}  // namespace

TEST_CASE("cql check reports every diagnostic of every file", "[integration][cli]") {
  RuleDir dir;
  dir.write("good.cql", "1 + 1 == 2\n");
  const std::string bad = dir.write("nested/bad.cql", "TRUE AND\n  \"a\".size()\n");
  const auto r = cql_run({"check", dir.path()});
  CHECK(r.status == 65);
  CHECK(r.err.find(bad + ":1:1: error: unknown name `TRUE`") != std::string::npos);
  CHECK(r.err.find(bad + ":2:7: error: unknown method `.size()`") != std::string::npos);

  const auto json = cql_run({"check", "--json", bad});
  CHECK(json.status == 65);
  std::istringstream lines(json.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line).at("error").at("kind") == "compile");
    ++count;
  }
  CHECK(count == 2);

  CHECK(cql_run({"check", dir.path() + "/good.cql"}).status == 0);
  CHECK(cql_run({"check", dir.path() + "/missing.cql"}).status == 74);
  CHECK(cql_run({"check"}).status == 64);
}

TEST_CASE("cql check warns about extensions, --strict makes them errors", "[integration][cli]") {
  const auto warn = cql_run({"check", "--expr", "now() > timestamp(\"2026-01-01\")"});
  CHECK(warn.status == 0);
  CHECK(warn.err.find("<expr>:1:1: warning: `now()` is an extension") != std::string::npos);
  const auto strict = cql_run({"check", "--strict", "--expr", "now() > timestamp(\"2026-01-01\")"});
  CHECK(strict.status == 65);
  CHECK(strict.err.find("<expr>:1:1: error: `now()` is an extension") != std::string::npos);
  CHECK(cql_run({"check", "--expr", "entity.tag() ="}).status == 65);
}

TEST_CASE("cql fmt prints the canonical form, --check lists files that would change", "[integration][cli]") {
  RuleDir dir;
  const std::string formatted = dir.write("formatted.cql", "[1, 2].any(x => x > 1) AND true\n");
  const std::string messy = dir.write("messy.cql", "[1,2].any( (x)=>x>1 )  and TRUE\n");
  CHECK(cql_run({"fmt", "--expr", "a  and (b or c)"}).out == "a AND (b OR c)\n");
  CHECK(cql_run({"fmt", messy}).out == "[1, 2].any(x => x > 1) AND TRUE\n");
  CHECK(cql_run({"fmt", "--check", formatted}).status == 0);
  const auto check = cql_run({"fmt", "--check", dir.path()});
  CHECK(check.status == 1);
  CHECK(check.out == messy + "\n");
  CHECK(cql_run({"fmt", "--expr", "1 +"}).status == 65);
}

TEST_CASE("cql explain shows the AST, the type and the data each call needs", "[integration][cli]") {
  const auto r = cql_run({"explain", "jira.numOfIssues(\"status = Open\") <= 3 AND duration(\"P1D\") > duration(\"PT1H\")"});
  CHECK(r.status == 0);
  CHECK(r.out.find("ast:  (and (<= (method jira numOfIssues \"status = Open\") 3)") == 0);
  CHECK(r.out.find("type: bool\n") != std::string::npos);
  CHECK(r.out.find("  jira.numOfIssues(\"status = Open\")\n    needs Jira issues of the entity\n") != std::string::npos);
  // The duration comparison was folded at compile time: no call is left.
  CHECK(r.out.find("\n  duration") == std::string::npos);
  CHECK(cql_run({"explain", "TRUE"}).status == 65);
}
