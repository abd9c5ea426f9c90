#pragma once
// The `json` report (spec/scorecards.md §5) as a JSON document, both ways. Entity results are
// also the unit of checkpoint lines, so they convert on their own.

#include <optional>
#include <string>

#include "batch/value_json.hpp"
#include "cql/batch.hpp"

namespace cql::batch {

Json entity_result_to_json(const EntityResult& entity);
Json scorecard_result_to_json(const ScorecardResult& scorecard);
Json report_to_json(const BatchReport& report);

// `where` names the JSON path for messages (`scorecards[0].entities[3]`). On failure returns
// nullopt and sets `error` to a sentence naming the path.
std::optional<EntityResult> entity_result_from_json(const Json& json, const std::string& where, std::string& error);
std::optional<BatchReport> report_from_json(const Json& json, std::string& error);

}  // namespace cql::batch
