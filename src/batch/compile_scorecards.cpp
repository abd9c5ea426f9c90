// Compiles every rule expression and filter query of every scorecard before anything runs
// (spec/scorecards.md §4.1): all diagnostics are collected, positioned in the YAML files.
#include <algorithm>

#include <fmt/format.h>

#include "batch/scorecard_check.hpp"
#include "cql/batch.hpp"

namespace cql {

namespace {

// A filter query decides membership: a query that can never be a bool is a mistake now, not
// one error per entity later.
std::optional<Diagnostic> filter_type_error(const Program& program, const SourceRef& query) {
  const StaticType type = program.result_type();
  if (type == StaticType::Unknown || type == StaticType::Bool) return std::nullopt;
  Diagnostic d;
  d.kind = ErrorKind::Compile;
  d.message = fmt::format("a filter query must be a boolean, this one is {}", static_type_name(type));
  d.source = query;
  d.span = {0, static_cast<std::uint32_t>(query->text().size())};
  return d;
}

void compile_filter(const Engine& engine, const EntityFilter& filter, CompiledFilter& out,
                    std::vector<Diagnostic>& diagnostics) {
  out.filter = &filter;
  if (!filter.query) return;
  auto program = engine.compile(filter.query);
  if (!program) {
    for (const auto& d : program.errors()) diagnostics.push_back(d);
    return;
  }
  if (auto error = filter_type_error(program.value(), filter.query)) {
    diagnostics.push_back(std::move(*error));
    return;
  }
  out.query = std::move(program.value());
}

void check_filter(const Engine& engine, const EntityFilter& filter, const CheckOptions& options,
                  std::vector<Diagnostic>& diagnostics) {
  if (!filter.query) return;
  auto found = engine.check(filter.query, options);
  const bool clean = std::none_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
  for (auto& d : found) diagnostics.push_back(std::move(d));
  if (!clean) return;
  if (auto program = engine.compile(filter.query); program) {
    if (auto error = filter_type_error(program.value(), filter.query)) diagnostics.push_back(std::move(*error));
  }
}

}  // namespace

CompiledScorecards compile_scorecards(const Engine& engine, const std::vector<Scorecard>& scorecards) {
  CompiledScorecards out;
  out.scorecards.reserve(scorecards.size());
  for (const auto& card : scorecards) {
    CompiledScorecard compiled;
    compiled.scorecard = &card;
    compile_filter(engine, card.filter, compiled.filter, out.diagnostics);
    for (const auto& rule : card.rules) {
      CompiledRule r;
      r.rule = &rule;
      if (rule.expression) {
        auto program = engine.compile(rule.expression);
        if (program) r.program = std::move(program.value());
        else for (const auto& d : program.errors()) out.diagnostics.push_back(d);
      }
      compile_filter(engine, rule.filter, r.filter, out.diagnostics);
      compiled.rules.push_back(std::move(r));
    }
    out.scorecards.push_back(std::move(compiled));
  }
  return out;
}

namespace batch {

std::vector<Diagnostic> check_scorecards(const Engine& engine, const std::vector<Scorecard>& scorecards,
                                         const CheckOptions& options) {
  std::vector<Diagnostic> diagnostics;
  for (const auto& card : scorecards) {
    check_filter(engine, card.filter, options, diagnostics);
    for (const auto& rule : card.rules) {
      if (rule.expression) {
        for (auto& d : engine.check(rule.expression, options)) diagnostics.push_back(std::move(d));
      }
      check_filter(engine, rule.filter, options, diagnostics);
    }
  }
  return diagnostics;
}

std::vector<Diagnostic> check_scorecard_file(const Engine& engine, const std::string& path, const CheckOptions& options) {
  ScorecardLoad load = load_scorecards({path});
  std::vector<Diagnostic> diagnostics = std::move(load.problems);
  for (auto& d : check_scorecards(engine, load.scorecards, options)) diagnostics.push_back(std::move(d));
  return diagnostics;
}

}  // namespace batch

}  // namespace cql
