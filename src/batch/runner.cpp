// run_batch(): the batch run of spec/scorecards.md §4.
//   1. open the checkpoint (a resumed run skips what it holds), pick the entities of the shard;
//   2. decide per entity which scorecards and rules apply (filters, effectiveFrom, exemptions);
//   3. plan the Jira queries of the rules that will run and fetch them concurrently;
//   4. evaluate entities x rules on a thread pool, appending each finished entity to the
//      checkpoint at once;
//   5. assemble the report (entities sorted by tag, summaries, run statistics).
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "batch/checkpoint.hpp"
#include "batch/entity_work.hpp"
#include "batch/jira_planner.hpp"
#include "batch/merge.hpp"
#include "batch/parallel.hpp"
#include "batch/planned_source.hpp"
#include "batch/scoring.hpp"
#include "batch/shard.hpp"
#include "cql/batch.hpp"
#include "cql/jira.hpp"

namespace cql {

namespace {

using namespace cql::batch;
using Clock = std::chrono::steady_clock;

std::string previous_key(std::string_view scorecard, std::string_view entity) {
  std::string key(scorecard);
  key.push_back('\0');
  key.append(entity);
  return key;
}

std::string where(const SourceRef& source, Span span) {
  if (!source) return {};
  const auto p = source->position(span.begin);
  return fmt::format("{}:{}:{}: ", source->name(), p.line, p.column);
}

// Everything the worker threads share.
class Run {
 public:
  Run(const CompiledScorecards& scorecards, const BatchData& data, const BatchOptions& options, Timestamp now)
      : scorecards_(scorecards), data_(data), options_(options), now_(now), exemptions_(options.exemptions) {
    if (data.issues) source_ = std::make_shared<PlannedSource>(data.issues);
    if (options.previous) {
      for (const auto& card : options.previous->scorecards) {
        for (const auto& e : card.entities) previous_.emplace(previous_key(card.tag, e.tag), &e);
      }
    }
  }

  PlannedSource* source() const { return source_.get(); }

  EvalContext context(const Entity& entity) const {
    EvalContext ctx(entity);
    ctx.catalog = data_.catalog;
    ctx.facts = data_.facts;
    ctx.issue_source = source_.get();
    ctx.jira_settings = data_.jira_settings;
    ctx.now = now_;
    ctx.limits = options_.limits;
    return ctx;
  }

  // A filter query: true/false, or nullopt after recording why it failed.
  std::optional<bool> filter_query(const CompiledFilter& filter, const EvalContext& ctx, const std::string& what,
                                   std::vector<std::string>& problems) const {
    if (!filter.query) return true;
    const EvalResult r = filter.query->evaluate(ctx);
    if (r.error) {
      problems.push_back(fmt::format("{}{} is not scored by {}: its filter query failed: {} error: {}",
                                     where(r.error->source ? r.error->source : filter.filter->query, r.error->span),
                                     ctx.entity.tag, what, kind_name(r.error->kind), r.error->message));
      return std::nullopt;
    }
    if (r.value.type() != Type::Bool) {
      problems.push_back(fmt::format("{}{} is not scored by {}: its filter query gave {}, not a boolean",
                                     where(filter.filter->query, Span{}), ctx.entity.tag, what, type_name(r.value.type())));
      return std::nullopt;
    }
    return r.value.as_bool();
  }

  EntityWork decide(const Entity& entity) const {
    EntityWork work;
    work.entity = &entity;
    work.scorecards.resize(scorecards_.scorecards.size());
    const EvalContext ctx = context(entity);
    for (std::size_t c = 0; c < scorecards_.scorecards.size(); ++c) {
      const CompiledScorecard& card = scorecards_.scorecards[c];
      const Scorecard& sc = *card.scorecard;
      if (!static_filter_matches(sc.filter, entity)) continue;
      if (filter_query(card.filter, ctx, fmt::format("scorecard `{}`", sc.tag), work.problems) != true) continue;
      ScorecardWork& w = work.scorecards[c];
      w.scored = true;
      w.rules.resize(card.rules.size(), RuleState::NotApplicable);
      for (std::size_t r = 0; r < card.rules.size(); ++r) {
        const CompiledRule& rule = card.rules[r];
        if (!is_effective(*rule.rule, now_) || !static_filter_matches(rule.rule->filter, entity)) continue;
        const std::string what = fmt::format("rule `{}` of scorecard `{}`", rule.rule->title, sc.tag);
        if (filter_query(rule.filter, ctx, what, work.problems) != true) continue;
        w.rules[r] = exemptions_.find(sc.tag, entity.tag, rule.rule->title, now_) ? RuleState::Exempt : RuleState::Evaluate;
      }
    }
    return work;
  }

