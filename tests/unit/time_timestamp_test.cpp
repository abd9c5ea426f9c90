#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "cql/time.hpp"

using namespace cql;

namespace {
// 2026-03-01T00:00:00Z in milliseconds since the epoch.
constexpr std::int64_t kMarch1 = 1772323200000;
constexpr std::int64_t kH = 3600 * 1000;

std::int64_t ms_of(const char* text) {
  auto t = parse_timestamp(text);
  INFO(text);
  REQUIRE(t.has_value());
  return t->ms;
}
}  // namespace

TEST_CASE("timestamps parse RFC 3339 forms and dates", "[unit][time][timestamp]") {
  CHECK(ms_of("1970-01-01T00:00:00Z") == 0);
  CHECK(ms_of("2026-03-01") == kMarch1);
  CHECK(ms_of("2026-03-01T10:00:00Z") == kMarch1 + 10 * kH);
  CHECK(ms_of("2026-03-01t10:00:00z") == kMarch1 + 10 * kH);
  CHECK(ms_of("2026-03-01 10:00:00Z") == kMarch1 + 10 * kH);
  CHECK(ms_of("2026-03-01T10:00:00") == kMarch1 + 10 * kH);  // no offset: UTC
  CHECK(ms_of("2026-03-01T10:00Z") == kMarch1 + 10 * kH);
  CHECK(ms_of("2026-03-01T10:00:00.250Z") == kMarch1 + 10 * kH + 250);
  CHECK(ms_of("2026-03-01T10:00:00.2Z") == kMarch1 + 10 * kH + 200);
  CHECK(ms_of("2026-03-01T10:00:00.123999Z") == kMarch1 + 10 * kH + 123);  // truncated to ms
}

TEST_CASE("timestamp offsets are normalised to UTC", "[unit][time][timestamp]") {
  CHECK(ms_of("2026-03-01T10:00:00.000+0100") == kMarch1 + 9 * kH);
  CHECK(ms_of("2026-03-01T10:00:00+01:00") == kMarch1 + 9 * kH);
  CHECK(ms_of("2026-03-01T10:00:00+01") == kMarch1 + 9 * kH);
  CHECK(ms_of("2026-03-01T10:00:00-05:30") == kMarch1 + 15 * kH + 30 * 60 * 1000);
  CHECK(ms_of("2026-03-01T00:30:00+01:00") == kMarch1 - 30 * 60 * 1000);
  CHECK(ms_of("2026-03-01T10:00:00+00:00") == ms_of("2026-03-01T10:00:00Z"));
}

TEST_CASE("malformed timestamps are rejected", "[unit][time][timestamp]") {
  for (const char* bad : {"", "2026", "2026-03", "2026-3-01", "26-03-01", "2026-13-01", "2026-00-10", "2026-02-29",
                          "2026-04-31", "2026-03-01T", "2026-03-01T25:00:00Z", "2026-03-01T10:60:00Z",
                          "2026-03-01T10:00:60Z", "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00+1",
                          "2026-03-01T10:00:00+24:00", "2026-03-01T10:00:00X", "2026-03-01T10:00:00Z ",
                          " 2026-03-01", "2026-03-01x", "P7D", "yesterday", "2026-03-01T10"}) {
    INFO(bad);
    CHECK_FALSE(parse_timestamp(bad).has_value());
  }
  CHECK(parse_timestamp("2024-02-29").has_value());
  CHECK_FALSE(parse_timestamp("2100-02-29").has_value());
  CHECK(parse_timestamp("2000-02-29").has_value());
}

TEST_CASE("timestamp canonical text", "[unit][time][timestamp]") {
  CHECK(format_timestamp(Timestamp{kMarch1 + 10 * kH}) == "2026-03-01T10:00:00Z");
  CHECK(format_timestamp(Timestamp{kMarch1 + 10 * kH + 250}) == "2026-03-01T10:00:00.250Z");
  CHECK(format_timestamp(Timestamp{kMarch1 + 7}) == "2026-03-01T00:00:00.007Z");
  CHECK(format_timestamp(Timestamp{0}) == "1970-01-01T00:00:00Z");
  CHECK(format_timestamp(Timestamp{-1}) == "1969-12-31T23:59:59.999Z");
  CHECK(format_timestamp(Timestamp{ms_of("2026-03-01T10:00:00.000+0100")}) == "2026-03-01T09:00:00Z");
  CHECK(format_timestamp(Timestamp{ms_of("0001-01-01")}) == "0001-01-01T00:00:00Z");
  CHECK(format_timestamp(Timestamp{ms_of("9999-12-31T23:59:59.999Z")}) == "9999-12-31T23:59:59.999Z");
  CHECK(format_timestamp(Timestamp{ms_of("2024-02-29T12:00:00Z")}) == "2024-02-29T12:00:00Z");
}

TEST_CASE("a month after January 31 is March 2 with fixed 30-day months", "[unit][time][timestamp]") {
  const std::int64_t jan31 = ms_of("2026-01-31");
  CHECK(format_timestamp(Timestamp{jan31 + 30 * 24 * kH}) == "2026-03-02T00:00:00Z");
}
