#pragma once
// The public batch API for embedders: score a catalog against scorecards (spec/scorecards.md
// §3-§5) and write the reports.
//
//   auto scorecards = cql::load_scorecards({"scorecards/"});          // cql/scorecard.hpp
//   cql::Engine engine = cql::EngineBuilder().build();
//   cql::CompiledScorecards compiled = cql::compile_scorecards(engine, scorecards.scorecards);
//   if (!compiled.ok()) { std::cerr << cql::render(compiled.diagnostics); return 65; }
//   cql::BatchData data{&catalog, &facts, issue_source, &jira_settings};
//   cql::BatchOptions options;
//   options.now = ...;
//   auto run = cql::run_batch(compiled, data, options);
//   if (run) cql::write_report(std::cout, run.value().report, cql::ReportFormat::Json);
//
// Results are plain data (copy and share freely); they are read back from JSON for
// `--previous`, checkpoints and `cql merge`.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/entity.hpp"
#include "cql/scorecard.hpp"
#include "cql/value.hpp"

namespace cql {

enum class Outcome : std::uint8_t { Pass, Fail, Error, Exempt, NotApplicable };
std::string_view outcome_name(Outcome outcome) noexcept;  // "pass" ... "not_applicable"
std::optional<Outcome> parse_outcome(std::string_view name) noexcept;

struct RuleError {
  ErrorKind kind = ErrorKind::Eval;
  std::string message;
};

struct RuleResult {
  std::string title;
  std::optional<std::string> level;
  std::int64_t weight = 1;
  Outcome outcome = Outcome::NotApplicable;
  std::optional<Value> value;       // the rule's value, when it was evaluated
  std::optional<RuleError> error;
  std::vector<std::pair<std::string, Value>> captures;  // by name, the last recorded value
  std::optional<std::string> message;  // rendered failure message (fail and error outcomes)
  bool stale = false;                  // outcome kept from --previous after a provider error
};

struct EntityResult {
  std::string tag, name, type;
  std::int64_t score = 0;
  std::int64_t total = 0;
  double percentage = 100;  // 0-100; 100 when total is 0
  std::optional<std::string> level;
  std::vector<RuleResult> rules;  // every rule of the scorecard, in scorecard order
};

struct RuleSummary {
  std::string title;
  std::int64_t pass = 0, fail = 0, error = 0, exempt = 0, not_applicable = 0;
};

struct ScorecardSummary {
  std::int64_t entities = 0;
  std::vector<std::pair<std::string, std::int64_t>> levels;  // every ladder level by rank, with its count
  std::vector<RuleSummary> rules;
};

struct ScorecardResult {
  std::string tag, name;
  std::vector<ScorecardLevel> levels;
  std::vector<EntityResult> entities;  // sorted by tag
  ScorecardSummary summary;
};

struct RunStats {
  Timestamp now;
  std::int64_t duration_ms = 0;
  std::int64_t requests = 0;    // requests sent to issue sources (cache misses)
  std::int64_t cache_hits = 0;
  std::int64_t errors = 0;      // rule outcomes that ended in error or stale
};

struct BatchReport {
  std::vector<ScorecardResult> scorecards;
  RunStats run;
};

// Recomputes `summary` from the entities (every ladder level, every rule of the first entity
// or of `rule_titles` when given).
ScorecardSummary summarize(const ScorecardResult& result, const std::vector<std::string>& rule_titles = {});

enum class ReportFormat : std::uint8_t { Json, Csv, Markdown, Junit, Html, Table };
std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept;
std::string_view report_format_name(ReportFormat format) noexcept;
std::string_view report_file_name(ReportFormat format) noexcept;  // scores.json, scores.junit.xml ...

// Writes the report in one format. Never throws.
void write_report(std::ostream& out, const BatchReport& report, ReportFormat format);

// Reads a JSON report (the `json` format). Errors name the file (and the JSON position).
Result<BatchReport> read_json_report(const std::string& name, const std::string& text);

// A snapshot of a run, for progress displays (spec/scorecards.md §4.4).
struct BatchProgress {
  std::string_view phase;  // "planning", "fetching", "scoring", "done"
  std::size_t entities_done = 0, entities_total = 0;
  std::int64_t requests_sent = 0, requests_cached = 0, errors = 0;
  std::int64_t elapsed_ms = 0;
  std::optional<std::int64_t> eta_ms;  // while scoring, once an entity is done
};

}  // namespace cql
