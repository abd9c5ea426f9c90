#include <catch2/catch.hpp>

#include <cstdlib>
#include <string_view>

#include "cql/time.hpp"
#include "eval/json_value.hpp"
#include "stdlib/families.hpp"
#include "stdlib/jq_support.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
Value json(const char* text) { return value_from_json(nlohmann::ordered_json::parse(text)); }

struct Jq {
  Registry registry;
  FakeCallContext ctx;
  Jq() { register_jq(registry); }
  Value run(const Value& input, const char* program, bool constant = true) {
    return call_native(find_function(registry, "jq", std::nullopt), ctx, {input, Value(program)},
                       std::vector<bool>{false, constant});
  }
  std::optional<EvalFailure> failure(const Value& input, const char* program, bool constant = true) {
    return failure_of([&] { run(input, program, constant); });
  }
};

// Text that tells ints from doubles, so "equal" also means "same types".
std::string exact(const Value& v) { return to_json_text(v); }
}  // namespace

TEST_CASE("jq results: none is null, one is the value, several a list", "[unit][stdlib][jq]") {
  Jq jq;
  Value regions = json(R"(["us-east-1", "eu-west-1"])");
  for (bool constant : {true, false}) {
    INFO("constant program: " << constant);
    CHECK(jq.run(json(R"({"branch": 78, "line": "87.5"})"), ".branch", constant).as_int() == 78);
    CHECK(jq.run(json(R"({"line": "87"})"), ".line | tonumber", constant).type() == Type::Int);
    CHECK(jq.run(regions, R"(.[] | select(startswith("ap-")))", constant).is_null());
    CHECK(exact(jq.run(regions, ".[] | ascii_upcase", constant)) == R"(["US-EAST-1", "EU-WEST-1"])");
    CHECK(exact(jq.run(regions, "map(length)", constant)) == "[9, 9]");
    CHECK(exact(jq.run(json(R"({"availability": 99.95})"), "{target: .availability}", constant)) ==
          R"({"target": 99.95})");
    CHECK(jq.run(Value(), R"(. // "default")", constant).as_string() == "default");
    CHECK(jq.run(Value(false), "not", constant).as_bool());
    CHECK(jq.run(json("[1.0, 2]"), ".[0]", constant).type() == Type::Int);
    CHECK(jq.run(json("{\"a\": 2.5}"), ".a * 2", constant).type() == Type::Int);
  }
}

TEST_CASE("jq sees CQL-only values in their JSON form", "[unit][stdlib][jq]") {
  Jq jq;
  Value mixed(List{Value(Duration{86400000}), Value(Timestamp{0}), Value(*parse_semver("1.2.3")),
                   Value::namespace_handle("git"), Value(3.0)});
  for (bool constant : {true, false}) {
    CHECK(exact(jq.run(mixed, ".", constant)) ==
          R"(["P1D", "1970-01-01T00:00:00Z", "1.2.3", {"namespace": "git"}, 3])");
    CHECK(exact(jq.run(mixed, "[.[] | type]", constant)) == R"(["string", "string", "string", "object", "number"])");
  }
}

TEST_CASE("invalid jq programs: compile errors for constants, eval errors at run time", "[unit][stdlib][jq]") {
  Jq jq;
  auto syntax = jq.failure(Value(), ".line |");
  REQUIRE(syntax);
  CHECK(syntax->kind == ErrorKind::Compile);
  CHECK(syntax->message == "invalid jq program \".line |\": syntax error, unexpected $end");
  auto unknown = jq.failure(Value(), ". | tonumbr");
  REQUIRE(unknown);
  CHECK(unknown->kind == ErrorKind::Compile);
  CHECK(unknown->message == "invalid jq program \". | tonumbr\": tonumbr/0 is not defined");
  auto computed = jq.failure(Value(), ". | tonumbr", false);
  REQUIRE(computed);
  CHECK(computed->kind == ErrorKind::Eval);
  CHECK(computed->message == "jq(): invalid jq program \". | tonumbr\": tonumbr/0 is not defined");
  auto multi_line = jq.failure(Value(), ".a |\n  nope");
  REQUIRE(multi_line);
  CHECK(multi_line->message == "invalid jq program \".a |\\n  nope\": nope/0 is not defined (line 2)");
}

