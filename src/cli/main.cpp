// Entry point of the `cql` command line (spec/cli.md). Subcommands live in their own files
// (src/cli/<name>_command.cpp) and are wired here.
#include <CLI/CLI.hpp>
#include <cstdio>

#include <string_view>

#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"

namespace {

// Whether --json appears among the options (before a `--`), so that even a command line that
// does not parse gets its error as JSON (spec/cli.md: any error with --json).
bool wants_json(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return false;
    if (arg == "--json") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cql: evaluate Cortex CQL rules and score catalogs"};
  app.require_subcommand(1);
  cql::cli::add_version_command(app);
  cql::cli::add_eval_command(app);
  cql::cli::add_check_command(app);
  cql::cli::add_fmt_command(app);
  cql::cli::add_explain_command(app);
  cql::cli::add_jql_command(app);
  cql::cli::add_merge_command(app);
  cql::cli::add_score_command(app);
  cql::cli::add_jira_command(app);
  cql::cli::add_repl_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0 && wants_json(argc, argv)) {
      cql::cli::report(cql::Diagnostic{cql::ErrorKind::Usage, cql::Severity::Error, e.what(), {}, {}, {}}, true);
      return cql::cli::kExitUsage;
    }
    const int code = app.exit(e);
    return code == 0 ? 0 : cql::cli::kExitUsage;
  }
  return cql::cli::exit_status();
}
