// JQL dates (spec/jira.md §5, §7): formats, relative periods, date functions, minute floor.
#include <catch2/catch.hpp>

#include "cql/time.hpp"
#include "jql/jql_dates.hpp"

using namespace cql;
using namespace cql::jql;

namespace {

Timestamp at(const char* iso) { return *parse_timestamp(iso); }

constexpr std::int64_t kMin = 60'000, kHour = 60 * kMin, kDay = 24 * kHour, kWeek = 7 * kDay;

std::optional<Timestamp> fn(const char* name, std::vector<std::string> args, const char* now) {
  std::string error;
  auto t = evaluate_date_function(name, args, at(now), error);
  if (!t) INFO(error);
  return t;
}

}  // namespace

TEST_CASE("relative periods: units w d h m, a number alone is minutes", "[unit][jql][dates]") {
  CHECK(parse_period_ms("-7d") == -7 * kDay);
  CHECK(parse_period_ms("-4w 2d") == -(4 * kWeek + 2 * kDay));
  CHECK(parse_period_ms("4w2d") == 4 * kWeek + 2 * kDay);
  CHECK(parse_period_ms("+1h") == kHour);
  CHECK(parse_period_ms("15m") == 15 * kMin);
  CHECK(parse_period_ms("-5") == -5 * kMin);
  CHECK(parse_period_ms("1d 2h 3m") == kDay + 2 * kHour + 3 * kMin);
  CHECK_FALSE(parse_period_ms(""));
  CHECK_FALSE(parse_period_ms("-"));
  CHECK_FALSE(parse_period_ms("7x"));
  CHECK_FALSE(parse_period_ms("1y"));
  CHECK_FALSE(parse_period_ms("d"));
}

TEST_CASE("absolute dates: yyyy-MM-dd, yyyy/MM/dd, optional HH:mm, validated", "[unit][jql][dates]") {
  const Timestamp now = at("2026-06-01T12:00:00Z");
  CHECK(parse_jql_date("2024-02-29", now) == at("2024-02-29T00:00:00Z"));
  CHECK(parse_jql_date("2024/02/29", now) == at("2024-02-29T00:00:00Z"));
  CHECK(parse_jql_date("2024/1/5", now) == at("2024-01-05T00:00:00Z"));
  CHECK(parse_jql_date("2024-01-05 7:05", now) == at("2024-01-05T07:05:00Z"));
  CHECK(parse_jql_date("2024-01-05 23:59", now) == at("2024-01-05T23:59:00Z"));
  CHECK(parse_jql_date("-1d", now) == at("2026-05-31T12:00:00Z"));
  CHECK_FALSE(parse_jql_date("2023-02-29", now));
  CHECK_FALSE(parse_jql_date("2024-13-01", now));
  CHECK_FALSE(parse_jql_date("2024-01-05 24:00", now));
  CHECK_FALSE(parse_jql_date("2024-01-05T10:00", now));
  CHECK_FALSE(parse_jql_date("2024-01/05", now));
  CHECK_FALSE(parse_jql_date("24-01-05", now));
  CHECK_FALSE(parse_jql_date("yesterday", now));
}

TEST_CASE("date functions relative to the clock (a Wednesday)", "[unit][jql][dates]") {
  const char* now = "2026-06-03T15:30:00Z";
  CHECK(fn("now", {}, now) == at(now));
  CHECK(fn("startOfDay", {}, now) == at("2026-06-03T00:00:00Z"));
  CHECK(fn("startOfDay", {"-1"}, now) == at("2026-06-02T00:00:00Z"));
  CHECK(fn("startOfDay", {"+1h"}, now) == at("2026-06-03T01:00:00Z"));
  CHECK(fn("startofweek", {}, now) == at("2026-05-31T00:00:00Z"));  // Sunday
  CHECK(fn("startOfWeek", {"1"}, now) == at("2026-06-07T00:00:00Z"));
  CHECK(fn("endOfWeek", {}, now) == at("2026-06-06T23:59:59.999Z"));
  CHECK(fn("endOfWeek", {"+1w"}, now) == at("2026-06-13T23:59:59.999Z"));
  CHECK(fn("startOfMonth", {}, now) == at("2026-06-01T00:00:00Z"));
  CHECK(fn("startOfMonth", {"-3M"}, now) == at("2026-03-01T00:00:00Z"));
  CHECK(fn("startOfMonth", {"+14d"}, now) == at("2026-06-15T00:00:00Z"));
  CHECK(fn("endOfMonth", {}, now) == at("2026-06-30T23:59:59.999Z"));
  CHECK(fn("endOfMonth", {"-1"}, now) == at("2026-05-31T23:59:59.999Z"));
  CHECK(fn("startOfYear", {}, now) == at("2026-01-01T00:00:00Z"));
  CHECK(fn("endOfYear", {"-1"}, now) == at("2025-12-31T23:59:59.999Z"));
  CHECK(fn("endOfDay", {"+1"}, now) == at("2026-06-04T23:59:59.999Z"));
  CHECK(fn("endOfDay", {"+1M"}, "2026-01-31T10:00:00Z") == at("2026-02-28T23:59:59.999Z"));  // clamped
  CHECK(fn("startOfWeek", {}, "2026-05-31T00:00:00Z") == at("2026-05-31T00:00:00Z"));
}

TEST_CASE("date functions reject bad arguments with a message", "[unit][jql][dates]") {
  std::string error;
  CHECK_FALSE(evaluate_date_function("now", {"1"}, at("2026-01-01T00:00:00Z"), error));
  CHECK(error == "Function 'now' expected '0' arguments but received '1'.");
  CHECK_FALSE(evaluate_date_function("startOfDay", {"1", "2"}, at("2026-01-01T00:00:00Z"), error));
  CHECK(error == "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.");
  CHECK_FALSE(evaluate_date_function("endOfMonth", {"1q"}, at("2026-01-01T00:00:00Z"), error));
  CHECK(error == "Function 'endOfMonth' got the increment '1q', which is not of the form (+/-)n(y|M|w|d|h|m).");
  CHECK(is_date_function("STARTOFDAY"));
  CHECK_FALSE(is_date_function("currentUser"));
}

TEST_CASE("dates compare to the minute", "[unit][jql][dates]") {
  CHECK(floor_to_minute(at("2026-06-01T12:34:56.789Z")) == at("2026-06-01T12:34:00Z"));
  CHECK(floor_to_minute(Timestamp{-1}) == Timestamp{-60'000});
  CHECK(floor_to_minute(Timestamp{0}) == Timestamp{0});
}
