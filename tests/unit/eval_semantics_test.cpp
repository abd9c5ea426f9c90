#include <catch2/catch.hpp>

#include <string>

#include "engine_test_registry.hpp"

using cql::test::run;
using cql::Type;

namespace {

cql::Value value_of(const std::string& text, const cql::Entity& entity = cql::test::test_entity()) {
  const auto result = run(text, entity);
  INFO(text << " -> " << (result.error ? result.error->message : std::string()));
  REQUIRE(result.ok());
  return result.value;
}

cql::Diagnostic error_of(const std::string& text, const cql::Entity& entity = cql::test::test_entity()) {
  const auto result = run(text, entity);
  INFO(text << " -> " << cql::to_cql_literal(result.value));
  REQUIRE_FALSE(result.ok());
  return *result.error;
}

cql::Entity entity_tagged(const std::string& tag) {
  cql::Entity e = cql::test::test_entity();
  e.tag = tag;
  return e;
}

}  // namespace

TEST_CASE("operators evaluate with their types", "[unit][eval]") {
  CHECK(value_of("1 + 2 * 3").as_int() == 7);
  CHECK(value_of("7 / 2").as_double() == 3.5);
  CHECK(value_of("custom(\"tier\") + 0.5").as_double() == 1.5);
  CHECK(value_of("-custom(\"tier\")").as_int() == -1);
  CHECK(value_of("custom(\"owner\") + \"-x\"").as_string() == "team-a-x");
  CHECK(value_of("[custom(\"tier\"), \"x\"] == [1.0, \"x\"]").as_bool());
  CHECK(value_of("custom(\"tier\") != 2").as_bool());
}

TEST_CASE("AND and OR short-circuit and need bools", "[unit][eval]") {
  CHECK_FALSE(value_of("false AND 1 / 0 > 0").as_bool());
  CHECK(value_of("true OR 1 / 0 > 0").as_bool());
  CHECK(value_of("custom(\"nothing\") == null OR custom(\"nothing\").length > 0").as_bool());
  const auto e = error_of("custom(\"tier\") AND true");
  CHECK(e.kind == cql::ErrorKind::Type);
  CHECK(e.message == "`AND` needs bool operands, got int");
  CHECK(error_of("true AND custom(\"nothing\")").message ==
        "`AND` needs bool operands, got null: custom(\"nothing\") is null");
  CHECK(error_of("!custom(\"owner\")").message == "`!` needs a bool, got string");
}

TEST_CASE("run-time errors carry their kind and the span of the failing sub-expression", "[unit][eval]") {
  const auto div = error_of("1 + custom(\"tier\") / 0");
  CHECK(div.kind == cql::ErrorKind::Eval);
  CHECK(div.message == "division by zero");
  CHECK(div.span.begin == 4);
  CHECK(div.span.end == 22);
  CHECK(error_of("9223372036854775807 + custom(\"tier\")").message == "integer overflow in `+`");
  const auto order = error_of("custom(\"nothing\") >= 0");
  CHECK(order.kind == cql::ErrorKind::Type);
  CHECK(order.message == "cannot apply `>=` to null: custom(\"nothing\") is null");
  CHECK(error_of("custom(\"owner\") < 1").message == "cannot apply `<` to string and int");
  CHECK(error_of("custom(\"nothing\") + 1").message == "cannot apply `+` to null: custom(\"nothing\") is null");
}

TEST_CASE("null receivers name the sub-expression that was null", "[unit][eval]") {
  CHECK(error_of("custom(\"nothing\").length").message ==
        "cannot read .length of null: custom(\"nothing\") is null");
  CHECK(error_of("custom(\"slo\").missing.value").message ==
        "cannot read .value of null: custom(\"slo\").missing is null");
  CHECK(error_of("custom(\"nothing\").fromNow()").message ==
        "cannot call .fromNow() on null: custom(\"nothing\") is null");
  CHECK(error_of("custom(\"nothing\").filter(x => true)").message ==
        "cannot call .filter() on null: custom(\"nothing\") is null");
  CHECK(error_of("entity.description().length").message ==
        "cannot read .length of null: entity.description() is null");
}

TEST_CASE("fields, getters and properties of data", "[unit][eval]") {
  CHECK(value_of("custom(\"slo\").availability").as_double() == 99.95);
  CHECK(value_of("custom(\"slo\").availability()").as_double() == 99.95);
  CHECK(value_of("custom(\"slo\").missing").is_null());
  CHECK(value_of("custom(\"slo\").length").as_int() == 1);
  CHECK(value_of("custom(\"owner\").length").as_int() == 6);
  CHECK(error_of("custom(\"slo\").missing()").message == "object has no field or method `missing`");
  CHECK(error_of("custom(\"owner\").foo").message == "string has no field `foo`");
  // A field named like a built-in wins on objects.
  cql::Entity e = cql::test::test_entity();
  e.custom = cql::Value(cql::Object({{"box", cql::Value(cql::Object({{"length", cql::Value(42)}}))}}));
  CHECK(value_of("custom(\"box\").length", e).as_int() == 42);
}

TEST_CASE("methods on data are chosen by the run-time type", "[unit][eval]") {
  CHECK(value_of("custom(\"owner\").contains(\"team\")").as_bool());
  CHECK(value_of("custom(\"regions\").contains(\"eu-west-1\")").as_bool());
  const auto e = error_of("custom(\"regions\").get(\"x\")");
  CHECK(e.kind == cql::ErrorKind::Type);
  CHECK(e.message == "no method `.get()` on list");
}

