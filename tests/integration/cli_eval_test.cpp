// `cql eval`: output forms, exit codes and error shapes of spec/cli.md.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures/batch/run_process.hpp"

using cql::test::run_process;

namespace {

cql::test::ProcessResult eval(std::vector<std::string> args) {
  args.insert(args.begin(), {CQL_BINARY, "eval"});
  return run_process(args);
}

}  // namespace

TEST_CASE("cql eval prints the value in CQL literal syntax", "[integration][cli]") {
  CHECK(eval({"1 + 2 * 3"}).out == "7\n");
  CHECK(eval({"[1, 2.5, \"x\", null, true]"}).out == "[1, 2.5, \"x\", null, true]\n");
  CHECK(eval({"duration(\"P1W\")"}).out == "duration(\"P7D\")\n");
  CHECK(eval({"--now", "2026-03-01T10:00:00Z", "now()"}).out == "timestamp(\"2026-03-01T10:00:00Z\")\n");
  const auto r = eval({"--", "-1 + 2"});
  CHECK(r.status == 0);
  CHECK(r.out == "1\n");
}

TEST_CASE("cql eval --json prints value, type and captures on one line", "[integration][cli]") {
  const auto r = eval({"--json", "captures(\"ratio\", 3 / 2) > 1"});
  CHECK(r.status == 0);
  const auto out = nlohmann::json::parse(r.out);
  CHECK(out.at("value") == true);
  CHECK(out.at("type") == "bool");
  CHECK(out.at("captures").at("ratio") == 1.5);
  CHECK(r.out.find('\n') == r.out.size() - 1);
  CHECK(nlohmann::json::parse(eval({"--json", "semver(\"1.2.3\")"}).out).at("type") == "semver");
}

TEST_CASE("cql eval errors: caret text on stderr, JSON on stdout, sysexits", "[integration][cli]") {
  const auto text = eval({"1 + 1 / 0"});
  CHECK(text.status == 70);
  CHECK(text.out.empty());
  CHECK(text.err == "<expr>:1:5: error: division by zero\n  1 + 1 / 0\n      ^^^^^\n");

  const auto json = eval({"--json", "1 + 1 / 0"});
  CHECK(json.status == 70);
  CHECK(json.out == "{\"error\": {\"kind\": \"eval\", \"message\": \"division by zero\", \"line\": 1, \"column\": 5}}\n");

  const auto syntax = eval({"--json", "1 +"});
  CHECK(syntax.status == 65);
  CHECK(nlohmann::json::parse(syntax.out).at("error").at("kind") == "syntax");

  const auto compile = eval({"TRUE"});
  CHECK(compile.status == 65);
  CHECK(compile.err.find("<expr>:1:1: error: unknown name `TRUE`") == 0);
  CHECK(compile.err.find("hint: did you mean `true`?") != std::string::npos);

  const auto type = eval({"--json", "[1].contains(1) AND (\"a\" + \"b\").length > [1].first()"});
  CHECK(type.status == 0);  // all constant and fine
  const auto runtime_type = eval({"--json", "[1, null].average()"});
  CHECK(runtime_type.status == 70);
  CHECK(nlohmann::json::parse(runtime_type.out).at("error").at("kind") == "type");
}

TEST_CASE("cql eval --json reports only the first of several compile errors", "[integration][cli]") {
  const auto r = eval({"--json", "TRUE AND FALSE"});
  CHECK(r.status == 65);
  CHECK(r.out == "{\"error\": {\"kind\": \"compile\", \"message\": \"unknown name `TRUE`\", \"line\": 1, \"column\": 1, "
                 "\"hint\": \"did you mean `true`?\"}}\n");
  const auto text = eval({"TRUE AND FALSE"});
  CHECK(text.err.find("unknown name `FALSE`") != std::string::npos);
}

TEST_CASE("cql eval usage errors exit 64, as JSON with --json", "[integration][cli]") {
  const auto bad_now = eval({"--now", "yesterday", "1"});
  CHECK(bad_now.status == 64);
  CHECK(bad_now.err.find("--now: \"yesterday\" is not an ISO-8601 timestamp") != std::string::npos);
  const auto json = eval({"--json", "--now", "yesterday", "1"});
  CHECK(json.status == 64);
  CHECK(json.out == "{\"error\": {\"kind\": \"usage\", \"message\": \"--now: \\\"yesterday\\\" is not an ISO-8601 timestamp\"}}\n");
  CHECK(eval({}).status == 64);
  const auto missing = eval({"--json"});
  CHECK(missing.status == 64);
  CHECK(nlohmann::json::parse(missing.out).at("error").at("kind") == "usage");
}
