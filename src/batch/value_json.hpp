#pragma once
// Values in JSON reports. Writing uses the engine's value_to_json (the JSON form of spec/cli.md).
// Reading a report back keeps every JSON number's kind (a `5.0` stays a double, unlike
// value_from_json which turns integral doubles into ints), so a report read and written again —
// `cql merge`, checkpoints, `--previous` — is byte-for-byte what the run wrote.

#include <nlohmann/json.hpp>

#include "cql/value.hpp"
#include "eval/json_value.hpp"

namespace cql::batch {

using Json = nlohmann::ordered_json;

Value report_value_from_json(const Json& json);

}  // namespace cql::batch