  EntityRecord score(const EntityWork& work) const {
    EntityRecord record;
    const Entity& entity = *work.entity;
    record.entity = entity.tag;
    record.problems = work.problems;
    const EvalContext ctx = context(entity);
    for (std::size_t c = 0; c < scorecards_.scorecards.size(); ++c) {
      if (!work.scorecards[c].scored) continue;
      const CompiledScorecard& card = scorecards_.scorecards[c];
      std::vector<RuleEvaluation> evaluations(card.rules.size());
      for (std::size_t r = 0; r < card.rules.size(); ++r) {
        RuleEvaluation& ev = evaluations[r];
        const RuleState state = work.scorecards[c].rules[r];
        ev.applicable = state != RuleState::NotApplicable;
        ev.exempt = state == RuleState::Exempt;
        if (state != RuleState::Evaluate) continue;
        EvalResult result = card.rules[r].program.evaluate(ctx);
        for (auto& capture : result.captures) ev.captures.emplace_back(std::move(capture.name), std::move(capture.value));
        if (result.error) ev.error = RuleError{result.error->kind, result.error->message};
        else ev.value = std::move(result.value);
      }
      const auto prev = previous_.find(previous_key(card.scorecard->tag, entity.tag));
      EntityResult result = score_entity(*card.scorecard, entity, evaluations, prev == previous_.end() ? nullptr : prev->second);
      for (const auto& r : result.rules) record.errors += (r.outcome == Outcome::Error || r.stale) ? 1 : 0;
      record.results.emplace_back(card.scorecard->tag, std::move(result));
    }
    return record;
  }

 private:
  const CompiledScorecards& scorecards_;
  const BatchData& data_;
  const BatchOptions& options_;
  Timestamp now_;
  ExemptionIndex exemptions_;
  std::shared_ptr<PlannedSource> source_;
  std::unordered_map<std::string, const EntityResult*> previous_;
};

// Calls options.progress from a helper thread until stopped.
class ProgressTicker {
 public:
  ProgressTicker(const BatchOptions& options, std::function<BatchProgress()> sample)
      : options_(options), sample_(std::move(sample)) {
    if (options_.progress) thread_ = std::thread([this] { loop(); });
  }
  ~ProgressTicker() { stop(); }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (stopped_) return;
      stopped_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!stopped_) {
      wake_.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(options_.progress_interval_ms, 10)));
      if (stopped_) break;
      lock.unlock();
      options_.progress(sample_());
      lock.lock();
    }
  }
  const BatchOptions& options_;
  std::function<BatchProgress()> sample_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopped_ = false;
  std::thread thread_;
};

Diagnostic warning(std::string message) {
  Diagnostic d;
  d.kind = ErrorKind::Eval;
  d.severity = Severity::Warning;
  d.message = std::move(message);
  return d;
}

// The "who am I" check of every configured account (spec/jira.md §4), once per run before
// any query: a credential Jira does not accept would otherwise fail every query one by one.
std::map<std::string, std::string> verify_accounts(IssueSource& source, const JiraSettings* settings) {
  std::map<std::string, std::string> failed;
  if (!settings) return failed;
  for (const auto& account : settings->accounts) {
    const AccountCheck check = source.verify_identity(account.alias);
    if (!check.ok) failed.emplace(account.alias, check.error);
  }
  return failed;
}

CheckpointHeader checkpoint_header(const CompiledScorecards& scorecards, const BatchOptions& options) {
  CheckpointHeader header;
  header.now = options.now;
  for (const auto& card : scorecards.scorecards) header.scorecards[card.scorecard->tag] = card.scorecard->fingerprint;
  if (options.shard_count > 1) header.shard = format_shard(Shard{options.shard_index, options.shard_count});
  return header;
}

}  // namespace

