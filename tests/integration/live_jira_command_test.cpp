// `cql jira test --config FILE` against the fake server (spec/cli.md): one line per account,
// exit 69 when an account fails, 65 for a bad configuration, and never the token.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql::fake_jira;
namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status = -1;
  std::string output;  // stdout and stderr
};

Outcome run_cql(const std::string& args) {
  Outcome out;
  const std::string command = std::string(CQL_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.output.append(buffer.data(), n);
  const int raw = ::pclose(pipe);
  out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

struct ConfigFile {
  fs::path path = fs::temp_directory_path() / ("cql-jira-test-" + std::to_string(::getpid()) + ".yaml");
  explicit ConfigFile(const std::string& text) { std::ofstream(path) << text; }
  ~ConfigFile() { fs::remove(path); }
};

}  // namespace

TEST_CASE("cql jira test prints one line per account and exits 69 when one fails", "[integration][live][cli]") {
  Server cloud(fixture_options(Flavour::Cloud));
  Server dc(fixture_options(Flavour::DataCenter));
  ConfigFile config("jira:\n"
                    "  default: main\n"
                    "  accounts:\n"
                    "    - alias: main\n"
                    "      base_url: " + cloud.base_url() + "\n"
                    "      email: " + kEmail + "\n"
                    "      token_env: " + kTokenEnv + "\n"
                    "    - alias: onprem\n"
                    "      kind: datacenter\n"
                    "      base_url: " + dc.base_url() + "\n"
                    "      token_env: " + kTokenEnv + "\n");
  const auto ok = run_cql("jira test --config " + config.path.string());
  CHECK(ok.status == 0);
  CHECK(ok.output == "main: ok, cloud " + cloud.base_url() + " as Jira Bot <bot@acme.com>\n" +
                         "onprem: ok, datacenter " + dc.base_url() + " as Jira Bot <bot@acme.com>\n");

  ConfigFile broken("jira:\n"
                    "  default: main\n"
                    "  accounts:\n"
                    "    - alias: main\n"
                    "      base_url: " + cloud.base_url() + "\n"
                    "      email: " + kEmail + "\n"
                    "      token_env: " + kTokenEnv + "\n"
                    "    - alias: stale\n"
                    "      kind: datacenter\n"
                    "      base_url: " + dc.base_url() + "\n"
                    "      token_env: " + kWrongTokenEnv + "\n");
  const auto failed = run_cql("jira test --config " + broken.path.string());
  CHECK(failed.status == 69);
  CHECK(failed.output == "main: ok, cloud " + cloud.base_url() + " as Jira Bot <bot@acme.com>\n" +
                             "stale: failed: Jira account 'stale': authentication failed (401): the personal access "
                             "token in the environment variable CQL_FAKE_JIRA_WRONG_TOKEN is wrong, expired or "
                             "revoked; create a new one in your Jira profile and put it in the environment variable "
                             "CQL_FAKE_JIRA_WRONG_TOKEN.\n");
  CHECK(failed.output.find(kToken) == std::string::npos);
}

TEST_CASE("cql jira test reports a bad configuration with its line", "[integration][live][cli]") {
  ConfigFile config("jira:\n  accounts:\n    - alias: main\n      site: acme\n      email: bot@acme.com\n"
                    "      token: " + std::string(kToken) + "\n");
  const auto r = run_cql("jira test --config " + config.path.string());
  CHECK(r.status == 65);
  CHECK_THAT(r.output, Catch::StartsWith(config.path.string() + ":6:7: error: a literal `token` is not allowed"));
  CHECK(r.output.find(kToken) == std::string::npos);  // the quoted line is masked

  const auto missing = run_cql("jira test --config /nonexistent/cql.yaml");
  CHECK(missing.status == 74);
  CHECK(missing.output == "cql: error: cannot read the configuration file /nonexistent/cql.yaml\n");

  const auto usage = run_cql("jira test");
  CHECK(usage.status == 64);
}