TEST_CASE("data strings are read as durations and timestamps where one is needed", "[unit][eval]") {
  CHECK(value_of("custom(\"window\") < duration(\"P7D\")").as_bool());
  CHECK(value_of("custom(\"window\") == duration(\"PT72H\")").as_bool());
  CHECK_FALSE(value_of("custom(\"owner\") == duration(\"P1D\")").as_bool());
  cql::Entity e = cql::test::test_entity();
  e.custom = cql::Value(cql::Object({{"launched", cql::Value("2026-05-25T12:00:00Z")}}));
  CHECK(value_of("custom(\"launched\").freshness", e).as_duration().ms == 7LL * 86400000);
  CHECK(value_of("custom(\"launched\").fromNow()", e).as_duration().ms == -7LL * 86400000);
  CHECK(value_of("timestamp(custom(\"launched\")) < now()", e).as_bool());
}

TEST_CASE("lambdas bind each element and close over outer parameters", "[unit][eval]") {
  CHECK(cql::to_cql_literal(value_of("[1, 5, 10].filter(n => n > 4)")) == "[5, 10]");
  CHECK(cql::to_cql_literal(value_of("custom(\"regions\").map(r => r + \"!\")")) == "[\"us-east-1!\", \"eu-west-1!\"]");
  CHECK(value_of("[1, 2].any(a => [3, 4].any(b => [5].any(c => a + b == c)))").as_bool());
  CHECK(cql::to_cql_literal(value_of("[1, 2, 3, 4].filter(x => [3, 4, 5].any(y => y == x * 2))")) == "[2]");
  CHECK(value_of("[].all(x => x.missing.field > 1)").as_bool());
  CHECK(value_of("[1, 2].none(x => x > 2)").as_bool());
  CHECK_FALSE(value_of("[1, 2, 3].all(x => x < 3)").as_bool());
  const auto e = error_of("[1, 2].filter(x => custom(\"tier\") + x)");
  CHECK(e.message == "the lambda of `.filter()` must return a bool, got int");
}

TEST_CASE("captures record values in call order, the last value of a name winning", "[unit][eval]") {
  const auto result = run("captures(\"a\", 1) + captures(\"b\", 2) + captures(\"a\", 3)");
  REQUIRE(result.ok());
  CHECK(result.value.as_int() == 6);
  REQUIRE(result.captures.size() == 2);
  CHECK(result.captures[0].name == "a");
  CHECK(result.captures[0].value.as_int() == 3);
  CHECK(result.captures[1].name == "b");
  const auto inner = run("[1, 2, 3].map(x => captures(\"last\", x * 2))");
  REQUIRE(inner.captures.size() == 1);
  CHECK(inner.captures[0].value.as_int() == 6);
  // Captures made before an error are kept for the failure message.
  const auto failed = run("captures(\"ratio\", 1) / 0 > 0");
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.captures.size() == 1);
}

TEST_CASE("namespaces: presence, provider errors and canonical calls", "[unit][eval]") {
  auto log = cql::test::facts_log();
  {
    std::lock_guard lock(log->mutex);
    log->answers["fileExists(\"README.md\")"] = cql::Value(true);
    log->answers["numOfVulnerabilities(severity = [\"CRITICAL\"], source = [\"GHAS\"])"] = cql::Value(1);
  }
  CHECK(value_of("git != null").as_bool());
  CHECK(value_of("git").type() == Type::Namespace);
  CHECK(value_of("git", entity_tagged("bare")).is_null());
  CHECK(value_of("git.fileExists(path = \"README.md\")").as_bool());
  CHECK(value_of("git.fileExists(\"READ\" + \"ME.md\")").as_bool());  // computed argument
  cql::Entity sev = cql::test::test_entity();
  sev.custom = cql::Value(cql::Object({{"sev", cql::Value("CRITICAL")}}));
  CHECK(value_of("git.numOfVulnerabilities(source = [\"GHAS\"], severity = [custom(\"sev\")])", sev).as_int() == 1);

  const auto missing = error_of("git.fileExists(\"Dockerfile\")");
  CHECK(missing.kind == cql::ErrorKind::Provider);
  CHECK(missing.message == "no fact for git.fileExists(\"Dockerfile\")");
  const auto absent = error_of("git.fileExists(\"README.md\")", entity_tagged("bare"));
  CHECK(absent.kind == cql::ErrorKind::Provider);
  CHECK(absent.message == "`git` has no data for entity `bare`");
  CHECK(value_of("acme.anything(2, b = \"x\", a = 1)").as_string() == "acme:anything(2, a = 1, b = \"x\")");
  CHECK(value_of("acme.other(custom(\"tier\"))").as_string() == "acme:other(1)");
}

TEST_CASE("evaluate_rule turns a value that is not a bool into an eval error", "[unit][eval]") {
  auto program = cql::test::test_engine().compile("custom(\"tier\") + 1");
  REQUIRE(program.ok());
  const cql::Entity entity = cql::test::test_entity();
  cql::EvalContext ctx(entity);
  const auto result = program.value().evaluate_rule(ctx);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->kind == cql::ErrorKind::Eval);
  CHECK(result.error->message == "rule must evaluate to a boolean, got number");
  auto rule = cql::test::test_engine().compile("custom(\"tier\") == 1");
  CHECK(rule.value().evaluate_rule(ctx).value.as_bool());
}

TEST_CASE("an empty program fails cleanly", "[unit][eval]") {
  const cql::Program empty;
  const cql::Entity entity;
  const auto result = empty.evaluate(cql::EvalContext(entity));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->kind == cql::ErrorKind::Eval);
}
