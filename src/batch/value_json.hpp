#pragma once
// cql::Value <-> JSON documents for the reports: the JSON form of spec/cli.md (durations and
// timestamps as canonical strings, semver as a string, a namespace as {"namespace": name}).
// Reading back gives plain JSON values (strings stay strings).

#include <nlohmann/json.hpp>

#include "cql/value.hpp"

namespace cql::batch {

using Json = nlohmann::ordered_json;

Json value_to_json(const Value& value);
Value json_to_value(const Json& json);

}  // namespace cql::batch
