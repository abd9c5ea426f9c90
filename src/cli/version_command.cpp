#include <fmt/format.h>

#include "cli/commands.hpp"

namespace cql::cli {

namespace {
int g_exit_status = kExitOk;
}

void set_exit_status(int status) { g_exit_status = status; }
int exit_status() { return g_exit_status; }

void add_version_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "print the version of cql");
  cmd->callback([] { fmt::print("cql {}\n", CQL_VERSION); });
}

}  // namespace cql::cli
