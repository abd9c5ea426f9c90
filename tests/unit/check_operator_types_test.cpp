#include <catch2/catch.hpp>

#include <vector>

#include "check/operator_types.hpp"
#include "cql/time.hpp"
#include "eval/operators.hpp"

using cql::StaticType;
using cql::Value;
using cql::ast::BinaryOp;

namespace {

// One value of each run-time type.
std::vector<Value> samples() {
  return {Value(),
          Value(true),
          Value(3),
          Value(2.5),
          Value("text"),
          Value(cql::List{Value(1)}),
          Value(cql::Object({{"a", Value(1)}})),
          Value(cql::Duration{60000}),
          Value(cql::Timestamp{1700000000000}),
          Value(*cql::parse_semver("1.2.3")),
          Value::namespace_handle("git")};
}

bool runtime_succeeds(BinaryOp op, const Value& a, const Value& b) {
  try {
    if (op == BinaryOp::Less) {
      cql::eval::compare(op, a, b);
    } else {
      cql::eval::arithmetic(op, a, b, 1 << 20);
    }
    return true;
  } catch (const cql::EvalFailure& f) {
    return f.kind != cql::ErrorKind::Type;  // division by zero etc. are not type errors
  }
}

}  // namespace

TEST_CASE("the static operator table agrees with the run-time operators", "[unit][check]") {
  // For every pair of concrete types, the checker must accept exactly the pairs the evaluator
  // can compute (strings are excluded against durations/timestamps: those depend on the text).
  for (BinaryOp op : {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div, BinaryOp::Mod, BinaryOp::Less}) {
    for (const Value& a : samples()) {
      for (const Value& b : samples()) {
        const auto sa = cql::check::static_type_of(a.type());
        const auto sb = cql::check::static_type_of(b.type());
        const bool statically_ok = cql::check::binary_result(op, sa, sb).has_value();
        INFO(cql::ast::op_text(op) << " " << cql::type_name(a.type()) << " " << cql::type_name(b.type()));
        const bool time_text = (a.type() == cql::Type::String || b.type() == cql::Type::String) &&
                               (a.type() == cql::Type::Duration || a.type() == cql::Type::Timestamp ||
                                b.type() == cql::Type::Duration || b.type() == cql::Type::Timestamp);
        if (time_text) continue;  // depends on whether the text reads as a duration/timestamp
        if (a.is_null() || b.is_null()) {
          CHECK_FALSE(runtime_succeeds(op, a, b));
          continue;
        }
        CHECK(statically_ok == runtime_succeeds(op, a, b));
      }
    }
  }
}

TEST_CASE("static operator results", "[unit][check]") {
  using cql::check::binary_result;
  using cql::check::unary_result;
  CHECK(binary_result(BinaryOp::Add, StaticType::Int, StaticType::Int) == StaticType::Int);
  CHECK(binary_result(BinaryOp::Add, StaticType::Int, StaticType::Double) == StaticType::Double);
  CHECK(binary_result(BinaryOp::Add, StaticType::Int, StaticType::Number) == StaticType::Number);
  CHECK(binary_result(BinaryOp::Div, StaticType::Int, StaticType::Int) == StaticType::Double);
  CHECK(binary_result(BinaryOp::Add, StaticType::Unknown, StaticType::Int) == StaticType::Number);
  CHECK(binary_result(BinaryOp::Add, StaticType::Unknown, StaticType::Unknown) == StaticType::Unknown);
  CHECK(binary_result(BinaryOp::Add, StaticType::String, StaticType::String) == StaticType::String);
  CHECK_FALSE(binary_result(BinaryOp::Add, StaticType::String, StaticType::Int));
  CHECK_FALSE(binary_result(BinaryOp::Less, StaticType::Null, StaticType::Int));
  CHECK_FALSE(binary_result(BinaryOp::Mod, StaticType::Double, StaticType::Int));
  CHECK(binary_result(BinaryOp::Less, StaticType::String, StaticType::Duration) == StaticType::Bool);
  CHECK(binary_result(BinaryOp::Equal, StaticType::Null, StaticType::List) == StaticType::Bool);
  CHECK_FALSE(binary_result(BinaryOp::Or, StaticType::Bool, StaticType::Int));
  CHECK(unary_result(cql::ast::UnaryOp::Not, StaticType::Unknown) == StaticType::Bool);
  CHECK_FALSE(unary_result(cql::ast::UnaryOp::Not, StaticType::String));
  CHECK(unary_result(cql::ast::UnaryOp::Negate, StaticType::Duration) == StaticType::Duration);
  CHECK_FALSE(unary_result(cql::ast::UnaryOp::Negate, StaticType::String));
}

TEST_CASE("parameters accept values that convert to them", "[unit][check]") {
  using cql::check::may_accept;
  CHECK(may_accept(StaticType::Duration, StaticType::String));
  CHECK(may_accept(StaticType::Double, StaticType::Int));
  CHECK(may_accept(StaticType::Number, StaticType::Int));
  CHECK(may_accept(StaticType::String, StaticType::Unknown));
  CHECK_FALSE(may_accept(StaticType::String, StaticType::Int));
  CHECK_FALSE(may_accept(StaticType::String, StaticType::Null));
  CHECK_FALSE(may_accept(StaticType::Int, StaticType::Double));
}
