// `cql merge FILE...` (spec/cli.md, scorecards.md §4.5): joins the JSON outputs of sharded
// `cql score` runs into one report; exit 65 when they do not fit together, 74 when a file
// cannot be read.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "batch/merge.hpp"
#include "batch/report_output.hpp"
#include "cli/commands.hpp"

namespace cql::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> files;
  std::string output;
  std::string format = "json";
};

int run_merge(const MergeOptions& options) {
  const auto format = parse_report_format(options.format);
  if (!format) {
    fmt::print(stderr, "cql: error: unknown format `{}` (json, csv, md, junit, html, table)\n", options.format);
    return kExitUsage;
  }
  std::vector<batch::NamedReport> inputs;
  for (const auto& file : options.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      fmt::print(stderr, "cql: error: cannot read {}\n", file);
      return kExitIo;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto report = read_json_report(file, text.str());
    if (!report) {
      std::cerr << render(report.errors());
      return kExitDataErr;
    }
    inputs.push_back({file, std::move(report.value())});
  }
  auto merged = batch::merge_reports(std::move(inputs));
  if (!merged) {
    std::cerr << render(merged.errors());
    return kExitDataErr;
  }
  if (options.output.empty()) {
    write_report(std::cout, merged.value(), *format);
    std::cout.flush();
    return kExitOk;
  }
  std::string error;
  if (!batch::write_report_file(options.output, merged.value(), *format, error)) {
    fmt::print(stderr, "cql: error: {}\n", error);
    return kExitIo;
  }
  return kExitOk;
}

}  // namespace

void add_merge_command(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  auto* cmd = app.add_subcommand("merge", "join the JSON results of sharded `cql score --shard I/N` runs");
  cmd->add_option("files", options->files, "JSON outputs of the shards")->required();
  cmd->add_option("-o,--output", options->output, "write the merged report to FILE instead of stdout");
  cmd->add_option("--format", options->format, "json (default), csv, md, junit, html or table");
  cmd->callback([options] { set_exit_status(run_merge(*options)); });
}

}  // namespace cql::cli