TEST_CASE("jq runtime errors are eval errors with jq's message", "[unit][stdlib][jq]") {
  Jq jq;
  auto text = jq.failure(Value("alice"), "tonumber");
  REQUIRE(text);
  CHECK(text->kind == ErrorKind::Eval);
  CHECK(text->message.starts_with("jq(): Invalid numeric literal"));
  auto iteration = jq.failure(json(R"(["1", "x"])"), ".[] | tonumber");
  REQUIRE(iteration);
  CHECK(iteration->kind == ErrorKind::Eval);
  auto index = jq.failure(Value(3), ".a");
  REQUIRE(index);
  CHECK(index->message == "jq(): Cannot index number with string \"a\"");
  CHECK(jq.failure(Value(), R"(error({"code": 7}))")->message == R"(jq(): {"code":7})");
  auto halted = jq.failure(Value("bye"), "halt_error");
  REQUIRE(halted);
  CHECK(halted->message == "jq(): halt_error: bye");
  CHECK(jq.run(Value(1), "halt").is_null());
}

TEST_CASE("jq cannot read the environment or modules", "[unit][stdlib][jq]") {
  Jq jq;
  ::setenv("CQL_JQ_TEST_SECRET", "s3cret", 1);
  CHECK(exact(jq.run(Value(), "env")) == "{}");
  CHECK(exact(jq.run(Value(), "$ENV")) == "{}");
  CHECK(jq.run(Value(), "env.CQL_JQ_TEST_SECRET").is_null());
  CHECK(jq.failure(Value(), R"(import "x" as x; .)")->kind == ErrorKind::Compile);
  CHECK(jq.failure(Value(), R"(include "x"; .)")->kind == ErrorKind::Compile);
  CHECK(jq.failure(Value(), R"("x" | modulemeta)")->kind == ErrorKind::Eval);
  CHECK(exact(jq.run(Value(), "get_search_list")) == "[]");
  CHECK(jq.failure(Value(), "input")->kind == ErrorKind::Eval);
  CHECK(jq.run(Value(), "[inputs]").as_list().empty());
}

TEST_CASE("jq outputs are bounded by the evaluation limits", "[unit][stdlib][jq]") {
  Jq jq;
  jq.ctx.max_list = 100;
  auto many = jq.failure(Value(), "range(1000)");
  REQUIRE(many);
  CHECK(many->kind == ErrorKind::Eval);
  jq.ctx.max_list = 1'000'000;
  jq.ctx.max_steps = 50;
  CHECK(jq.failure(Value(), "repeat(1)")->kind == ErrorKind::Eval);
  jq.ctx.max_steps = 1'000'000;
  jq.ctx.max_string = 1000;
  CHECK(jq.failure(Value("abcd"), ". * 1000")->kind == ErrorKind::Eval);
}

TEST_CASE("the fast path covers the common programs", "[unit][stdlib][jq]") {
  for (const char* program : {".", ".a", ".a.b", ".a[0]", ".[0]", ".[-1]", ".[\"x\"]", ".a[\"b c\"]", ".\"a\"",
                              ".a.\"b\"[1]", ".[]", ".a[]", ".[] | .name", ".a.b | tonumber", "length", ".a | length",
                              "not", ".[] | select(.x == \"y\")", "select(.a != null)", "select(.ok)",
                              ".[] | select(.n == -1.5) | .name", ".[] | select(. >= 2)", "ascii_downcase", " .a | ascii_upcase "}) {
    INFO(program);
    CHECK(jq_support::parse_fast(program) != nullptr);
  }
  for (const char* program : {".a.[0]", ".a .b", "map(.a)", ". // 1", ".a?", ".[1:]", ".[1.5]", "\"\\(.a)\"", ".if",
                              "select(.a > \"x\")", "select(.a < null)", "lengthx", "tonumber(1)", ".[] | select(.a == 1e3)", ".a,.b", "", "|"}) {
    INFO(program);
    CHECK(jq_support::parse_fast(program) == nullptr);
  }
}

