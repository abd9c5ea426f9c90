#pragma once
// Where the REPL keeps its history: `$XDG_STATE_HOME/cql/history`, else
// `~/.local/state/cql/history` (the XDG base-directory rule for state files). `--history FILE`
// overrides it (tests do).

#include <string>

namespace cql::cli {

// Empty when neither variable is set (then history lives only as long as the session).
std::string default_history_path(const char* xdg_state_home_env, const char* home_env);

}  // namespace cql::cli
