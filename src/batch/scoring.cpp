#include "batch/scoring.hpp"

#include <algorithm>

#include "batch/failure_message.hpp"

namespace cql::batch {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool has_any(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
    return std::find(have.begin(), have.end(), w) != have.end();
  });
}

bool type_listed(const std::vector<std::string>& types, const std::string& type) {
  return std::any_of(types.begin(), types.end(), [&](const std::string& t) { return iequals(t, type); });
}

std::string exemption_key(std::string_view scorecard, std::string_view entity, std::string_view rule) {
  // NUL cannot occur in YAML/JSON strings we accept as tags, so it separates unambiguously.
  std::string key;
  key.reserve(scorecard.size() + entity.size() + rule.size() + 2);
  key.append(scorecard).push_back('\0');
  key.append(entity).push_back('\0');
  key.append(rule);
  return key;
}

// The last recorded value of each capture, in the order names were first recorded.
std::vector<std::pair<std::string, Value>> last_captures(const std::vector<std::pair<std::string, Value>>& recorded) {
  std::vector<std::pair<std::string, Value>> out;
  for (const auto& [name, value] : recorded) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.first == name; });
    if (it == out.end()) out.emplace_back(name, value);
    else it->second = value;
  }
  return out;
}

std::string_view value_kind(const Value& v) { return v.is_number() ? "number" : type_name(v.type()); }

const RuleResult* find_rule(const EntityResult* previous, const std::string& title) {
  if (!previous) return nullptr;
  for (const auto& r : previous->rules) {
    if (r.title == title) return &r;
  }
  return nullptr;
}

// A provider failure keeps the previous outcome, when there was an evaluated one.
bool keep_previous(RuleResult& result, const RuleEvaluation& evaluation, const EntityResult* previous) {
  const RuleResult* before = find_rule(previous, result.title);
  if (!before || !(before->outcome == Outcome::Pass || before->outcome == Outcome::Fail || before->outcome == Outcome::Error)) {
    return false;
  }
  result.outcome = before->outcome;
  result.value = before->value;
  result.captures = before->captures;
  result.message = before->message;
  if (before->outcome == Outcome::Error && before->error) result.error = before->error;
  else result.error = evaluation.error;
  result.stale = true;
  return true;
}

RuleResult score_rule(const ScorecardRule& rule, const Entity& entity, const RuleEvaluation& evaluation,
                      const EntityResult* previous) {
  RuleResult result;
  result.title = rule.title;
  result.level = rule.level;
  result.weight = rule.weight;
  if (!evaluation.applicable) {
    result.outcome = Outcome::NotApplicable;
    return result;
  }
  if (evaluation.exempt) {
    result.outcome = Outcome::Exempt;
    return result;
  }
  result.captures = last_captures(evaluation.captures);
  result.value = evaluation.value;
  if (evaluation.error) {
    if (evaluation.error->kind == ErrorKind::Provider && keep_previous(result, evaluation, previous)) return result;
    result.outcome = Outcome::Error;
    result.error = evaluation.error;
  } else if (!evaluation.value) {
    result.outcome = Outcome::Error;
    result.error = RuleError{ErrorKind::Eval, "the rule was not evaluated"};
  } else if (evaluation.value->type() != Type::Bool) {
    result.outcome = Outcome::Error;
    result.error = RuleError{ErrorKind::Eval, "rule must evaluate to a boolean, got " + std::string(value_kind(*evaluation.value))};
  } else {
    result.outcome = evaluation.value->as_bool() ? Outcome::Pass : Outcome::Fail;
  }
  if (result.outcome != Outcome::Pass && !rule.failure_message.empty()) {
    result.message = render_failure_message(rule.failure_message, entity, result.captures);
  }
  return result;
}

}  // namespace

bool static_filter_matches(const EntityFilter& filter, const Entity& entity) {
  if (!filter.types_include.empty() && !type_listed(filter.types_include, entity.type)) return false;
  if (type_listed(filter.types_exclude, entity.type)) return false;
  if (!filter.groups_include.empty() && !has_any(filter.groups_include, entity.groups)) return false;
  if (has_any(filter.groups_exclude, entity.groups)) return false;
  return true;
}

bool is_effective(const ScorecardRule& rule, Timestamp now) {
  return !rule.effective_from || rule.effective_from->ms <= now.ms;
}

ExemptionIndex::ExemptionIndex(std::vector<Exemption> exemptions) {
  for (auto& e : exemptions) by_key_[exemption_key(e.scorecard, e.entity, e.rule)].push_back(std::move(e));
}

const Exemption* ExemptionIndex::find(std::string_view scorecard, std::string_view entity, std::string_view rule,
                                      Timestamp now) const {
  const auto it = by_key_.find(exemption_key(scorecard, entity, rule));
  if (it == by_key_.end()) return nullptr;
  for (const auto& e : it->second) {
    if (!e.until || e.until->ms > now.ms) return &e;
  }
  return nullptr;
}

void compute_score(EntityResult& result) {
  result.score = 0;
  result.total = 0;
  for (const auto& r : result.rules) {
    if (r.outcome == Outcome::NotApplicable || r.outcome == Outcome::Exempt) continue;
    result.total += r.weight;
    if (r.outcome == Outcome::Pass) result.score += r.weight;
  }
  result.percentage = result.total == 0 ? 100.0 : 100.0 * static_cast<double>(result.score) / static_cast<double>(result.total);
}

std::optional<std::string> reached_level(const std::vector<ScorecardLevel>& levels, const std::vector<RuleResult>& rules) {
  std::vector<const ScorecardLevel*> by_rank;
  for (const auto& l : levels) by_rank.push_back(&l);
  std::sort(by_rank.begin(), by_rank.end(), [](auto* a, auto* b) { return a->rank < b->rank; });
  auto rank_of = [&](const std::string& name) -> std::optional<std::int64_t> {
    for (const auto* l : by_rank) {
      if (l->name == name) return l->rank;
    }
    return std::nullopt;
  };
  // The lowest rank held by a failing (or erroring) applicable rule blocks that level and all above.
  std::optional<std::int64_t> lowest_blocking;
  for (const auto& r : rules) {
    if (!r.level || !(r.outcome == Outcome::Fail || r.outcome == Outcome::Error)) continue;
    if (auto rank = rank_of(*r.level); rank && (!lowest_blocking || *rank < *lowest_blocking)) lowest_blocking = rank;
  }
  std::optional<std::string> reached;
  for (const auto* l : by_rank) {
    if (lowest_blocking && l->rank >= *lowest_blocking) break;
    reached = l->name;
  }
  return reached;
}

EntityResult score_entity(const Scorecard& card, const Entity& entity, std::span<const RuleEvaluation> evaluations,
                          const EntityResult* previous) {
  EntityResult result;
  result.tag = entity.tag;
  result.name = entity.name;
  result.type = entity.type;
  result.rules.reserve(card.rules.size());
  for (std::size_t i = 0; i < card.rules.size(); ++i) {
    result.rules.push_back(score_rule(card.rules[i], entity, evaluations[i], previous));
  }
  compute_score(result);
  result.level = reached_level(card.levels, result.rules);
  return result;
}

}  // namespace cql::batch
