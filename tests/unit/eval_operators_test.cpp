#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "cql/registry.hpp"
#include "cql/time.hpp"
#include "eval/operators.hpp"

using cql::Value;
using cql::ast::BinaryOp;
using cql::eval::arithmetic;

namespace {

constexpr std::size_t kBig = 1 << 20;

cql::ErrorKind failure_kind(BinaryOp op, const Value& a, const Value& b, std::size_t max_string = kBig) {
  try {
    arithmetic(op, a, b, max_string);
  } catch (const cql::EvalFailure& f) {
    return f.kind;
  }
  FAIL("no failure");
  return cql::ErrorKind::Syntax;
}

Value duration(const char* text) { return Value(*cql::parse_duration(text)); }
Value timestamp(const char* text) { return Value(*cql::parse_timestamp(text)); }

}  // namespace

TEST_CASE("integer arithmetic stays integral and checks overflow", "[unit][eval]") {
  CHECK(arithmetic(BinaryOp::Add, Value(2), Value(3), kBig).as_int() == 5);
  CHECK(arithmetic(BinaryOp::Mul, Value(-4), Value(3), kBig).as_int() == -12);
  CHECK(failure_kind(BinaryOp::Add, Value(std::numeric_limits<std::int64_t>::max()), Value(1)) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Mul, Value(std::numeric_limits<std::int64_t>::max()), Value(2)) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Sub, Value(std::numeric_limits<std::int64_t>::min()), Value(1)) == cql::ErrorKind::Eval);
}

TEST_CASE("division is a double, modulo needs ints and keeps the dividend's sign", "[unit][eval]") {
  const Value half = arithmetic(BinaryOp::Div, Value(7), Value(2), kBig);
  CHECK(half.type() == cql::Type::Double);
  CHECK(half.as_double() == 3.5);
  CHECK(arithmetic(BinaryOp::Div, Value(6), Value(3), kBig).type() == cql::Type::Double);
  CHECK(arithmetic(BinaryOp::Mod, Value(-7), Value(3), kBig).as_int() == -1);
  CHECK(arithmetic(BinaryOp::Mod, Value(7), Value(-3), kBig).as_int() == 1);
  CHECK(arithmetic(BinaryOp::Mod, Value(std::numeric_limits<std::int64_t>::min()), Value(-1), kBig).as_int() == 0);
  CHECK(failure_kind(BinaryOp::Div, Value(1), Value(0)) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Div, Value(1.5), Value(0.0)) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Mod, Value(7), Value(0)) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Mod, Value(7.5), Value(2)) == cql::ErrorKind::Type);
}

TEST_CASE("strings concatenate within the size limit", "[unit][eval]") {
  CHECK(arithmetic(BinaryOp::Add, Value("pay"), Value("ments"), kBig).as_string() == "payments");
  CHECK(failure_kind(BinaryOp::Add, Value("abc"), Value("def"), 5) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Add, Value("tier-"), Value(1)) == cql::ErrorKind::Type);
  CHECK(failure_kind(BinaryOp::Sub, Value("a"), Value("b")) == cql::ErrorKind::Type);
}

