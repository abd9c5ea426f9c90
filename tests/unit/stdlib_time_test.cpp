#include <catch2/catch.hpp>

#include "cql/time.hpp"
#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
struct Time {
  Registry registry;
  FakeCallContext ctx;
  Time() {
    register_time(registry);
    ctx.clock = *parse_timestamp("2026-06-01T12:00:00Z");
  }
  Value global(std::string_view name, std::vector<Value> args, bool constant = true) {
    return call_native(find_function(registry, name, std::nullopt), ctx, args, std::vector<bool>(args.size(), constant));
  }
  Value on(std::string_view name, Value receiver) {
    return call_native(find_function(registry, name, StaticType::Timestamp), ctx, {std::move(receiver)});
  }
};
std::string text(const Value& v) { return to_display_text(v); }
}  // namespace

TEST_CASE("duration() parses ISO-8601 and validates constants in prepare", "[unit][stdlib][time]") {
  Time t;
  CHECK(text(t.global("duration", {Value("P1W")})) == "P7D");
  CHECK(text(t.global("duration", {Value("P2DT3H")}, false)) == "P2DT3H");
  auto constant = failure_of([&] { t.global("duration", {Value("P7X")}); });
  REQUIRE(constant);
  CHECK(constant->kind == ErrorKind::Compile);
  CHECK(constant->message == "\"P7X\" is not an ISO-8601 duration");
  auto computed = failure_of([&] { t.global("duration", {Value("7 days")}, false); });
  REQUIRE(computed);
  CHECK(computed->kind == ErrorKind::Eval);
  CHECK(computed->message == "duration(): \"7 days\" is not an ISO-8601 duration");
}

TEST_CASE("timestamp() and now()", "[unit][stdlib][time]") {
  Time t;
  CHECK(text(t.global("timestamp", {Value("2026-03-01T10:00:00.000+0100")})) == "2026-03-01T09:00:00Z");
  CHECK(failure_of([&] { t.global("timestamp", {Value("yesterday")}); })->kind == ErrorKind::Compile);
  CHECK(failure_of([&] { t.global("timestamp", {Value("yesterday")}, false); })->kind == ErrorKind::Eval);
  CHECK(text(t.global("now", {})) == "2026-06-01T12:00:00Z");
  CHECK_FALSE(find_function(t.registry, "now", std::nullopt).pure);
  CHECK(find_function(t.registry, "now", std::nullopt).extension);
  CHECK(find_function(t.registry, "timestamp", std::nullopt).extension);
  CHECK_FALSE(find_function(t.registry, "duration", std::nullopt).extension);
}

TEST_CASE("fromNow and freshness relative to the clock", "[unit][stdlib][time]") {
  Time t;
  Value week_ago(*parse_timestamp("2026-05-25T12:00:00Z"));
  CHECK(text(t.on("fromNow", week_ago)) == "-P7D");
  CHECK(text(t.on("freshness", week_ago)) == "P7D");
  CHECK(text(t.on("fromNow", Value(*parse_timestamp("2026-06-02T12:00:00.500Z")))) == "P1DT0.5S");
  auto overflow = failure_of([&] { t.on("fromNow", Value(Timestamp{INT64_MIN})); });
  REQUIRE(overflow);
  CHECK(overflow->kind == ErrorKind::Eval);
  CHECK(overflow->message == ".fromNow(): duration overflow");
  t.ctx.clock = *parse_timestamp("2026-01-02T06:30:00Z");
  CHECK(text(t.on("freshness", Value(*parse_timestamp("2026-01-01T00:00:00Z")))) == "P1DT6H30M");
  CHECK(find_function(t.registry, "freshness", StaticType::Timestamp).is_property);
  CHECK_FALSE(find_function(t.registry, "fromNow", StaticType::Timestamp).is_property);
}
