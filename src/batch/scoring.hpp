#pragma once
// Scoring one entity against one scorecard (spec/scorecards.md §3). Pure functions: the runner
// evaluates filters and rules, these turn the evaluations into outcomes, score and level.

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "cql/batch.hpp"
#include "cql/entity.hpp"
#include "cql/scorecard.hpp"

namespace cql::batch {

// The type and group conditions of a filter (`query` is evaluated by the caller).
bool static_filter_matches(const EntityFilter& filter, const Entity& entity);

// A rule counts only from its effectiveFrom instant on.
bool is_effective(const ScorecardRule& rule, Timestamp now);

// Exemptions by (scorecard, entity, rule title), matched exactly; an entry applies while it has
// no `until` or `until` is after the evaluation time.
class ExemptionIndex {
 public:
  ExemptionIndex() = default;
  explicit ExemptionIndex(std::vector<Exemption> exemptions);
  const Exemption* find(std::string_view scorecard, std::string_view entity, std::string_view rule,
                        Timestamp now) const;

 private:
  std::unordered_map<std::string, std::vector<Exemption>> by_key_;
};

// What evaluating one rule for one entity produced.
struct RuleEvaluation {
  bool applicable = true;  // the rule's filter passed and it is effective
  bool exempt = false;     // an exemption applies (the rule was not evaluated)
  std::optional<Value> value;         // set when evaluation returned a value
  std::optional<RuleError> error;     // set when evaluation failed
  std::vector<std::pair<std::string, Value>> captures;  // in recording order
};

// Scores the entity. `evaluations` is parallel to card.rules. `previous` (from --previous) is
// the entity's result of an earlier run, or null.
EntityResult score_entity(const Scorecard& card, const Entity& entity, std::span<const RuleEvaluation> evaluations,
                          const EntityResult* previous);

// The highest level reached (spec/scorecards.md §3), or nullopt. `rules` are the scored results.
std::optional<std::string> reached_level(const std::vector<ScorecardLevel>& levels,
                                         const std::vector<RuleResult>& rules);

// score / total / percentage of scored rules, as in the spec.
void compute_score(EntityResult& result);

}  // namespace cql::batch