Result<BatchRun> run_batch(const CompiledScorecards& scorecards, const BatchData& data, const BatchOptions& options) {
  const auto started = Clock::now();
  auto elapsed_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  };
  BatchRun out;
  Timestamp now = options.now;
  std::unique_ptr<Checkpoint> checkpoint;
  if (!options.checkpoint.empty()) {
    CheckpointHeader header = checkpoint_header(scorecards, options);
    auto opened = Checkpoint::open(options.checkpoint, header, options.now_given);
    if (!opened) return opened.errors();
    checkpoint = std::move(opened.value());
    now = header.now;
  }

  const Shard shard{options.shard_index, options.shard_count};
  std::vector<const Entity*> todo;
  std::vector<const EntityRecord*> resumed;
  for (const auto& entity : data.catalog->entities()) {
    if (shard.count > 1 && !in_shard(entity.tag, shard)) continue;
    if (checkpoint) {
      const auto it = checkpoint->done().find(entity.tag);
      if (it != checkpoint->done().end()) {
        resumed.push_back(&it->second);
        continue;
      }
    }
    todo.push_back(&entity);
  }

  Run run(scorecards, data, options, now);
  std::atomic<std::size_t> done{0};
  std::atomic<std::int64_t> errors{0};
  std::atomic<const char*> phase{"planning"};
  std::atomic<std::int64_t> scoring_started_ms{0};
  auto requests = [&](std::int64_t& sent, std::int64_t& cached) {
    sent = cached = 0;
    if (!run.source()) return;
    cached = run.source()->planned_hits();
    if (const auto stats = run.source()->cache_stats()) {
      sent += static_cast<std::int64_t>(stats->misses);
      cached += static_cast<std::int64_t>(stats->hits);
    } else {
      sent += run.source()->forwarded();
    }
  };
  auto sample = [&] {
    BatchProgress p;
    p.phase = phase.load();
    p.entities_done = done.load();
    p.entities_total = todo.size();
    requests(p.requests_sent, p.requests_cached);
    p.errors = errors.load();
    p.elapsed_ms = elapsed_ms();
    if (p.phase == std::string_view("scoring") && p.entities_done > 0) {
      const std::int64_t spent = elapsed_ms() - scoring_started_ms.load();
      p.eta_ms = spent * static_cast<std::int64_t>(p.entities_total - p.entities_done) / static_cast<std::int64_t>(p.entities_done);
    }
    return p;
  };
  ProgressTicker ticker(options, sample);

  // 2. Which scorecards and rules apply to each entity.
  std::vector<EntityWork> work(todo.size());
  parallel_for(todo.size(), options.jobs, [&](std::size_t i) { work[i] = run.decide(*todo[i]); });

  // 3. The Jira plan.
  std::map<std::string, std::string> failed_accounts;
  if (run.source() && !todo.empty()) {
    failed_accounts = verify_accounts(*run.source(), data.jira_settings);
    for (const auto& [account, error] : failed_accounts) out.problems.push_back(warning(error));
  }
  if (run.source() && options.plan_jira) {
    JiraPlanner planner(scorecards, data, *run.source());
    planner.set_failed_accounts(failed_accounts);
    planner.collect(work);
    planner.decide();
    phase = "fetching";
    planner.execute([] {});
    out.plan = planner.describe();
  }

  // 4. Evaluate.
  phase = "scoring";
  scoring_started_ms = elapsed_ms();
  std::vector<EntityRecord> records(todo.size());
  std::mutex problems_mutex;
  parallel_for(todo.size(), options.jobs, [&](std::size_t i) {
    records[i] = run.score(work[i]);
    errors += records[i].errors;
    if (checkpoint) {
      std::string error;
      if (!checkpoint->append(records[i], error)) {
        std::lock_guard lock(problems_mutex);
        out.problems.push_back(warning(error));
      }
    }
    done.fetch_add(1);
  });
  phase = "done";
  ticker.stop();

  // 5. The report.
  BatchReport& report = out.report;
  for (const auto& card : scorecards.scorecards) {
    ScorecardResult result;
    result.tag = card.scorecard->tag;
    result.name = card.scorecard->name;
    result.levels = card.scorecard->levels;
    report.scorecards.push_back(std::move(result));
  }
  std::unordered_map<std::string, std::size_t> card_index;
  for (std::size_t c = 0; c < report.scorecards.size(); ++c) card_index.emplace(report.scorecards[c].tag, c);
  std::int64_t total_errors = 0;
  auto add = [&](EntityRecord&& record) {
    for (const auto& problem : record.problems) out.problems.push_back(warning(problem));
    total_errors += record.errors;
    for (auto& [tag, result] : record.results) {
      const auto it = card_index.find(tag);
      if (it != card_index.end()) report.scorecards[it->second].entities.push_back(std::move(result));
    }
  };
  for (const auto* record : resumed) add(EntityRecord(*record));
  for (auto& record : records) add(std::move(record));
  for (std::size_t c = 0; c < report.scorecards.size(); ++c) {
    std::vector<std::string> titles;
    for (const auto& rule : scorecards.scorecards[c].rules) titles.push_back(rule.rule->title);
    report.scorecards[c].summary = summarize(report.scorecards[c], titles);
  }
  normalize_report(report);
  report.run.now = now;
  report.run.duration_ms = elapsed_ms();
  requests(report.run.requests, report.run.cache_hits);
  report.run.errors = total_errors;
  if (options.progress) options.progress(sample());
  return out;
}

Result<std::string> explain_batch_plan(const CompiledScorecards& scorecards, const BatchData& data,
                                       const BatchOptions& options) {
  if (!data.issues) return std::string("No Jira source is configured: the rules send no Jira request.\n");
  Run run(scorecards, data, options, options.now);
  const Shard shard{options.shard_index, options.shard_count};
  std::vector<const Entity*> todo;
  for (const auto& entity : data.catalog->entities()) {
    if (shard.count <= 1 || in_shard(entity.tag, shard)) todo.push_back(&entity);
  }
  std::vector<EntityWork> work(todo.size());
  parallel_for(todo.size(), options.jobs, [&](std::size_t i) { work[i] = run.decide(*todo[i]); });
  JiraPlanner planner(scorecards, data, *run.source());
  planner.set_failed_accounts(verify_accounts(*run.source(), data.jira_settings));
  planner.collect(work);
  planner.decide();
  return planner.describe();
}

}  // namespace cql
