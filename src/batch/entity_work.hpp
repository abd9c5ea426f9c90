#pragma once
// What the runner decided about one entity before evaluating its rules: which scorecards score
// it and, per rule, whether it applies, is exempt or must be evaluated. The Jira planner reads
// it to know which rules will run for which entity.

#include <cstdint>
#include <string>
#include <vector>

#include "cql/batch.hpp"

namespace cql::batch {

enum class RuleState : std::uint8_t { NotApplicable, Exempt, Evaluate };

struct ScorecardWork {
  bool scored = false;              // the scorecard's filter admits the entity
  std::vector<RuleState> rules;     // parallel to the scorecard's rules (empty when not scored)
};

struct EntityWork {
  const Entity* entity = nullptr;
  std::vector<ScorecardWork> scorecards;  // parallel to CompiledScorecards::scorecards
  std::vector<std::string> problems;      // filter queries that failed, with their position
};

}  // namespace cql::batch
