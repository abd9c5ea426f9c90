// `cql score [data options] --scorecard PATH ...` (spec/cli.md, scorecards.md §4-§5): the batch
// run. Loads and validates everything first, compiles every rule (exit 65 before any request
// when one does not compile), plans and fetches the Jira queries, scores entities x rules on a
// thread pool and writes the reports.
//
// Exit: 0 done; 1 some rule ended in error, or an input or entity was skipped; 2 --fail-under
// not met (wins over 1); 64 bad usage; 65 invalid scorecard or rule; 74 a named path cannot be read.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "batch/fail_under.hpp"
#include "batch/progress_line.hpp"
#include "batch/report_output.hpp"
#include "batch/shard.hpp"
#include "cli/commands.hpp"
#include "cli/data_options.hpp"
#include "cql/batch.hpp"
#include "cql/scorecard.hpp"

namespace cql::cli {

namespace {

struct ScoreOptions {
  DataOptions data;
  std::vector<std::string> scorecards;
  std::string format;
  std::string output;
  std::string output_dir;
  unsigned jobs = 0;
  std::string checkpoint;
  std::string shard;
  std::string previous;
  std::string exemptions;
  std::string fail_under;
  bool explain_plan = false;
  std::string progress = "auto";
};

// Prints diagnostics; returns whether one of them is an error.
bool print_all(const std::vector<Diagnostic>& diagnostics) {
  bool error = false;
  for (const auto& d : diagnostics) {
    std::cerr << render(d);
    error = error || d.severity == Severity::Error;
  }
  return error;
}

int usage(const std::string& message) {
  fmt::print(stderr, "cql score: error: {}\n", message);
  return kExitUsage;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct OutputPlan {
  std::vector<ReportFormat> formats;
};

std::optional<OutputPlan> plan_outputs(const ScoreOptions& options, std::string& error) {
  OutputPlan plan;
  std::string list = options.format;
  if (list.empty()) list = options.output.empty() && options.output_dir.empty() && ::isatty(STDOUT_FILENO) ? "table" : "json";
  std::stringstream parts(list);
  for (std::string name; std::getline(parts, name, ',');) {
    const auto format = parse_report_format(name);
    if (!format) {
      error = fmt::format("unknown format `{}` (json, csv, md, junit, html, table)", name);
      return std::nullopt;
    }
    if (std::find(plan.formats.begin(), plan.formats.end(), *format) == plan.formats.end()) plan.formats.push_back(*format);
  }
  if (plan.formats.empty()) {
    error = "--format needs at least one format";
    return std::nullopt;
  }
  if (!options.output.empty() && !options.output_dir.empty()) {
    error = "use either --output FILE (one format) or --output-dir DIR, not both";
    return std::nullopt;
  }
  if (plan.formats.size() > 1 && options.output_dir.empty()) {
    error = "several formats need --output-dir DIR (it gets scores.json, scores.csv, ...)";
    return std::nullopt;
  }
  return plan;
}

int write_outputs(const ScoreOptions& options, const OutputPlan& plan, const BatchReport& report) {
  std::string error;
  if (!options.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.output_dir, ec);
    for (ReportFormat format : plan.formats) {
      const std::string path = (std::filesystem::path(options.output_dir) / report_file_name(format)).string();
      if (!batch::write_report_file(path, report, format, error)) {
        fmt::print(stderr, "cql score: error: {}\n", error);
        return kExitIo;
      }
    }
    return kExitOk;
  }
  if (!options.output.empty()) {
    if (!batch::write_report_file(options.output, report, plan.formats.front(), error)) {
      fmt::print(stderr, "cql score: error: {}\n", error);
      return kExitIo;
    }
    return kExitOk;
  }
  write_report(std::cout, report, plan.formats.front());
  std::cout.flush();
  return kExitOk;
}

// A progress line redrawn in place on stderr.
std::function<void(const BatchProgress&)> progress_display(const std::string& mode) {
  const bool show = mode == "always" || (mode == "auto" && ::isatty(STDERR_FILENO));
  if (!show) return {};
  return [](const BatchProgress& p) {
    fmt::print(stderr, "\r\033[K{}{}", batch::progress_line(p), p.phase == std::string_view("done") ? "\n" : "");
    std::fflush(stderr);
  };
}

int run_score(ScoreOptions& options) {
  // Usage first: nothing is loaded for a command line that cannot run.
  std::string error;
  const auto outputs = plan_outputs(options, error);
  if (!outputs) return usage(error);
  if (options.progress != "auto" && options.progress != "always" && options.progress != "never") {
    return usage(fmt::format("--progress must be auto, always or never, not `{}`", options.progress));
  }
  batch::Shard shard;
  if (!options.shard.empty()) {
    const auto parsed = batch::parse_shard(options.shard, error);
    if (!parsed) return usage(error);
    shard = *parsed;
  }
  std::optional<batch::FailUnder> fail_under;
  if (!options.fail_under.empty()) {
    fail_under = batch::parse_fail_under(options.fail_under, error);
    if (!fail_under) return usage(error);
  }

  // Scorecards, exemptions and the previous results.
  const ScorecardLoad scorecards = load_scorecards(options.scorecards);
  const bool scorecard_errors = print_all(scorecards.problems);
  if (scorecards.unreadable) return kExitIo;
  ExemptionLoad exemptions;
  bool exemption_errors = false;
  if (!options.exemptions.empty()) {
    exemptions = load_exemptions(options.exemptions);
    exemption_errors = print_all(exemptions.problems);
    if (exemptions.unreadable) return kExitIo;
  }
  std::optional<BatchReport> previous;
  if (!options.previous.empty()) {
    const auto text = read_file(options.previous);
    if (!text) {
      fmt::print(stderr, "cql score: error: cannot read --previous {}\n", options.previous);
      return kExitIo;
    }
    auto read = read_json_report(options.previous, *text);
    if (!read) {
      print_all(read.errors());
      return kExitDataErr;
    }
    previous = std::move(read.value());
  }

  // The data.
  auto loaded = load_data(options.data);
  if (!loaded) {
    print_all(loaded.errors());
    return loaded.error().kind == ErrorKind::Io ? kExitIo : kExitUsage;
  }
  const LoadedData& data = *loaded.value();

  // Compile everything before anything runs.
  const Engine engine = EngineBuilder(data.registry()).limits(Limits{}).build();
  const CompiledScorecards compiled = compile_scorecards(engine, scorecards.scorecards);
  const bool compile_errors = print_all(compiled.diagnostics);
  if (scorecard_errors || compile_errors || exemption_errors) return kExitDataErr;

  // The entities: the whole catalog, or the one chosen with --entity/--tag.
  Catalog single;
  const Catalog* catalog = data.catalog.get();
  if (!options.data.entity_file.empty() || !options.data.tag.empty() || !catalog) {
    single = Catalog({data.entity});
    catalog = &single;
  }
  BatchData batch_data;
  batch_data.catalog = catalog;
  batch_data.facts = data.facts.get();
  batch_data.issues = data.issue_source;
  batch_data.jira_settings = data.jira_settings.get();

  BatchOptions run_options;
  run_options.now = data.now;
  run_options.now_given = !options.data.now.empty();
  run_options.jobs = options.jobs;
  run_options.shard_index = shard.index;
  run_options.shard_count = shard.count;
  run_options.exemptions = exemptions.exemptions;
  run_options.previous = previous ? &*previous : nullptr;
  run_options.checkpoint = options.checkpoint;

  if (options.explain_plan) {
    auto plan = explain_batch_plan(compiled, batch_data, run_options);
    if (!plan) {
      print_all(plan.errors());
      return kExitUnavailable;
    }
    std::cout << plan.value();
    return kExitOk;
  }

  run_options.progress = progress_display(options.progress);
  auto run = run_batch(compiled, batch_data, run_options);
  if (!run) {
    print_all(run.errors());
    return run.error().kind == ErrorKind::Io ? kExitIo : kExitUsage;
  }
  print_all(run.value().problems);
  const BatchReport& report = run.value().report;
  if (const int status = write_outputs(options, *outputs, report); status != kExitOk) return status;

  if (fail_under) {
    bool level_found = false;
    const auto misses = batch::threshold_misses(report, *fail_under, level_found);
    if (std::holds_alternative<std::string>(fail_under->threshold) && !level_found) {
      fmt::print(stderr, "cql score: warning: no scorecard has a level named `{}`; --fail-under checked nothing\n",
                 std::get<std::string>(fail_under->threshold));
    }
    for (std::size_t i = 0; i < misses.size() && i < 20; ++i) {
      fmt::print(stderr, "cql score: {} / {}: {}\n", misses[i].scorecard, misses[i].entity, misses[i].detail);
    }
    if (misses.size() > 20) fmt::print(stderr, "cql score: ... and {} more below the threshold\n", misses.size() - 20);
    if (!misses.empty()) return kExitThreshold;
  }
  const bool skipped = !scorecards.problems.empty() || !run.value().problems.empty() || data.skipped_input;
  return report.run.errors > 0 || skipped ? kExitSomeErrors : kExitOk;
}

}  // namespace

void add_score_command(CLI::App& app) {
  auto options = std::make_shared<ScoreOptions>();
  auto* cmd = app.add_subcommand("score", "score a catalog against scorecards (the batch run)");
  options->data.add_to(*cmd);
  cmd->add_option("--scorecard", options->scorecards, "scorecard YAML file or directory (repeatable)")->required();
  cmd->add_option("--format", options->format, "json, csv, md, junit, html, table; several separated by commas");
  cmd->add_option("-o,--output", options->output, "write the (single) format to FILE");
  cmd->add_option("--output-dir", options->output_dir, "write every format to DIR/scores.<ext>");
  cmd->add_option("-j,--jobs", options->jobs, "evaluation threads (default: every core)");
  cmd->add_option("--checkpoint", options->checkpoint, "JSON Lines file of finished entities; a rerun skips them");
  cmd->add_option("--shard", options->shard, "score only shard I of N (I/N), by FNV-1a-64 of the tag");
  cmd->add_option("--previous", options->previous, "an earlier JSON result: provider errors keep its outcomes (stale)");
  cmd->add_option("--exemptions", options->exemptions, "JSON or YAML list of {scorecard, entity, rule, until?, reason?}");
  cmd->add_option("--fail-under", options->fail_under, "exit 2 when an entity is below LEVEL or PERCENT");
  cmd->add_flag("--explain-plan", options->explain_plan, "print the Jira plan (requests each way) and stop");
  cmd->add_option("--progress", options->progress, "progress on stderr: auto (when a terminal), always, never");
  cmd->callback([options] { set_exit_status(run_score(*options)); });
}

}  // namespace cql::cli
