// `cql jira test --config FILE` (spec/cli.md, jira.md §4): checks every configured account with
// Jira's "who am I" call and prints one line per account; exit 69 when an account fails.
#include <fmt/format.h>

#include <future>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "sources/config.hpp"
#include "sources/live_source.hpp"

namespace cql::cli {

namespace {

std::string_view flavour_name(JiraFlavour f) { return f == JiraFlavour::Cloud ? "cloud" : "datacenter"; }

int run_jira_test(const std::string& path) {
  auto config = sources::load_config(path);
  if (!config) {
    fmt::print(stderr, "{}", render(config.errors()));
    return config.error().kind == ErrorKind::Io ? kExitIo : kExitDataErr;
  }
  const auto& accounts = config.value().jira.accounts;
  if (accounts.empty()) {
    fmt::print(stderr, "cql: error: {} configures no Jira accounts (add them under jira.accounts)\n", path);
    return kExitDataErr;
  }
  sources::LiveSource live(config.value().jira, config.value().retry);
  // Accounts are checked at the same time; the lines come out in configuration order.
  std::vector<std::future<AccountCheck>> checks;
  for (const auto& a : accounts) {
    if (a.base_url.empty()) {
      checks.push_back(std::async(std::launch::deferred, [] { return AccountCheck{true, {}, {}}; }));
    } else {
      checks.push_back(std::async(std::launch::async, [&live, alias = a.alias] { return live.verify_identity(alias); }));
    }
  }
  int status = kExitOk;
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    const auto& a = accounts[i];
    const AccountCheck check = checks[i].get();
    if (a.base_url.empty()) {
      fmt::print("{}: ok, offline dump {} (nothing to check)\n", a.alias, a.dump_file);
    } else if (check.ok) {
      fmt::print("{}: ok, {} {} as {}\n", a.alias, flavour_name(a.flavour), a.base_url, check.identity);
    } else {
      fmt::print("{}: failed: {}\n", a.alias, check.error);
      status = kExitUnavailable;
    }
  }
  std::fflush(stdout);
  return status;
}

}  // namespace

void add_jira_command(CLI::App& app) {
  auto* jira = app.add_subcommand("jira", "live Jira tools");
  jira->require_subcommand(1);
  auto* test = jira->add_subcommand("test", "check each configured Jira account with Jira's who-am-I call");
  auto path = std::make_shared<std::string>();
  test->add_option("--config", *path, "the configuration file (YAML)")->required();
  test->callback([path] { set_exit_status(run_jira_test(*path)); });
}

}  // namespace cql::cli
