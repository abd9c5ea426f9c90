// `cql repl [data options] [--history FILE]` (spec/cli.md "REPL").
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_options.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/repl_history.hpp"
#include "cli/repl_loop.hpp"
#include "cli/repl_session.hpp"

namespace cql::cli {

namespace {

struct ReplOptions {
  DataOptions data;
  std::string history;
};

int run(const ReplOptions& options) {
  // libedit reads multi-byte input according to LC_CTYPE; numbers are unaffected (LC_NUMERIC).
  std::setlocale(LC_CTYPE, "");
  auto loaded = load_data(options.data);
  if (!loaded) {
    report(loaded.error(), false);
    return exit_code_for(loaded.error().kind);
  }
  const bool interactive = isatty(STDIN_FILENO) != 0;
  const ReplStyle style(interactive &&
                        colour_wanted(isatty(STDOUT_FILENO) != 0, std::getenv("NO_COLOR"), std::getenv("TERM")));
  ReplSession session(options.data, std::move(loaded.value()), style);
  if (!interactive) return run_scriptable_repl(session, std::cin);
  const std::string history = options.history.empty()
                                  ? default_history_path(std::getenv("XDG_STATE_HOME"), std::getenv("HOME"))
                                  : options.history;
  return run_interactive_repl(session, style, history);
}

}  // namespace

void add_repl_command(CLI::App& app) {
  auto options = std::make_shared<ReplOptions>();
  auto* cmd = app.add_subcommand("repl", "an interactive session for trying expressions against an entity");
  options->data.add_to(*cmd);
  cmd->add_option("--history", options->history,
                  "the history file (default: $XDG_STATE_HOME/cql/history, else ~/.local/state/cql/history)");
  cmd->footer(
      "On a terminal: line editing, history, Tab completion, multi-line input and :help.\n"
      "Otherwise one expression per line in, one line out (the value or `error: MESSAGE`),\n"
      "with the caret diagnostic on stderr.");
  cmd->callback([options] { set_exit_status(run(*options)); });
}

}  // namespace cql::cli
