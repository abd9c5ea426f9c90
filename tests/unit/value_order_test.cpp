#include <catch2/catch.hpp>

#include <cmath>

#include "cql/time.hpp"
#include "eval/value_order.hpp"

using namespace cql;

namespace {
Value obj(std::vector<std::pair<std::string, Value>> entries) { return Value(Object(std::move(entries))); }
int cmp(const Value& a, const Value& b) {
  auto c = compare_values(a, b);
  REQUIRE(c.has_value());
  return *c;
}
}  // namespace

TEST_CASE("numbers order exactly across int and double", "[unit][value][order]") {
  CHECK(cmp(Value(1), Value(2)) < 0);
  CHECK(cmp(Value(2), Value(1.5)) > 0);
  CHECK(cmp(Value(1.5), Value(2)) < 0);
  CHECK(cmp(Value(3), Value(3.0)) == 0);
  CHECK(cmp(Value(-1), Value(-0.5)) < 0);
  CHECK(cmp(Value(-1), Value(-1.5)) > 0);
  CHECK(cmp(Value(std::int64_t{9007199254740993}), Value(9007199254740992.0)) > 0);
  CHECK(cmp(Value(std::numeric_limits<std::int64_t>::max()), Value(9223372036854775808.0)) < 0);
  CHECK(cmp(Value(std::numeric_limits<std::int64_t>::min()), Value(-1e300)) > 0);
  CHECK_FALSE(compare_values(Value(1), Value(std::nan(""))).has_value());
}

TEST_CASE("strings, durations, timestamps and semvers order, other pairs do not", "[unit][value][order]") {
  CHECK(cmp(Value("Alpha"), Value("alpha")) < 0);
  CHECK(cmp(Value("é"), Value("z")) > 0);  // code point order
  CHECK(cmp(Value(Duration{1}), Value(Duration{2})) < 0);
  CHECK(cmp(Value(Timestamp{5}), Value(Timestamp{5})) == 0);
  CHECK(cmp(Value(*parse_semver("1.10.0")), Value(*parse_semver("1.9.0"))) > 0);
  CHECK_FALSE(compare_values(Value(1), Value("1")).has_value());
  CHECK_FALSE(compare_values(Value(), Value()).has_value());
  CHECK_FALSE(compare_values(Value(true), Value(false)).has_value());
  CHECK_FALSE(compare_values(Value(List{}), Value(List{})).has_value());
  CHECK_FALSE(compare_values(Value(Duration{1}), Value(Timestamp{1})).has_value());
  CHECK(is_orderable(Type::Semver));
  CHECK_FALSE(is_orderable(Type::Bool));
}

TEST_CASE("equal values hash alike", "[unit][value][order]") {
  const std::pair<Value, Value> pairs[] = {
      {Value(3), Value(3.0)},
      {Value(0), Value(-0.0)},
      {obj({{"a", Value(1)}, {"b", Value("x")}}), obj({{"b", Value("x")}, {"a", Value(1.0)}})},
      {Value(List{Value(1), Value(List{})}), Value(List{Value(1.0), Value(List{})})},
      {Value(*parse_semver("1.0.0+a")), Value(*parse_semver("1.0.0+b"))},
      {Value("s"), Value("s")},
      {Value::namespace_handle("git"), Value::namespace_handle("git")},
  };
  for (const auto& [a, b] : pairs) {
    REQUIRE(equals(a, b));
    CHECK(hash_value(a) == hash_value(b));
  }
  CHECK(hash_value(Value(1)) != hash_value(Value(2)));
  CHECK(hash_value(Value(Duration{5})) != hash_value(Value(Timestamp{5})));
}
