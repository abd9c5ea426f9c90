#pragma once
// Subcommand registration: each add_*_command adds one subcommand to the app and records its
// exit status through set_exit_status (sysexits, spec/cli.md).
#include <CLI/CLI.hpp>

namespace cql::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeErrors = 1;
inline constexpr int kExitThreshold = 2;
inline constexpr int kExitUsage = 64;
inline constexpr int kExitDataErr = 65;
inline constexpr int kExitUnavailable = 69;
inline constexpr int kExitSoftware = 70;
inline constexpr int kExitIo = 74;

void set_exit_status(int status);
int exit_status();

void add_version_command(CLI::App& app);
void add_eval_command(CLI::App& app);     // eval_command.cpp
void add_check_command(CLI::App& app);    // check_command.cpp
void add_fmt_command(CLI::App& app);      // fmt_command.cpp
void add_explain_command(CLI::App& app);  // explain_command.cpp
void add_jql_command(CLI::App& app);  // src/cli/jql_command.cpp: `cql jql check`
void add_merge_command(CLI::App& app);  // merge_command.cpp
void add_score_command(CLI::App& app);  // score_command.cpp
void add_jira_command(CLI::App& app);  // `cql jira test`
void add_repl_command(CLI::App& app);     // repl_command.cpp

}  // namespace cql::cli