TEST_CASE("duration and timestamp arithmetic", "[unit][eval]") {
  CHECK(arithmetic(BinaryOp::Add, duration("P1D"), duration("PT12H"), kBig).as_duration() ==
        cql::parse_duration("P1DT12H"));
  CHECK(arithmetic(BinaryOp::Add, timestamp("2026-01-31"), duration("P1M"), kBig).as_timestamp() ==
        cql::parse_timestamp("2026-03-02"));
  CHECK(arithmetic(BinaryOp::Add, duration("P1D"), timestamp("2026-01-01"), kBig).as_timestamp() ==
        cql::parse_timestamp("2026-01-02"));
  CHECK(arithmetic(BinaryOp::Sub, timestamp("2026-06-01T12:00:00Z"), timestamp("2026-05-01"), kBig).as_duration() ==
        cql::parse_duration("P31DT12H"));
  CHECK(arithmetic(BinaryOp::Mul, duration("PT0.5S"), Value(4), kBig).as_duration() == cql::parse_duration("PT2S"));
  CHECK(arithmetic(BinaryOp::Mul, Value(1.5), duration("PT1H"), kBig).as_duration() == cql::parse_duration("PT90M"));
  CHECK(arithmetic(BinaryOp::Div, duration("P1D"), Value(2), kBig).as_duration() == cql::parse_duration("PT12H"));
  CHECK(arithmetic(BinaryOp::Div, duration("P1D"), duration("PT12H"), kBig).as_double() == 2.0);
  CHECK(failure_kind(BinaryOp::Div, duration("P1D"), duration("PT0S")) == cql::ErrorKind::Eval);
  CHECK(failure_kind(BinaryOp::Add, duration("P1D"), Value(1)) == cql::ErrorKind::Type);
  CHECK(failure_kind(BinaryOp::Add, timestamp("2026-01-01"), timestamp("2026-01-01")) == cql::ErrorKind::Type);
}

TEST_CASE("comparisons order numbers, strings, durations, timestamps and semvers", "[unit][eval]") {
  using cql::eval::compare;
  CHECK(compare(BinaryOp::Less, Value(1), Value(1.5)));
  CHECK(compare(BinaryOp::GreaterEqual, Value(2.0), Value(2)));
  // 2^53 + 1 is not a double: the int must still compare above 2^53 exactly.
  CHECK(compare(BinaryOp::Greater, Value(std::int64_t{9007199254740993}), Value(9007199254740992.0)));
  CHECK(compare(BinaryOp::Less, Value("Zebra"), Value("apple")));
  CHECK(compare(BinaryOp::Less, Value("z"), Value("\xc3\xa9")));  // 'z' < U+00E9
  CHECK(compare(BinaryOp::Greater, duration("P7D"), duration("P6DT23H59M59S")));
  CHECK(compare(BinaryOp::Less, Value("P1D"), duration("P2D")));  // data text read as a duration
  CHECK(compare(BinaryOp::Less, Value(*cql::parse_semver("1.9.9")), Value(*cql::parse_semver("1.10.0"))));
  auto type_error = [](const Value& a, const Value& b) {
    try {
      compare(BinaryOp::Less, a, b);
    } catch (const cql::EvalFailure& f) {
      return f.kind == cql::ErrorKind::Type;
    }
    return false;
  };
  CHECK(type_error(Value(), Value(1)));
  CHECK(type_error(Value("1"), Value(2)));
  CHECK(type_error(Value(true), Value(false)));
  CHECK(type_error(Value("soon"), duration("P1D")));
  CHECK(type_error(Value(*cql::parse_semver("1.0.0")), Value("2.0.0")));
}

TEST_CASE("equality is deep, never fails, and reads data text as durations and timestamps", "[unit][eval]") {
  using cql::eval::equal;
  CHECK(equal(Value(1), Value(1.0)));
  CHECK_FALSE(equal(Value(1), Value("1")));
  CHECK(equal(Value(), Value()));
  CHECK(equal(Value("P7D"), duration("P1W")));
  CHECK(equal(timestamp("2026-03-01T10:00:00Z"), Value("2026-03-01T11:00:00+01:00")));
  CHECK_FALSE(equal(Value("not a duration"), duration("P1D")));
}

TEST_CASE("unary minus", "[unit][eval]") {
  using cql::eval::negate;
  CHECK(negate(Value(3)).as_int() == -3);
  CHECK(negate(Value(2.5)).as_double() == -2.5);
  CHECK(negate(duration("P1D")).as_duration().ms == -86400000);
  CHECK_THROWS_AS(negate(Value(std::numeric_limits<std::int64_t>::min())), cql::EvalFailure);
  CHECK_THROWS_AS(negate(Value("x")), cql::EvalFailure);
}
