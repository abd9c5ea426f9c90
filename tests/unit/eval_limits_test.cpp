#include <catch2/catch.hpp>

#include <string>

#include "engine_test_registry.hpp"

using cql::test::run;

namespace {

std::string numbers(int n) {
  std::string text = "[";
  for (int i = 1; i <= n; ++i) text += (i > 1 ? ", " : "") + std::to_string(i);
  return text + "]";
}

}  // namespace

TEST_CASE("10,000 chained additions of data evaluate without deep recursion", "[unit][eval][limits]") {
  // Terms that are not constants (a lambda parameter), so nothing folds; within 64 KiB of text.
  std::string text = "[1].map(x => x";
  for (int i = 1; i < 10000; ++i) text += "+x";
  const auto result = run(text + ")");
  INFO((result.error ? result.error->message : ""));
  REQUIRE(result.ok());
  CHECK(result.value.as_list()[0].as_int() == 10000);
  std::string chain = "[true].all(x => x";
  for (int i = 1; i < 10000; ++i) chain += " AND x";
  CHECK(run(chain + ")").value.as_bool());
}

TEST_CASE("the step limit stops a runaway evaluation with an eval error", "[unit][eval][limits]") {
  cql::Limits limits;
  limits.max_steps = 100;
  const auto result = run(numbers(50) + ".map(x => x * custom(\"tier\"))", cql::test::test_entity(), limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->kind == cql::ErrorKind::Eval);
  CHECK(result.error->message == "evaluation step limit exceeded (100 steps)");
  // The default limit allows a thousand lambda calls and stops a million.
  CHECK(run(numbers(1000) + ".map(x => x * 2).sum()").value.as_int() == 1001000);
  const auto big = run(numbers(1000) + ".map(x => " + numbers(1000) + ".map(y => x + y)).length");
  REQUIRE_FALSE(big.ok());
  CHECK(big.error->message == "evaluation step limit exceeded (1000000 steps)");
}

TEST_CASE("lists and strings built during evaluation are limited in size", "[unit][eval][limits]") {
  cql::Limits limits;
  limits.max_list_elements = 10;
  const auto literal = run("[custom(\"tier\"), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]", cql::test::test_entity(), limits);
  REQUIRE_FALSE(literal.ok());
  CHECK(literal.error->kind == cql::ErrorKind::Eval);
  CHECK(literal.error->message == "list size limit exceeded: 11 elements (limit 10)");
  cql::Entity e = cql::test::test_entity();
  cql::List many;
  for (int i = 0; i < 20; ++i) many.push_back(cql::Value(i));
  e.custom = cql::Value(cql::Object({{"many", cql::Value(many)}}));
  const auto mapped = run("custom(\"many\").map(x => [x, x])", e, limits);
  REQUIRE_FALSE(mapped.ok());
  CHECK(mapped.error->message == "list size limit exceeded: 20 elements (limit 10)");

  cql::Limits strings;
  strings.max_string_bytes = 8;
  const auto text = run("custom(\"owner\") + custom(\"owner\")", cql::test::test_entity(), strings);
  REQUIRE_FALSE(text.ok());
  CHECK(text.error->message == "string size limit exceeded: 12 bytes (limit 8)");
}

TEST_CASE("64 levels of nesting evaluate", "[unit][eval][limits]") {
  std::string text = "custom(\"tier\")";
  for (int i = 0; i < 64; ++i) text = "(" + text + ")";
  CHECK(run(text).value.as_int() == 1);
  std::string negations = "custom(\"tier\") == 1";
  for (int i = 0; i < 64; ++i) negations = "!(" + negations + ")";
  CHECK(run(negations).value.as_bool());
}
