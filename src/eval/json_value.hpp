#pragma once
// nlohmann::json <-> Value (spec/cli.md JSON form; spec/cql.md §11 for numbers).
//
// JSON -> Value: objects keep their key order (with nlohmann::ordered_json input; plain
// nlohmann::json sorts keys itself); integers and integral floating numbers that fit in 64 bits
// become ints (`85.0` -> 85), other numbers doubles; binary values are not supported (they
// never come from a JSON or YAML parser) and become null.
// Value -> JSON: the JSON form of spec/cli.md (durations/timestamps as canonical strings,
// semver as a string, a namespace as {"namespace": name}, non-finite doubles as null).
#include <nlohmann/json.hpp>

#include "cql/value.hpp"

namespace cql {

Value value_from_json(const nlohmann::ordered_json& json);
Value value_from_json(const nlohmann::json& json);
nlohmann::ordered_json value_to_json(const Value& value);

// A double that is integral and fits in int64 becomes an int; otherwise the double.
Value number_value(double d) noexcept;

}  // namespace cql
