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

#include "cql/context.hpp"
#include "cql/diagnostic.hpp"
#include "cql/engine.hpp"
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

// ---- Running a batch ----------------------------------------------------------------------

// Every rule and filter query compiled once (spec/scorecards.md §4.1). Holds pointers into the
// scorecards it was compiled from, which must outlive it. Immutable; shareable between threads.
struct CompiledFilter {
  const EntityFilter* filter = nullptr;
  std::optional<Program> query;
};
struct CompiledRule {
  const ScorecardRule* rule = nullptr;
  Program program;
  CompiledFilter filter;
};
struct CompiledScorecard {
  const Scorecard* scorecard = nullptr;
  CompiledFilter filter;
  std::vector<CompiledRule> rules;
};
struct CompiledScorecards {
  std::vector<CompiledScorecard> scorecards;
  std::vector<Diagnostic> diagnostics;  // every compile error of every rule and filter query
  bool ok() const noexcept {
    for (const auto& d : diagnostics) {
      if (d.severity == Severity::Error) return false;
    }
    return true;
  }
};
CompiledScorecards compile_scorecards(const Engine& engine, const std::vector<Scorecard>& scorecards);

// The data a run reads. The caller owns it; it must outlive run_batch().
struct BatchData {
  const Catalog* catalog = nullptr;           // required: the entities to score
  const Facts* facts = nullptr;               // may be null
  std::shared_ptr<IssueSource> issues;        // may be null: no Jira configured
  const JiraSettings* jira_settings = nullptr;
};

// A snapshot of a run, for progress displays (spec/scorecards.md §4.4).
struct BatchProgress {
  std::string_view phase;  // "planning", "fetching", "scoring", "done"
  std::size_t entities_done = 0, entities_total = 0;
  std::int64_t requests_sent = 0, requests_cached = 0, errors = 0;
  std::int64_t elapsed_ms = 0;
  std::optional<std::int64_t> eta_ms;  // while scoring, once an entity is done
};

struct BatchOptions {
  Timestamp now;                 // the evaluation clock
  bool now_given = true;         // false: resuming a checkpoint adopts the checkpoint's clock
  unsigned jobs = 0;             // evaluation threads; 0: every core
  std::uint64_t shard_index = 1, shard_count = 1;  // score only shard I of N (FNV-1a-64 of the tag)
  std::vector<Exemption> exemptions;
  const BatchReport* previous = nullptr;  // --previous: keeps outcomes on provider errors
  std::string checkpoint;        // JSON Lines file of finished entities; empty: none
  bool plan_jira = true;         // plan and prefetch Jira queries before evaluating
  Limits limits;
  // Called from a helper thread every progress_interval_ms, and once at the end.
  std::function<void(const BatchProgress&)> progress;
  std::int64_t progress_interval_ms = 250;
};

struct BatchRun {
  BatchReport report;
  // Entities a failing filter query excluded, checkpoint lines that could not be written ...
  // (warnings that make `cql score` exit 1).
  std::vector<Diagnostic> problems;
  std::string plan;  // the Jira plan in words (what --explain-plan prints)
};

// Scores every entity of the catalog (of the shard) against every scorecard. Per-entity and
// per-rule failures are results, not errors; the Result fails only when the run cannot start
// (a checkpoint of another run: kind Usage; an unreadable/unwritable checkpoint: kind Io).
Result<BatchRun> run_batch(const CompiledScorecards& scorecards, const BatchData& data, const BatchOptions& options);

// Plans the Jira queries without evaluating anything (--explain-plan). Sends only the requests
// planning itself needs (known projects/components, and one count per grouped listing).
Result<std::string> explain_batch_plan(const CompiledScorecards& scorecards, const BatchData& data,
                                       const BatchOptions& options);

}  // namespace cql
