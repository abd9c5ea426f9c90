// Entry point of the `cql` command line (spec/cli.md). Subcommands live in their own files
// (src/cli/<name>_command.cpp) and are wired here.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"cql: evaluate Cortex CQL rules and score catalogs"};
  app.require_subcommand(1);
  cql::cli::add_version_command(app);
  cql::cli::add_jql_command(app);
  cql::cli::add_merge_command(app);
  cql::cli::add_jira_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : cql::cli::kExitUsage;
  }
  return cql::cli::exit_status();
}
