#include <catch2/catch.hpp>

#include <string>

#include "compiled_plan.hpp"

namespace {

using cql::test::Compiled;
Compiled compile(const std::string& text) { return cql::test::compile_plan(text); }

const cql::plan::Node& root(const Compiled& c) { return c.plan.nodes[c.plan.root]; }

}  // namespace

TEST_CASE("a chain of 1000 constant additions folds to one constant", "[unit][compile]") {
  std::string text = "1";
  for (int i = 1; i < 1000; ++i) text += " + 1";
  const Compiled c = compile(text);
  REQUIRE(c.plan.nodes.size() == 1);
  REQUIRE(root(c).op == cql::plan::Op::Constant);
  CHECK(c.plan.constants.size() == 1);
  CHECK(c.plan.constants[root(c).a].as_int() == 1000);
}

TEST_CASE("pure calls and operators on constants fold", "[unit][compile]") {
  const Compiled d = compile("duration(\"P1D\") + duration(\"PT12H\")");
  REQUIRE(root(d).op == cql::plan::Op::Constant);
  CHECK(d.plan.constants[root(d).a].as_duration().ms == 36 * 3600 * 1000);
  const Compiled s = compile("\"  Tier-1 \".trim().toLowerCase().length");
  REQUIRE(root(s).op == cql::plan::Op::Constant);
  CHECK(s.plan.constants[root(s).a].as_int() == 6);
  const Compiled l = compile("[1, 2, 3].contains(2) AND !false");
  REQUIRE(root(l).op == cql::plan::Op::Constant);
  CHECK(l.plan.constants[root(l).a].as_bool());
}

TEST_CASE("what fails or needs the entity is left for run time", "[unit][compile]") {
  CHECK(root(compile("1 / 0")).op == cql::plan::Op::Arith);
  CHECK(root(compile("false AND 1 / 0 > 0")).op == cql::plan::Op::And);
  CHECK(root(compile("entity.tag()")).op == cql::plan::Op::Call);
  CHECK(root(compile("now()")).op == cql::plan::Op::Call);
  CHECK(root(compile("captures(\"x\", 1)")).op == cql::plan::Op::Call);
  CHECK(root(compile("[1, 2].map(x => x * 2)")).op == cql::plan::Op::LambdaMethod);
}

TEST_CASE("custom() with a constant key becomes a direct lookup", "[unit][compile]") {
  const Compiled c = compile("custom(\"tier\") == 1");
  REQUIRE(root(c).op == cql::plan::Op::KeyEqual);  // the lookup compared with a constant, fused
  const auto& lookup = c.plan.nodes[root(c).a];
  REQUIRE(lookup.op == cql::plan::Op::CustomKey);
  CHECK(c.plan.constants[lookup.a].as_string() == "tier");
  // A dotted key may walk nested objects: the full call stays.
  CHECK(root(compile("custom(\"a.b\")")).op == cql::plan::Op::Call);
}

TEST_CASE("constant arguments of facts-backed calls get their canonical text at compile time", "[unit][compile]") {
  auto program = cql::test::test_engine().compile(
      "git.numOfVulnerabilities(source = [\"GHAS\"], severity = [\"CRITICAL\", \"HIGH\"]) == 0 AND "
      "git.fileExists(path = \"README.md\")");
  REQUIRE(program.ok());
  const auto calls = program.value().calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].namespace_name == "git");
  CHECK(calls[0].answered_by_fallback);
  CHECK(calls[0].canonical_call == "numOfVulnerabilities(severity = [\"CRITICAL\", \"HIGH\"], source = [\"GHAS\"])");
  CHECK(calls[1].canonical_call == "fileExists(\"README.md\")");
  CHECK(calls[1].arguments.size() == 1);
  CHECK(calls[1].arguments[0]->as_string() == "README.md");
}

TEST_CASE("prepared state is bound to its call", "[unit][compile]") {
  auto program = cql::test::test_engine().compile("custom(\"owner\").matches(\"team-[a-z]\")");
  REQUIRE(program.ok());
  const auto calls = program.value().calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].name == "custom");
  CHECK(calls[1].name == "matches");
  CHECK(calls[1].is_method);
  CHECK(calls[1].prepared != nullptr);
}
