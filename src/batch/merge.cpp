#include "batch/merge.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace cql::batch {

namespace {

std::vector<std::string> rule_titles(const ScorecardResult& card) {
  std::vector<std::string> titles;
  for (const auto& r : card.summary.rules) titles.push_back(r.title);
  return titles;
}

bool same_levels(const std::vector<ScorecardLevel>& a, const std::vector<ScorecardLevel>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ScorecardLevel& x, const ScorecardLevel& y) {
    return x.name == y.name && x.rank == y.rank && x.color == y.color;
  });
}

std::vector<std::string> entity_rule_titles(const EntityResult& e) {
  std::vector<std::string> titles;
  for (const auto& r : e.rules) titles.push_back(r.title);
  return titles;
}

std::vector<std::string> scorecard_tags(const BatchReport& report) {
  std::vector<std::string> tags;
  for (const auto& card : report.scorecards) tags.push_back(card.tag);
  std::sort(tags.begin(), tags.end());
  return tags;
}

Diagnostic inconsistency(std::string message) {
  Diagnostic d;
  d.kind = ErrorKind::Syntax;
  d.message = std::move(message);
  return d;
}

}  // namespace

void normalize_report(BatchReport& report) {
  for (auto& card : report.scorecards) {
    std::sort(card.entities.begin(), card.entities.end(),
              [](const EntityResult& a, const EntityResult& b) { return a.tag < b.tag; });
    card.summary = summarize(card, rule_titles(card));
  }
}

Result<BatchReport> merge_reports(std::vector<NamedReport> inputs) {
  BatchReport merged;
  std::vector<Diagnostic> problems;
  std::map<std::string, std::size_t> card_index;
  std::map<std::string, std::string> card_origin;                    // tag -> first file
  std::map<std::pair<std::string, std::string>, std::string> owner;  // (scorecard, entity) -> file
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto& input = inputs[i];
    const RunStats& run = input.report.run;
    if (i == 0 || run.now.ms < merged.run.now.ms) merged.run.now = run.now;
    merged.run.duration_ms = std::max(merged.run.duration_ms, run.duration_ms);
    merged.run.requests += run.requests;
    merged.run.cache_hits += run.cache_hits;
    merged.run.errors += run.errors;
    if (scorecard_tags(input.report) != scorecard_tags(inputs[0].report)) {
      problems.push_back(inconsistency(fmt::format("{} and {} were not run with the same scorecards", inputs[0].name, input.name)));
      continue;
    }
    for (auto& card : input.report.scorecards) {
      auto [it, inserted] = card_index.emplace(card.tag, merged.scorecards.size());
      if (inserted) {
        card_origin[card.tag] = input.name;
        ScorecardResult empty = card;
        empty.entities.clear();
        merged.scorecards.push_back(std::move(empty));
      } else {
        const ScorecardResult& first = merged.scorecards[it->second];
        if (first.name != card.name || !same_levels(first.levels, card.levels) || rule_titles(first) != rule_titles(card)) {
          problems.push_back(inconsistency(fmt::format("scorecard `{}` differs between {} and {} (name, levels or rules)",
                                                       card.tag, card_origin[card.tag], input.name)));
          continue;
        }
      }
      ScorecardResult& target = merged.scorecards[it->second];
      const auto titles = rule_titles(target);
      for (auto& entity : card.entities) {
        auto [owner_it, fresh] = owner.emplace(std::make_pair(card.tag, entity.tag), input.name);
        if (!fresh) {
          problems.push_back(inconsistency(fmt::format("entity `{}` of scorecard `{}` appears in both {} and {}",
                                                       entity.tag, card.tag, owner_it->second, input.name)));
          continue;
        }
        if (entity_rule_titles(entity) != titles) {
          problems.push_back(inconsistency(fmt::format("{}: entity `{}` of scorecard `{}` does not list the scorecard's rules",
                                                       input.name, entity.tag, card.tag)));
          continue;
        }
        target.entities.push_back(std::move(entity));
      }
    }
  }
  if (!problems.empty()) return problems;
  normalize_report(merged);
  return merged;
}

}  // namespace cql::batch
