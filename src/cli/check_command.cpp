// `cql check [--json] [--strict] PATH...` / `cql check --expr EXPR` (spec/cli.md): every
// diagnostic of every file, exit 65 when any is an error.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "batch/scorecard_check.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/source_files.hpp"
#include "cql/engine.hpp"

namespace cql::cli {
namespace {

struct CheckCommandOptions {
  std::vector<std::string> paths;
  std::string expression;
  bool has_expression = false;
  bool json = false;
  bool strict = false;
};

bool is_scorecard_file(const std::string& path) {
  return path.ends_with(".yaml") || path.ends_with(".yml");
}

int run(const CheckCommandOptions& options) {
  if (options.paths.empty() == !options.has_expression) {
    report(Diagnostic{ErrorKind::Usage, Severity::Error, "give the files to check, or --expr EXPR", {}, {}, {}},
           options.json);
    return kExitUsage;
  }
  const Engine engine = EngineBuilder().build();
  CheckOptions check_options;
  check_options.strict = options.strict;

  std::vector<SourceRef> sources;
  int status = kExitOk;
  auto note_failure = [&](const Diagnostic& d) {
    report(d, options.json);
    // An invalid expression (65) outranks a file that could not be read (74) or bad usage (64).
    const int code = exit_code_for(d.kind);
    if (status == kExitOk || code == kExitDataErr) status = code;
  };
  if (options.has_expression) sources.push_back(std::make_shared<const SourceFile>("<expr>", options.expression));
  for (const std::string& path : options.paths) {
    auto files = expression_files(path);
    if (!files) {
      note_failure(files.error());
      continue;
    }
    for (const std::string& file : files.value()) {
      if (is_scorecard_file(file)) {
        for (const Diagnostic& d : batch::check_scorecard_file(engine, file, check_options)) {
          if (d.severity == Severity::Warning) report(d, options.json);
          else note_failure(d);
        }
        continue;
      }
      auto source = read_source(file);
      if (!source) {
        note_failure(source.error());
        continue;
      }
      sources.push_back(source.value());
    }
  }
  for (const SourceRef& source : sources) {
    for (const Diagnostic& d : engine.check(source, check_options)) {
      if (d.severity == Severity::Warning) {
        report(d, options.json);
      } else {
        note_failure(d);
      }
    }
  }
  return status;
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckCommandOptions>();
  auto* cmd = app.add_subcommand("check", "validate .cql files or an expression and print every diagnostic");
  cmd->add_option("paths", options->paths, ".cql files (one expression each) or directories of them");
  cmd->add_option("--expr", options->expression, "check this expression instead of files")
      ->each([options](const std::string&) { options->has_expression = true; });
  cmd->add_flag("--json", options->json, "one JSON line per diagnostic");
  cmd->add_flag("--strict", options->strict, "extension functions are errors, not warnings");
  cmd->callback([options] { set_exit_status(run(*options)); });
}

}  // namespace cql::cli
