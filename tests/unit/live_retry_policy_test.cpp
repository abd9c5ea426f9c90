#include <catch2/catch.hpp>

#include "sources/http_client.hpp"

using namespace cql::sources;
using namespace std::chrono_literals;

TEST_CASE("backoff starts at 5 s, doubles to 30 s and is scaled by the jitter", "[unit][live]") {
  const RetryPolicy spec;  // the defaults are jira.md §4's
  CHECK(backoff_delay(spec, 0, 1.0) == 5s);
  CHECK(backoff_delay(spec, 1, 1.0) == 10s);
  CHECK(backoff_delay(spec, 2, 1.0) == 20s);
  CHECK(backoff_delay(spec, 3, 1.0) == 30s);
  CHECK(backoff_delay(spec, 9, 1.0) == 30s);
  CHECK(backoff_delay(spec, 0, 0.7) == 3500ms);
  CHECK(backoff_delay(spec, 3, 1.3) == 39s);
  CHECK(spec.max_retries == 4);
}

TEST_CASE("Retry-After is read as seconds or as an HTTP date", "[unit][live]") {
  const auto now = std::chrono::system_clock::from_time_t(1445412480);  // Wed, 21 Oct 2015 07:28:00 GMT
  CHECK(parse_retry_after("3", now) == std::optional(3000ms));
  CHECK(parse_retry_after("0", now) == std::optional(0ms));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:07 GMT", now) == std::optional(7000ms));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now) == std::optional(0ms));  // already past
  CHECK_FALSE(parse_retry_after("", now));
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("99999999999", now));
}
