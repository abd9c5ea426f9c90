#include <catch2/catch.hpp>

#include "cql/time.hpp"
#include "eval/coerce.hpp"
#include "eval/json_value.hpp"

using namespace cql;

TEST_CASE("JSON becomes values with integral numbers as ints and key order kept", "[unit][value][json]") {
  const auto json = nlohmann::ordered_json::parse(
      R"({"z": 1, "a": 2.0, "m": 2.5, "big": 18446744073709551615, "neg": -7, "s": "x", "l": [true, null], "o": {}})");
  Value v = value_from_json(json);
  REQUIRE(v.type() == Type::Object);
  const auto& entries = v.as_object().entries();
  REQUIRE(entries.size() == 8);
  CHECK(entries[0].first == "z");
  CHECK(entries[1].first == "a");
  CHECK(v.as_object().find("z")->type() == Type::Int);
  CHECK(v.as_object().find("a")->type() == Type::Int);
  CHECK(v.as_object().find("a")->as_int() == 2);
  CHECK(v.as_object().find("m")->type() == Type::Double);
  CHECK(v.as_object().find("big")->type() == Type::Double);
  CHECK(v.as_object().find("neg")->as_int() == -7);
  CHECK(v.as_object().find("s")->as_string() == "x");
  CHECK(to_json_text(*v.as_object().find("l")) == "[true, null]");
  CHECK(v.as_object().find("o")->as_object().size() == 0);
  CHECK(value_from_json(nlohmann::json(1e300)).type() == Type::Double);
  CHECK(value_from_json(nlohmann::json(-9223372036854775808.0)).type() == Type::Int);
  CHECK(value_from_json(nlohmann::json(9223372036854775808.0)).type() == Type::Double);
}

TEST_CASE("values become JSON in the CLI form", "[unit][value][json]") {
  Value v(Object({{"d", Value(Duration{1000})},
                  {"t", Value(Timestamp{0})},
                  {"s", Value(*parse_semver("1.2.3+b"))},
                  {"n", Value::namespace_handle("jira")},
                  {"x", Value(2.0)},
                  {"l", Value(List{Value(1), Value("a")})}}));
  CHECK(value_to_json(v).dump() ==
        R"({"d":"PT1S","t":"1970-01-01T00:00:00Z","s":"1.2.3+b","n":{"namespace":"jira"},"x":2.0,"l":[1,"a"]})");
  // Round trip through JSON keeps every JSON-representable value.
  Value plain(Object({{"b", Value(List{Value(true), Value()})}, {"a", Value(2.5)}}));
  CHECK(equals(value_from_json(value_to_json(plain)), plain));
}

TEST_CASE("data strings coerce to durations and timestamps", "[unit][value][coerce]") {
  CHECK(coerce_duration(Value("P7D"))->ms == 7 * 86400000LL);
  CHECK(coerce_duration(Value(Duration{5}))->ms == 5);
  CHECK_FALSE(coerce_duration(Value("7 days")).has_value());
  CHECK_FALSE(coerce_duration(Value(7)).has_value());
  CHECK_FALSE(coerce_duration(Value()).has_value());
  CHECK(coerce_timestamp(Value("1970-01-01T00:00:01Z"))->ms == 1000);
  CHECK(coerce_timestamp(Value(Timestamp{5}))->ms == 5);
  CHECK_FALSE(coerce_timestamp(Value("soon")).has_value());
  CHECK_FALSE(coerce_timestamp(Value(0)).has_value());
}