TEST_CASE("fast-path results equal libjq's", "[unit][stdlib][jq]") {
  const char* inputs[] = {
      "null", "true", "false", "0", "-3", "2.5", "\"text\"", "\"Zürich\"", "\"85\"", "\"-1.5e2\"", "\" 85 \"",
      "\"nan\"", "\"abc\"", "[]", "[1, 2, 3]", "[1.5, -2]", "{}",
      R"({"a": {"b": 3, "c": [1, 2, 3]}, "d": "x"})",
      R"({"a": {"b": "42"}, "x": "y", "ok": true})",
      R"({"a": [10, {"b": 1}], "b c": 5, "name": "n"})",
      R"([{"x": "y", "name": "first", "n": -1.5}, {"x": "z", "name": "second"}, {"x": "y", "name": "third", "n": 2}])",
      R"([{"type": "group", "provider": null}, {"type": "user"}, 3, null])",
      R"({"only": {"a": {"b": "7"}, "x": "y", "name": "n", "ok": false}})",
      R"({"only": "value"})",
      R"({"a": {"one": 1}})",
      R"({"z": 1, "a": [true, null], "m": {"k": "v"}})",
      R"(["B", "a", "Ç"])",
  };
  const char* programs[] = {
      ".", ".a", ".a.b", ".a.c", ".a[0]", ".a[1].b", ".[0]", ".[-1]", ".[5]", ".[-9]", ".[\"x\"]", ".a[\"b\"]",
      ".\"b c\"", ".a.\"b\"", ".[]", ".a[]", ".a.c[]", ".[] | .name", ".[] | .x", ".a.b | tonumber", "tonumber",
      "length", ".a | length", ".name | length", "not", ".ok | not", ".[] | select(.x == \"y\")",
      ".[] | select(.x != \"y\") | .name", ".[] | select(.n == -1.5) | .name", ".[] | select(.n == 2)",
      ".[] | select(.provider == null)", "select(.a != null)", "select(.ok)", ".[] | select(.type)",
      "ascii_downcase", ".[] | ascii_upcase", ".d | ascii_upcase", ".[] | length", ".a[] | tonumber",
      ".[] | select(. > 1)", ".[] | select(.n <= 1)", ".[] | select(.n >= -1.5) | .x", "select(.a.b < 10)",
  };
  FakeCallContext ctx;
  int compared = 0, declined = 0;
  for (const char* program : programs) {
    for (const char* input_text : inputs) {
      const Value input = json(input_text);
      // libjq 1.6 leaks the remaining keys when an error interrupts `.[]` over an object, which
      // LeakSanitizer would report: iterate only objects of one key (see stdlib/README.md).
      if (std::string_view(program).find("[]") != std::string_view::npos && input.type() == Type::Object &&
          input.as_object().size() > 1) {
        continue;
      }
      INFO("program " << program << " on " << input_text);
      auto fast = jq_support::parse_fast(program);
      REQUIRE(fast != nullptr);
      REQUIRE_FALSE(jq_support::libjq_compile_error(program));
      std::optional<Value> fast_result = jq_support::run_fast(*fast, input, ctx);
      auto libjq_failure = failure_of([&] { jq_support::run_libjq(program, input, ctx); });
      if (libjq_failure) {
        CHECK_FALSE(fast_result.has_value());  // errors always come from libjq
        continue;
      }
      const Value expected = jq_support::run_libjq(program, input, ctx);
      if (!fast_result) {
        ++declined;  // allowed: libjq then answers
        continue;
      }
      ++compared;
      CHECK(exact(*fast_result) == exact(expected));
    }
  }
  CHECK(compared > 150);
  CHECK(declined < 40);
}
