#include <catch2/catch.hpp>

#include <string>

#include "compiled_plan.hpp"
#include "cql/engine.hpp"
#include "engine_test_registry.hpp"

using cql::plan::Op;

namespace {
const cql::plan::Node& root(const cql::test::Compiled& c) { return c.plan.nodes[c.plan.root]; }
}  // namespace

TEST_CASE("custom() with a string literal key is planned as a direct lookup, without a call site", "[unit][check]") {
  const auto c = cql::test::compile_plan("custom(\"tier\")");
  REQUIRE(root(c).op == Op::CustomKey);
  CHECK(c.plan.constants[root(c).a].as_string() == "tier");
  CHECK(root(c).b == cql::Object::hash_key("tier"));
  CHECK(c.plan.calls.empty());
  CHECK(c.plan.nodes.size() == 1);  // no argument node left behind
}

TEST_CASE("custom() keys that only become constant by folding are specialised by the compiler", "[unit][compile]") {
  const auto c = cql::test::compile_plan("custom(\"ti\" + \"er\")");
  REQUIRE(root(c).op == Op::CustomKey);
  CHECK(c.plan.constants[root(c).a].as_string() == "tier");
  CHECK(root(c).b == cql::Object::hash_key("tier"));
}

TEST_CASE("custom() calls that are not a plain lookup keep the general path", "[unit][check]") {
  CHECK(root(cql::test::compile_plan("custom(\"a.b\")")).op == Op::Call);  // a dotted key walks objects
  CHECK(root(cql::test::compile_plan("custom(key = \"tier\")")).op == Op::CustomKey);  // named: bound, then specialised
  const cql::Engine engine = cql::test::test_engine();
  auto wrong_type = engine.compile("custom(1)");
  REQUIRE_FALSE(wrong_type.ok());
  CHECK(wrong_type.errors().front().message.find("must be string") != std::string::npos);
  auto too_many = engine.compile("custom(\"a\", \"b\")");
  REQUIRE_FALSE(too_many.ok());
}

TEST_CASE("a direct custom() lookup is still reported as a call", "[unit][check]") {
  const cql::Engine engine = cql::test::test_engine();
  auto program = engine.compile("custom(\"tier\") == 1 AND custom(\"missing\") == null");
  REQUIRE(program.ok());
  const auto calls = program.value().calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].name == "custom");
  CHECK(calls[0].arguments.at(0)->as_string() == "tier");
}
