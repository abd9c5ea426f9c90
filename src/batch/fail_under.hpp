#pragma once
// `--fail-under LEVEL|PERCENT` (spec/scorecards.md §4.6). A number (optionally followed by `%`)
// is a percentage: not met when a scored entity's percentage is below it. Anything else is a
// level name: not met when a scored entity has no level or one ranked below it; scorecards
// without a level of that name are skipped.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "cql/batch.hpp"

namespace cql::batch {

struct FailUnder {
  std::variant<double, std::string> threshold;  // percentage or level name
};

// nullopt (with `error`) for an empty value or a percentage outside 0-100.
std::optional<FailUnder> parse_fail_under(std::string_view text, std::string& error);

struct ThresholdMiss {
  std::string scorecard, entity, detail;
};

// Every entity below the threshold (empty when it is met). `level_found` tells whether any
// scorecard has the named level (a LEVEL that no scorecard knows is probably a typo).
std::vector<ThresholdMiss> threshold_misses(const BatchReport& report, const FailUnder& fail_under, bool& level_found);

}  // namespace cql::batch
