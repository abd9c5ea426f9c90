// The fused nodes of src/compile/specialise.cpp (custom("key") compared with a constant) must
// answer exactly as the unfused Equal / Compare nodes they replace: the same value, or the same
// error kind, message and span, for every type pairing, operator, side and step limit.
//
// Each expression is compiled once; the reference is the same plan with the fused nodes turned
// back into Equal / Compare (their operand nodes stay in the plan, so that is the general path).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "check/checker.hpp"
#include "compile/compiler.hpp"
#include "engine_test_registry.hpp"
#include "eval/evaluate.hpp"
#include "parse/parser.hpp"

namespace {

struct Compiled {
  cql::ast::Expression expression;
  cql::plan::Plan plan;
};

// nullopt when the checker rejects the expression (e.g. a statically impossible comparison).
std::optional<Compiled> compile(const std::string& text) {
  static const cql::Registry registry = cql::test::test_registry();
  static const cql::check::NameIndex names(registry);
  Compiled out;
  auto parsed = cql::parse::parse_expression(std::make_shared<const cql::SourceFile>("<expr>", text));
  REQUIRE(parsed.ok());
  out.expression = std::move(parsed).value();
  auto checked = cql::check::check_expression(out.expression, names, {});
  if (checked.has_errors) return std::nullopt;
  out.plan = std::move(checked.plan);
  REQUIRE(cql::compile::compile_plan(out.plan, out.expression).empty());
  return out;
}

std::size_t fused_nodes(const cql::plan::Plan& plan) {
  std::size_t n = 0;
  for (const auto& node : plan.nodes) {
    n += node.op == cql::plan::Op::KeyEqual || node.op == cql::plan::Op::KeyCompare;
  }
  return n;
}

cql::plan::Plan unfused(cql::plan::Plan plan) {
  for (auto& node : plan.nodes) {
    if (node.op == cql::plan::Op::KeyEqual) node.op = cql::plan::Op::Equal;
    if (node.op == cql::plan::Op::KeyCompare) node.op = cql::plan::Op::Compare;
  }
  return plan;
}

cql::EvalResult evaluate(const Compiled& c, const cql::plan::Plan& plan, const cql::Value& custom,
                         const cql::Limits& limits = {}) {
  cql::Entity entity = cql::test::test_entity();
  entity.custom = custom;
  cql::EvalContext context(entity);
  context.now = cql::test::test_now();
  context.limits = limits;
  return cql::eval::evaluate(plan, c.expression.source, context);
}

// The fused and the unfused plan agree on value, or on error kind, message and span.
void require_same(const Compiled& c, const cql::Value& custom, const cql::Limits& limits = {}) {
  const cql::EvalResult fused = evaluate(c, c.plan, custom, limits);
  const cql::EvalResult general = evaluate(c, unfused(c.plan), custom, limits);
  INFO("custom data: " << cql::to_cql_literal(custom) << ", max_steps " << limits.max_steps);
  INFO("general: " << (general.ok() ? cql::to_cql_literal(general.value) : general.error->message));
  INFO("fused: " << (fused.ok() ? cql::to_cql_literal(fused.value) : fused.error->message));
  REQUIRE(fused.ok() == general.ok());
  if (general.ok()) {
    CHECK(fused.value.type() == general.value.type());
    CHECK(cql::equals(fused.value, general.value));
    return;
  }
  CHECK(fused.error->kind == general.error->kind);
  CHECK(fused.error->message == general.error->message);
  CHECK(fused.error->span.begin == general.error->span.begin);
  CHECK(fused.error->span.end == general.error->span.end);
}

cql::Value data() {
  return cql::Value(cql::Object({
      {"s", cql::Value("MOW")},
      {"longer_text_key", cql::Value("a text longer than sixteen bytes")},
      {"i", cql::Value(100)},
      {"d", cql::Value(100.0)},
      {"frac", cql::Value(99.5)},
      {"big", cql::Value(std::int64_t{9007199254740993})},
      {"nan", cql::Value(std::nan(""))},
      {"b", cql::Value(true)},
      {"n", cql::Value()},
      {"l", cql::Value(cql::List{cql::Value(1)})},
      {"dur", cql::Value("P1D")},
      {"ts", cql::Value("2026-01-01T00:00:00Z")},
      {"bad", cql::Value("not a time")},
  }));
}

const std::vector<std::string> kKeys = {"s", "longer_text_key", "i", "d", "frac", "big", "nan", "b", "n", "l",
                                        "dur", "ts", "bad", "missing"};
const std::vector<std::string> kConstants = {"\"MOW\"", "\"MOX\"", "\"a text longer than sixteen bytes\"", "100",
                                             "100.0", "99.5", "9007199254740992.0", "true", "null", "[1]",
                                             "duration(\"P1D\")", "duration(\"PT1H\")",
                                             "timestamp(\"2026-01-01T00:00:00Z\")", "\"\""};
const std::vector<std::string> kOperators = {"==", "!=", "<", "<=", ">", ">="};

}  // namespace

