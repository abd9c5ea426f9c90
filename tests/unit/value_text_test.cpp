#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "cql/time.hpp"
#include "cql/value.hpp"

using namespace cql;

namespace {
Value obj(std::vector<std::pair<std::string, Value>> entries) { return Value(Object(std::move(entries))); }
Value semver_value(const char* text) { return Value(*parse_semver(text)); }
}  // namespace

TEST_CASE("format_double is the shortest round-trip text", "[unit][value][text]") {
  CHECK(format_double(2.5) == "2.5");
  CHECK(format_double(82.4) == "82.4");
  CHECK(format_double(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_double(3.0) == "3");
  CHECK(format_double(-0.0) == "0");
  CHECK(format_double(3e-05) == "3e-05");
  CHECK(format_double(1e21) == "1e21");
  CHECK(format_double(1e300) == "1e300");
  CHECK(format_double(123456.0) == "123456");
  CHECK(format_double(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_double(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(format_double(std::nan("")) == "nan");
  for (double d : {0.1, 1.0 / 3.0, 1e-300, 6.02214076e23, -2.5e-7, 4503599627370497.0}) {
    CHECK(std::stod(format_double(d)) == d);
  }
}

TEST_CASE("CQL literal text of every type", "[unit][value][text]") {
  CHECK(to_cql_literal(Value()) == "null");
  CHECK(to_cql_literal(Value(true)) == "true");
  CHECK(to_cql_literal(Value(false)) == "false");
  CHECK(to_cql_literal(Value(3)) == "3");
  CHECK(to_cql_literal(Value(std::int64_t{-9223372036854775807 - 1})) == "-9223372036854775808");
  CHECK(to_cql_literal(Value(2.5)) == "2.5");
  CHECK(to_cql_literal(Value(3.0)) == "3.0");  // a double stays recognisable as a double
  CHECK(to_cql_literal(Value(1e21)) == "1e21");
  CHECK(to_cql_literal(Value("text")) == "\"text\"");
  CHECK(to_cql_literal(Value("a\"b\\c\nd\te\r\b\f")) == R"("a\"b\\c\nd\te\r\b\f")");
  CHECK(to_cql_literal(Value(std::string("\x01x", 2))) == R"("\u0001x")");
  CHECK(to_cql_literal(Value("Zürich 🚀")) == "\"Zürich 🚀\"");
  CHECK(to_cql_literal(Value(List{Value(1), Value(2)})) == "[1, 2]");
  CHECK(to_cql_literal(Value(List{})) == "[]");
  CHECK(to_cql_literal(obj({{"a", Value(1)}})) == "{\"a\": 1}");
  CHECK(to_cql_literal(obj({{"b", Value(List{Value("x")})}, {"a", Value()}})) == "{\"b\": [\"x\"], \"a\": null}");
  CHECK(to_cql_literal(Value(Duration{7 * 86400000LL})) == "duration(\"P7D\")");
  CHECK(to_cql_literal(Value(*parse_timestamp("2026-03-01T10:00:00Z"))) == "timestamp(\"2026-03-01T10:00:00Z\")");
  CHECK(to_cql_literal(semver_value("1.2.3")) == "semver(\"1.2.3\")");
  CHECK(to_cql_literal(Value::namespace_handle("jira")) == "jira");
}

TEST_CASE("JSON text of every type", "[unit][value][text]") {
  CHECK(to_json_text(Value()) == "null");
  CHECK(to_json_text(Value(true)) == "true");
  CHECK(to_json_text(Value(3)) == "3");
  CHECK(to_json_text(Value(3.0)) == "3.0");
  CHECK(to_json_text(Value(99.95)) == "99.95");
  CHECK(to_json_text(Value(std::numeric_limits<double>::infinity())) == "null");
  CHECK(to_json_text(Value("say \"hi\"")) == R"("say \"hi\"")");
  CHECK(to_json_text(Value(List{Value(1), Value("a")})) == R"([1, "a"])");
  CHECK(to_json_text(obj({{"a", Value(1)}, {"b", Value(List{})}})) == R"({"a": 1, "b": []})");
  CHECK(to_json_text(Value(Duration{90 * 60000})) == R"("PT1H30M")");
  CHECK(to_json_text(Value(Timestamp{250})) == R"("1970-01-01T00:00:00.250Z")");
  CHECK(to_json_text(semver_value("v1.2.3-rc.1+b")) == R"("1.2.3-rc.1+b")");
  CHECK(to_json_text(Value::namespace_handle("git")) == R"({"namespace": "git"})");
  CHECK(to_json_text(Value(List{Value(Duration{1000})})) == R"(["PT1S"])");
}

TEST_CASE("display text is unquoted for humans", "[unit][value][text]") {
  CHECK(to_display_text(Value("raw text")) == "raw text");
  CHECK(to_display_text(Value(3)) == "3");
  CHECK(to_display_text(Value(3.0)) == "3");
  CHECK(to_display_text(Value(87.5)) == "87.5");
  CHECK(to_display_text(Value(true)) == "true");
  CHECK(to_display_text(Value()) == "null");
  CHECK(to_display_text(Value(Duration{86400000})) == "P1D");
  CHECK(to_display_text(Value(Timestamp{0})) == "1970-01-01T00:00:00Z");
  CHECK(to_display_text(semver_value("2.0.0")) == "2.0.0");
  CHECK(to_display_text(Value::namespace_handle("jira")) == "jira");
  CHECK(to_display_text(Value(List{Value("a"), Value(1.5)})) == R"(["a", 1.5])");
  CHECK(to_display_text(obj({{"k", Value("v")}})) == R"({"k": "v"})");
}
