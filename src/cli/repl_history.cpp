#include "cli/repl_history.hpp"

namespace cql::cli {

std::string default_history_path(const char* xdg_state_home_env, const char* home_env) {
  // The XDG spec says a relative path in these variables is invalid and must be ignored.
  if (xdg_state_home_env != nullptr && xdg_state_home_env[0] == '/') {
    return std::string(xdg_state_home_env) + "/cql/history";
  }
  if (home_env != nullptr && home_env[0] != '\0') return std::string(home_env) + "/.local/state/cql/history";
  return {};
}

}  // namespace cql::cli