TEST_CASE("custom(key) compared with a constant becomes one fused node", "[unit][eval][fast_path]") {
  const auto c = compile("(custom(\"Origin\") == \"MOW\" OR \"RU\" == custom(\"Country\")) AND "
                         "(custom(\"Value\") >= 100 OR 1 > custom(\"Adults\"))");
  REQUIRE(c);
  CHECK(fused_nodes(c->plan) == 4);
  // Not the shape: a dotted key (a full call), two lookups, a lookup against arithmetic.
  for (const char* text : {"custom(\"a.b\") == 1", "custom(\"a\") == custom(\"b\")", "custom(\"a\") < 1 + custom(\"b\")"}) {
    const auto other = compile(text);
    REQUIRE(other);
    CHECK(fused_nodes(other->plan) == 0);
  }
}

TEST_CASE("fused comparisons answer as the general path for every type pairing", "[unit][eval][fast_path]") {
  const cql::Value custom = data();
  std::size_t compared = 0;
  for (const auto& key : kKeys) {
    for (const auto& constant : kConstants) {
      for (const auto& op : kOperators) {
        for (const bool key_left : {true, false}) {
          const std::string lookup = "custom(\"" + key + "\")";
          const std::string text = key_left ? lookup + " " + op + " " + constant : constant + " " + op + " " + lookup;
          const auto c = compile(text);
          if (!c) continue;  // rejected by the checker: never evaluated
          INFO(text);
          REQUIRE(fused_nodes(c->plan) == 1);
          require_same(*c, custom);
          ++compared;
        }
      }
    }
  }
  // Most pairings pass the checker (custom() is of unknown type): the loop really compared.
  CHECK(compared > kKeys.size() * kConstants.size() * kOperators.size());
}

TEST_CASE("fused comparisons on custom data that is not an object read null", "[unit][eval][fast_path]") {
  for (const char* text : {"custom(\"s\") == null", "custom(\"s\") != \"MOW\"", "custom(\"i\") < 3", "3 >= custom(\"i\")"}) {
    const auto c = compile(text);
    REQUIRE(c);
    INFO(text);
    for (const cql::Value& custom : {cql::Value(), cql::Value(cql::List{}), cql::Value("text")}) {
      require_same(*c, custom);
    }
  }
  // A null operand of an ordering names the lookup in the message.
  const auto c = compile("custom(\"missing\") < 3");
  REQUIRE(c);
  const cql::EvalResult r = evaluate(*c, c->plan, data());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->kind == cql::ErrorKind::Type);
  CHECK(r.error->message == "cannot apply `<` to null: custom(\"missing\") is null");
}

TEST_CASE("fused comparisons stop at the step limit on the same node", "[unit][eval][fast_path]") {
  const auto c = compile("(custom(\"s\") == \"MOW\" OR \"RU\" == custom(\"n\")) AND "
                         "(custom(\"i\") >= 100 OR 1 > custom(\"d\")) AND custom(\"i\") != 100");
  REQUIRE(c);
  REQUIRE(fused_nodes(c->plan) == 5);
  std::size_t failed = 0;
  for (std::uint64_t steps = 0; steps <= 20; ++steps) {
    cql::Limits limits;
    limits.max_steps = steps;
    require_same(*c, data(), limits);
    failed += !evaluate(*c, c->plan, data(), limits).ok();
  }
  // Every limit below the evaluation's step count fails, each on its own node; the rest pass.
  CHECK(failed >= 10);
  CHECK(failed < 21);
}

TEST_CASE("fused comparisons used as values, under NOT and in lambdas answer as the general path",
          "[unit][eval][fast_path]") {
  const char* texts[] = {
      "[custom(\"i\") < 3, 3 >= custom(\"i\"), custom(\"s\") == \"MOW\"]",
      "(custom(\"i\") == 100) == true",
      "!(custom(\"s\") != \"MOW\") AND !(custom(\"missing\") == null)",
      "[1, 2].map(x => custom(\"i\") > 99 OR x > 1)",
      "[1, 2].filter(x => x > 1 OR custom(\"n\") < 3)",
  };
  for (const char* text : texts) {
    const auto c = compile(text);
    REQUIRE(c);
    INFO(text);
    CHECK(fused_nodes(c->plan) > 0);
    require_same(*c, data());
    for (std::uint64_t steps = 0; steps <= 12; ++steps) {
      cql::Limits limits;
      limits.max_steps = steps;
      require_same(*c, data(), limits);
    }
  }
}
