#pragma once
// Data strings that parse as ISO-8601 become durations / timestamps where one is needed
// (spec/cql.md §11): in comparisons with a duration or timestamp and for methods that take one.
#include <optional>

#include "cql/value.hpp"

namespace cql {

// The timestamp itself, or a string that parses as an ISO-8601 timestamp; otherwise nullopt.
std::optional<Timestamp> coerce_timestamp(const Value& value);
// The duration itself, or a string that parses as an ISO-8601 duration; otherwise nullopt.
std::optional<Duration> coerce_duration(const Value& value);

}  // namespace cql
