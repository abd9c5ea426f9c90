// Conversion of data strings to durations and timestamps (spec/cql.md §11).
#include "eval/coerce.hpp"

#include "cql/time.hpp"

namespace cql {

std::optional<Timestamp> coerce_timestamp(const Value& value) {
  if (value.type() == Type::Timestamp) return value.as_timestamp();
  if (value.type() == Type::String) return parse_timestamp(value.as_string());
  return std::nullopt;
}

std::optional<Duration> coerce_duration(const Value& value) {
  if (value.type() == Type::Duration) return value.as_duration();
  if (value.type() == Type::String) return parse_duration(value.as_string());
  return std::nullopt;
}

}  // namespace cql
