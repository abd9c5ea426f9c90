#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "cql/time.hpp"

using namespace cql;

namespace {
constexpr std::int64_t kS = 1000, kM = 60 * kS, kH = 60 * kM, kD = 24 * kH;

std::int64_t ms_of(const char* text) {
  auto d = parse_duration(text);
  INFO(text);
  REQUIRE(d.has_value());
  return d->ms;
}
}  // namespace

TEST_CASE("durations parse every designator with fixed calendar units", "[unit][time][duration]") {
  CHECK(ms_of("P7D") == 7 * kD);
  CHECK(ms_of("P1W") == 7 * kD);
  CHECK(ms_of("P1Y") == 365 * kD);
  CHECK(ms_of("P1M") == 30 * kD);
  CHECK(ms_of("PT1M") == kM);
  CHECK(ms_of("PT90M") == 90 * kM);
  CHECK(ms_of("PT2H") == 2 * kH);
  CHECK(ms_of("PT5S") == 5 * kS);
  CHECK(ms_of("P1Y2M3W4DT5H6M7S") == 450 * kD + 5 * kH + 6 * kM + 7 * kS);
  CHECK(ms_of("P0D") == 0);
}

TEST_CASE("durations take fractions exactly", "[unit][time][duration]") {
  CHECK(ms_of("P1.5D") == 36 * kH);
  CHECK(ms_of("PT1.5S") == 1500);
  CHECK(ms_of("PT0.25S") == 250);
  CHECK(ms_of("PT0.001S") == 1);
  CHECK(ms_of("PT0.0005S") == 1);  // half a millisecond rounds away from zero
  CHECK(ms_of("PT0.0004S") == 0);
  CHECK(ms_of("PT0.1H") == 6 * kM);
  CHECK(ms_of("PT0.123456789123S") == 123);
}

TEST_CASE("duration signs: leading, per component, mixed", "[unit][time][duration]") {
  CHECK(ms_of("-P90D") == -90 * kD);
  CHECK(ms_of("P-90D") == -90 * kD);
  CHECK(ms_of("-P90D") == ms_of("P-90D"));
  CHECK(ms_of("P1DT-1H") == 23 * kH);
  CHECK(ms_of("-P-1D") == kD);
  CHECK(ms_of("P+1D") == kD);
  CHECK(ms_of("PT-0.5S") == -500);
}

TEST_CASE("malformed durations are rejected", "[unit][time][duration]") {
  for (const char* bad : {"", "P", "PT", "-P", "P1DT", "p1d", "P1d", "pt1h", "PT1h", "1D", "P1", "PD", "P1.D",
                          "P.5D", "P1X", "P7X", "PT1D", "P1H", "P1D1D", "P1DT1S1M", "PT1M1H", "P1DP", "P1DTT1H",
                          " P1D", "P1D ", "P1M1Y", "P1W1Y", "P--1D", "P99999999999999999999D",
                          "P9999999999999D", "P1,5D"}) {
    INFO(bad);
    CHECK_FALSE(parse_duration(bad).has_value());
  }
}

TEST_CASE("duration canonical text", "[unit][time][duration]") {
  auto canonical = [](const char* text) { return format_duration(Duration{ms_of(text)}); };
  CHECK(canonical("P7D") == "P7D");
  CHECK(canonical("P1W") == "P7D");
  CHECK(canonical("PT90M") == "PT1H30M");
  CHECK(canonical("P-90D") == "-P90D");
  CHECK(canonical("-P90D") == "-P90D");
  CHECK(canonical("P0D") == "PT0S");
  CHECK(canonical("PT0S") == "PT0S");
  CHECK(canonical("P1Y2M3W4DT5H6M7S") == "P450DT5H6M7S");
  CHECK(canonical("P1DT-1H") == "PT23H");
  CHECK(canonical("P1.5D") == "P1DT12H");
  CHECK(canonical("PT1.5S") == "PT1.5S");
  CHECK(canonical("PT0.25S") == "PT0.25S");
  CHECK(canonical("PT0.001S") == "PT0.001S");
  CHECK(canonical("PT61.1S") == "PT1M1.1S");
  CHECK(canonical("P1DT1S") == "P1DT1S");
  CHECK(canonical("-PT0.5S") == "-PT0.5S");
  CHECK(format_duration(Duration{INT64_MIN}) == "-P106751991167DT7H12M55.808S");
  CHECK(format_duration(Duration{INT64_MAX}) == "P106751991167DT7H12M55.807S");
}

TEST_CASE("canonical duration text parses back to the same duration", "[unit][time][duration]") {
  for (std::int64_t ms : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, 999 * kD + 1, -36 * kH, kH + 7,
                          INT64_MAX, INT64_MIN + 1}) {
    INFO(ms);
    auto back = parse_duration(format_duration(Duration{ms}));
    REQUIRE(back.has_value());
    CHECK(back->ms == ms);
  }
}
