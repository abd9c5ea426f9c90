// `cql eval` with --config against the fake Jira (spec/cli.md data options): the same value
// as the offline dump, a second run served by the --cache directory without any request, and
// --no-cache / --cache-ttl honoured.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "tests/fixtures/batch/run_process.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql::fake_jira;
namespace fs = std::filesystem;

namespace {

struct Workspace {
  fs::path dir = fs::temp_directory_path() / ("cql-live-eval-" + std::to_string(::getpid()));
  Workspace() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Workspace() { fs::remove_all(dir); }
  std::string config_for(const Server& server, const char* token_env = kTokenEnv) const {
    const auto path = dir / "cql.yaml";
    std::ofstream(path) << "jira:\n  retry: {initial_delay: 10ms, max_delay: 40ms}\n  accounts:\n"
                        << "    - alias: main\n      base_url: " << server.base_url() << "\n      email: " << kEmail
                        << "\n      token_env: " << token_env << "\n";
    return path.string();
  }
  std::string cache() const { return (dir / "cache").string(); }
};

const std::string kNow = "2026-06-01T12:00:00Z";
const std::string kDump = CQL_SOURCE_DIR "/tests/fixtures/live/issues.json";

cql::test::ProcessResult eval(std::vector<std::string> options, const std::string& expr) {
  std::vector<std::string> argv{CQL_BINARY, "eval", "--json", "--now", kNow};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(expr);
  return cql::test::run_process(argv);
}

}  // namespace

TEST_CASE("cql eval --config answers like the dump and caches on disk", "[integration][live][cli]") {
  Server server(fixture_options(Flavour::Cloud));
  Workspace ws;
  const std::string config = ws.config_for(server);
  const std::string expr = R"(jira.numOfIssues("statusCategory != Done"))";

  const auto offline = eval({"--issues", kDump}, expr);
  REQUIRE(offline.status == 0);
  const auto live = eval({"--config", config, "--cache", ws.cache()}, expr);
  INFO(live.err);
  CHECK(live.status == 0);
  CHECK(live.out == offline.out);
  CHECK(server.count("/myself") == 1);
  CHECK(server.count("/search/approximate-count") == 1);
  CHECK(fs::exists(fs::path(ws.cache()) / "jira-cache.sqlite3"));

  server.clear_log();
  const auto cached = eval({"--config", config, "--cache", ws.cache()}, expr);
  CHECK(cached.out == offline.out);
  CHECK(server.count() == 0);

  const auto fresh = eval({"--config", config, "--cache", ws.cache(), "--no-cache"}, expr);
  CHECK(fresh.out == offline.out);
  CHECK(server.count("/search/approximate-count") == 1);

  server.clear_log();
  const auto expired = eval({"--config", config, "--cache", ws.cache(), "--cache-ttl", "0s"}, expr);
  CHECK(expired.out == offline.out);
  CHECK(server.count("/search/approximate-count") == 1);

  const auto bad_ttl = eval({"--config", config, "--cache-ttl", "soon"}, expr);
  CHECK(bad_ttl.status == 64);
  CHECK_THAT(bad_ttl.out, Catch::Contains("--cache-ttl: `soon` is not a duration; write it as PT4H, 4h or 30m"));
}

TEST_CASE("cql eval reports a refused credential without the token", "[integration][live][cli]") {
  Server server(fixture_options(Flavour::Cloud));
  Workspace ws;
  const auto r = eval({"--config", ws.config_for(server, kWrongTokenEnv), "--no-cache"}, "jira.numOfIssues()");
  CHECK(r.status != 0);
  CHECK_THAT(r.out, Catch::Contains("authentication failed (401)"));
  CHECK((r.out + r.err).find(kToken) == std::string::npos);
  CHECK((r.out + r.err).find("tok-wrong-0000") == std::string::npos);
}
