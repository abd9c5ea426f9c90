#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "cql/time.hpp"
#include "cql/value.hpp"

using namespace cql;

namespace {
Value obj(std::vector<std::pair<std::string, Value>> entries) { return Value(Object(std::move(entries))); }
Value semver_value(const char* text) { return Value(*parse_semver(text)); }
}  // namespace

TEST_CASE("ints and doubles compare numerically and exactly", "[unit][value][equality]") {
  CHECK(equals(Value(3), Value(3.0)));
  CHECK(equals(Value(3.0), Value(3)));
  CHECK_FALSE(equals(Value(3), Value(3.5)));
  CHECK(equals(Value(0), Value(-0.0)));
  // 2^53 + 1 is not representable as a double: it must not equal 2^53.
  CHECK_FALSE(equals(Value(std::int64_t{9007199254740993}), Value(9007199254740992.0)));
  CHECK(equals(Value(std::int64_t{9007199254740992}), Value(9007199254740992.0)));
  CHECK_FALSE(equals(Value(std::numeric_limits<std::int64_t>::max()), Value(9223372036854775808.0)));
  CHECK_FALSE(equals(Value(1), Value(std::nan(""))));
  CHECK_FALSE(equals(Value(std::nan("")), Value(std::nan(""))));
  CHECK(equals(Value(2.5), Value(2.5)));
}

TEST_CASE("values of different types are unequal", "[unit][value][equality]") {
  CHECK(equals(Value(), Value()));
  CHECK_FALSE(equals(Value(), Value(0)));
  CHECK_FALSE(equals(Value(true), Value(1)));
  CHECK_FALSE(equals(Value("1"), Value(1)));
  CHECK_FALSE(equals(Value("P7D"), Value(Duration{7 * 86400000LL})));  // conversion is the evaluator's job
  CHECK_FALSE(equals(Value(Duration{5}), Value(Timestamp{5})));
  CHECK_FALSE(equals(Value(List{}), obj({})));
  CHECK_FALSE(equals(Value::namespace_handle("jira"), Value("jira")));
}

TEST_CASE("scalars, lists and objects compare deeply", "[unit][value][equality]") {
  CHECK(equals(Value("abc"), Value("abc")));
  CHECK_FALSE(equals(Value("abc"), Value("abd")));
  CHECK(equals(Value(List{Value(1), Value("a")}), Value(List{Value(1.0), Value("a")})));
  CHECK_FALSE(equals(Value(List{Value(1), Value(2)}), Value(List{Value(2), Value(1)})));
  CHECK_FALSE(equals(Value(List{Value(1)}), Value(List{Value(1), Value(1)})));
  CHECK(equals(obj({{"a", Value(1)}, {"b", Value(2)}}), obj({{"b", Value(2)}, {"a", Value(1)}})));
  CHECK_FALSE(equals(obj({{"a", Value(1)}, {"b", Value(2)}}), obj({{"a", Value(1)}, {"c", Value(2)}})));
  CHECK_FALSE(equals(obj({{"a", Value(1)}}), obj({{"a", Value(1)}, {"b", Value()}})));
  CHECK(equals(obj({{"x", obj({{"y", Value(List{Value(true)})}})}}), obj({{"x", obj({{"y", Value(List{Value(true)})}})}})));
  Value shared(List{Value(1)});
  CHECK(equals(shared, shared));
  CHECK(equals(Value(Duration{5}), Value(Duration{5})));
  CHECK_FALSE(equals(Value(Duration{5}), Value(Duration{6})));
  CHECK(equals(Value(Timestamp{5}), Value(Timestamp{5})));
  CHECK(equals(Value::namespace_handle("git"), Value::namespace_handle("git")));
  CHECK_FALSE(equals(Value::namespace_handle("git"), Value::namespace_handle("jira")));
}

TEST_CASE("semver equality ignores build metadata only", "[unit][value][equality]") {
  CHECK(equals(semver_value("1.0.0+build.1"), semver_value("1.0.0+build.2")));
  CHECK(equals(semver_value("v1.0.0"), semver_value("1.0.0")));
  CHECK_FALSE(equals(semver_value("1.0.0-rc.1"), semver_value("1.0.0")));
}
