// The cache in front of live Jira: a second run sends nothing, entries expire, identical
// requests in flight are merged, and no secret reaches the cache file.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <unistd.h>

#include "sources/cache_source.hpp"
#include "sources/cache_store.hpp"
#include "sources/live_source.hpp"
#include "sources/secret.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;
using namespace cql::fake_jira;
using namespace cql::sources;
namespace fs = std::filesystem;

namespace {

struct CacheDir {
  fs::path path = fs::temp_directory_path() / ("cql-live-cache-" + std::to_string(::getpid()));
  CacheDir() { fs::remove_all(path); }
  ~CacheDir() { fs::remove_all(path); }
};

// One "run": a live source behind a cache over `dir`.
struct Run {
  std::shared_ptr<LiveSource> live;
  std::unique_ptr<CacheSource> cache;
  Run(const Server& server, const fs::path& dir, std::function<std::int64_t()> clock = {}) {
    const auto settings = settings_with({account_for(server, Flavour::Cloud, JiraAuth::Basic)});
    live = std::make_shared<LiveSource>(settings, fast_retries());
    std::string warning;
    cache = std::make_unique<CacheSource>(live, settings, CacheOptions{dir, std::chrono::hours(4), {}, std::move(clock)},
                                          warning);
    REQUIRE(warning.empty());
  }
};

const std::vector<IssueQuery> kQueries = {
    {"main", "project = PAY", QueryKind::Count, 1000, {}},
    {"main", "project = FIN", QueryKind::Count, 1000, {}},
    {"main", "project = OPS ORDER BY created DESC", QueryKind::Search, 50, {}},
};

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a second run is answered from the disk cache with zero requests", "[integration][live][cache]") {
  Server server(fixture_options(Flavour::Cloud));
  CacheDir dir;
  std::vector<QueryResult> first;
  {
    Run run(server, dir.path);
    first = run.cache->fetch(kQueries);
    std::string error;
    const auto known = run.cache->known_values("main", error);
    INFO(error);
    REQUIRE(known);
    for (const auto& r : first) REQUIRE(r.ok);
    CHECK(run.cache->cache_stats()->misses == 4);
  }
  REQUIRE(server.count() > 0);
  server.clear_log();

  Run second(server, dir.path);
  const auto again = second.cache->fetch(kQueries);
  std::string error;
  const auto known = second.cache->known_values("main", error);
  CHECK(server.count() == 0);
  REQUIRE(known);
  CHECK(known->components().size() == 20);
  for (std::size_t i = 0; i < kQueries.size(); ++i) {
    REQUIRE(again[i].ok);
    CHECK(again[i].from_cache);
    CHECK(again[i].count == first[i].count);
    CHECK(again[i].issues.size() == first[i].issues.size());
  }
  CHECK(again[2].issues.front().key == first[2].issues.front().key);
  const auto stats = second.cache->cache_stats();
  CHECK(stats->hits == 4);
  CHECK(stats->misses == 0);
  CHECK(stats->bytes_read > 0);
}

TEST_CASE("cached answers expire after the time to live", "[integration][live][cache]") {
  Server server(fixture_options(Flavour::Cloud));
  CacheDir dir;
  auto now = std::make_shared<std::atomic<std::int64_t>>(1'900'000'000'000);
  auto clock = [now] { return now->load(); };
  { Run(server, dir.path, clock).cache->fetch(kQueries); }
  *now += 4 * 3600 * 1000 - 1000;  // just inside four hours
  { Run(server, dir.path, clock).cache->fetch(kQueries); }
  server.clear_log();
  *now += 2000;  // just outside
  Run late(server, dir.path, clock);
  const auto results = late.cache->fetch(kQueries);
  for (const auto& r : results) CHECK_FALSE(r.from_cache);
  CHECK(server.count("/search/") == 3);
}

TEST_CASE("two threads asking the same query share one request", "[integration][live][cache]") {
  Server server(fixture_options(Flavour::Cloud));
  server.set_latency(std::chrono::milliseconds(200));
  CacheDir dir;
  Run run(server, dir.path);
  REQUIRE(run.cache->verify_identity("main").ok);
  server.clear_log();
  std::vector<std::thread> threads;
  std::vector<QueryResult> results(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] { results[i] = run.cache->fetch_one(kQueries[0]); });
  }
  for (auto& t : threads) t.join();
  CHECK(server.count("/search/approximate-count") == 1);
  for (const auto& r : results) CHECK(r.count == 34);
  CHECK(run.cache->cache_stats()->merged + run.cache->cache_stats()->hits == 3);
}

TEST_CASE("the cache file holds no secret", "[integration][live][cache]") {
  Server server(fixture_options(Flavour::Cloud));
  CacheDir dir;
  {
    Run run(server, dir.path);
    run.cache->fetch(kQueries);
    std::string error;
    run.cache->known_values("main", error);
  }
  std::string bytes;
  for (const auto& entry : fs::directory_iterator(dir.path)) bytes += file_bytes(entry.path());
  REQUIRE(bytes.find("project = PAY") != std::string::npos);  // the scan does see the stored entries
  CHECK(bytes.find(kToken) == std::string::npos);
  CHECK(bytes.find(base64_encode(std::string(kEmail) + ":" + kToken)) == std::string::npos);
  CHECK(bytes.find("Basic ") == std::string::npos);
  CHECK(bytes.find("Authorization") == std::string::npos);
}
