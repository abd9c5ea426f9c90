#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "sources/cache_store.hpp"
#include "sources/source_setup.hpp"

using namespace cql;
using namespace cql::sources;
namespace fs = std::filesystem;

namespace {

const std::string kDump = CQL_SOURCE_DIR "/tests/fixtures/live/issues.json";

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("cql-setup-test-" + std::to_string(::getpid()));
  TempDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return path / name;
  }
};

}  // namespace

TEST_CASE("without --config and --issues there is no issue source", "[unit][config]") {
  auto setup = open_issue_source(SourceOptions{});
  REQUIRE(setup.ok());
  CHECK_FALSE(setup.value().source);
  REQUIRE(setup.value().settings->accounts.size() == 1);
  CHECK(setup.value().settings->accounts[0].alias == "default");
}

TEST_CASE("the --issues dump answers every account", "[unit][config]") {
  SourceOptions options;
  options.issues = kDump;
  auto setup = open_issue_source(options);
  REQUIRE(setup.ok());
  REQUIRE(setup.value().source);
  const auto r = setup.value().source->fetch_one(IssueQuery{"default", "project = PAY", QueryKind::Count, 1000, {}});
  REQUIRE(r.ok);
  CHECK(r.count == 34);
}

TEST_CASE("the --cache-ttl option takes ISO-8601 or compact durations and rejects the rest", "[unit][config]") {
  SourceOptions options;
  options.issues = kDump;
  options.cache_ttl = "PT30M";
  CHECK(open_issue_source(options).ok());
  options.cache_ttl = "30m";
  CHECK(open_issue_source(options).ok());
  options.cache_ttl = "half an hour";
  auto bad = open_issue_source(options);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Usage);
  CHECK(bad.error().message == "--cache-ttl: `half an hour` is not a duration; write it as PT4H, 4h or 30m");
}

TEST_CASE("live accounts are cached on disk under --cache, and not with --no-cache", "[unit][config]") {
  TempDir dir;
  const auto config = dir.write("cql.yaml", "jira:\n  accounts:\n    - alias: main\n      site: acme\n"
                                            "      email: bot@acme.com\n      token_env: CQL_SETUP_TEST_TOKEN\n");
  SourceOptions options;
  options.config = config.string();
  options.cache_dir = (dir.path / "cache").string();
  auto setup = open_issue_source(options);
  REQUIRE(setup.ok());
  REQUIRE(setup.value().source);
  CHECK(setup.value().source->cache_stats());
  CHECK(fs::exists(dir.path / "cache" / CacheStore::kFileName));
  CHECK(setup.value().settings->accounts[0].base_url == "https://acme.atlassian.net");

  options.cache_dir = (dir.path / "other").string();
  options.no_cache = true;
  auto uncached = open_issue_source(options);
  REQUIRE(uncached.ok());
  CHECK(uncached.value().source->cache_stats());  // still merged and remembered for the run
  CHECK_FALSE(fs::exists(dir.path / "other"));
}

TEST_CASE("accounts with only a dump are answered offline next to live ones", "[unit][config]") {
  TempDir dir;
  const auto config = dir.write("cql.yaml", "jira:\n  default: main\n  accounts:\n"
                                            "    - {alias: main, site: acme, email: e, token_env: CQL_SETUP_TEST_TOKEN}\n"
                                            "    - {alias: archive, dump: " + kDump + "}\n");
  SourceOptions options;
  options.config = config.string();
  options.no_cache = true;
  auto setup = open_issue_source(options);
  REQUIRE(setup.ok());
  const auto r = setup.value().source->fetch_one(IssueQuery{"archive", "project = FIN", QueryKind::Count, 1000, {}});
  REQUIRE(r.ok);
  CHECK(r.count == 26);
  std::string error;
  CHECK(setup.value().source->known_values("archive", error));
}

TEST_CASE("a bad configuration stops the setup with its location", "[unit][config]") {
  TempDir dir;
  const auto config = dir.write("cql.yaml", "jira:\n  accounts:\n    - alias: main\n      site: acme\n      pasword_env: X\n");
  SourceOptions options;
  options.config = config.string();
  auto setup = open_issue_source(options);
  REQUIRE_FALSE(setup.ok());
  CHECK_THAT(render(setup.error()), Catch::StartsWith(config.string() + ":5:7: error: unknown key `pasword_env`"));
}

TEST_CASE("cache keys use the canonical JQL", "[unit][config]") {
  CHECK(normalized_jql_key("project=PAY and  labels = x") == normalized_jql_key("PROJECT = \"PAY\" AND labels = \"x\""));
  CHECK(normalized_jql_key("project = PAY") != normalized_jql_key("project = FIN"));
  CHECK(normalized_jql_key("project = (((") == "project = (((");
}
