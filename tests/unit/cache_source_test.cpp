#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "sources/cache_source.hpp"
#include "sources/cache_store.hpp"

using namespace cql;
using namespace cql::sources;
namespace fs = std::filesystem;

namespace {

// A source whose count for a JQL is its length; it records every query it is asked and can
// hold its answers until released, so a test can have a request "in flight".
class RecordingSource : public IssueSource {
 public:
  std::vector<QueryResult> fetch(std::span<const IssueQuery> queries) override {
    {
      std::unique_lock lock(mutex_);
      for (const auto& q : queries) asked_.push_back(q.jql);
      ++entered_;
      cv_.notify_all();
      cv_.wait(lock, [this] { return !hold_; });
    }
    std::vector<QueryResult> out;
    for (const auto& q : queries) {
      QueryResult r;
      if (q.jql.find("fail") != std::string::npos) {
        r.error = "Jira account 'main' is down";
      } else {
        r.ok = true;
        r.count = static_cast<std::int64_t>(q.jql.size());
        if (q.kind == QueryKind::Search) {
          Issue issue;
          issue.key = "PAY-1";
          issue.summary = "Payment stuck";
          issue.status = "Open";
          issue.created = Timestamp{1'700'000'000'000};
          issue.labels = {"payments"};
          issue.components = {"API"};
          issue.project = "PAY";
          issue.url = "https://acme.atlassian.net/browse/PAY-1";
          r.issues.push_back(issue);
          r.count = 1;
        }
      }
      out.push_back(std::move(r));
    }
    return out;
  }
  KnownValuesPtr known_values(const std::string&, std::string&) override {
    std::lock_guard lock(mutex_);
    ++known_calls_;
    return std::make_shared<const KnownValues>(std::vector<std::string>{"PAY", "Payments", "10010"}, std::vector<std::string>{"API"});
  }
  AccountCheck verify_identity(const std::string&) override {
    std::lock_guard lock(mutex_);
    ++identity_calls_;
    return AccountCheck{true, "Bot <bot@acme.com>", {}};
  }

  std::vector<std::string> asked() {
    std::lock_guard lock(mutex_);
    return asked_;
  }
  int known_calls() {
    std::lock_guard lock(mutex_);
    return known_calls_;
  }
  int identity_calls() {
    std::lock_guard lock(mutex_);
    return identity_calls_;
  }
  void hold() {
    std::lock_guard lock(mutex_);
    hold_ = true;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      hold_ = false;
    }
    cv_.notify_all();
  }
  void wait_entered(int n) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return entered_ >= n; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::string> asked_;
  int entered_ = 0;
  int known_calls_ = 0;
  int identity_calls_ = 0;
  bool hold_ = false;
};

JiraSettings live_settings() {
  JiraSettings s;
  JiraAccount a;
  a.alias = "main";
  a.base_url = "https://acme.atlassian.net";
  a.email = "bot@acme.com";
  JiraAccount dump;
  dump.alias = "archive";
  dump.dump_file = "/data/archive.json";
  s.accounts = {a, dump};
  s.default_alias = "main";
  return s;
}

IssueQuery count(std::string jql, std::string account = "main") {
  return IssueQuery{std::move(account), std::move(jql), QueryKind::Count, 1000, {}};
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("cql-cache-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

struct ManualClock {
  std::shared_ptr<std::atomic<std::int64_t>> ms = std::make_shared<std::atomic<std::int64_t>>(1'800'000'000'000);
  std::function<std::int64_t()> fn() const {
    return [ms = ms] { return ms->load(); };
  }
};

}  // namespace

TEST_CASE("the cache answers a repeated query from memory", "[unit][cache]") {
  auto inner = std::make_shared<RecordingSource>();
  std::string warning;
  CacheSource cache(inner, live_settings(), CacheOptions{}, warning);
  CHECK(warning.empty());

  auto first = cache.fetch_one(count("project = PAY"));
  auto second = cache.fetch_one(count("project = PAY"));
  CHECK(first.ok);
  CHECK_FALSE(first.from_cache);
  CHECK(second.ok);
  CHECK(second.from_cache);
  CHECK(second.count == first.count);
  CHECK(inner->asked().size() == 1);
  const auto stats = cache.cache_stats();
  REQUIRE(stats);
  CHECK(stats->hits == 1);
  CHECK(stats->misses == 1);
}

TEST_CASE("a second run reads the disk cache without asking the source", "[unit][cache]") {
  TempDir dir;
  ManualClock clock;
  IssueQuery search{"main", "project = PAY ORDER BY created DESC", QueryKind::Search, 50, {"summary", "status"}};
  {
    auto inner = std::make_shared<RecordingSource>();
    std::string warning;
    CacheSource run1(inner, live_settings(), CacheOptions{dir.path, std::chrono::hours(4), {}, clock.fn()}, warning);
    REQUIRE(warning.empty());
    run1.fetch_one(count("project = PAY"));
    run1.fetch_one(search);
    CHECK(run1.cache_stats()->bytes_written > 0);
  }
  auto inner = std::make_shared<RecordingSource>();
  std::string warning;
  CacheSource run2(inner, live_settings(), CacheOptions{dir.path, std::chrono::hours(4), {}, clock.fn()}, warning);
  auto c = run2.fetch_one(count("project = PAY"));
  auto s = run2.fetch_one(search);
  CHECK(inner->asked().empty());
  CHECK(c.from_cache);
  CHECK(c.count == 13);
  REQUIRE(s.issues.size() == 1);
  const Issue& issue = s.issues[0];
  CHECK(issue.key == "PAY-1");
  CHECK(issue.status == std::optional<std::string>("Open"));
  CHECK_FALSE(issue.assignee);
  CHECK(issue.created == std::optional<Timestamp>(Timestamp{1'700'000'000'000}));
  CHECK(issue.labels == std::vector<std::string>{"payments"});
  CHECK(issue.url == std::optional<std::string>("https://acme.atlassian.net/browse/PAY-1"));
  CHECK(run2.cache_stats()->hits == 2);
  CHECK(run2.cache_stats()->bytes_read > 0);

  SECTION("a search with another limit or fields is another entry") {
    IssueQuery other = search;
    other.limit = 10;
    run2.fetch_one(other);
    CHECK(inner->asked().size() == 1);
  }
}

TEST_CASE("disk entries expire after the time to live", "[unit][cache]") {
  TempDir dir;
  ManualClock clock;
  const CacheOptions options{dir.path, std::chrono::minutes(30), {}, clock.fn()};
  std::string warning;
  {
    CacheSource run1(std::make_shared<RecordingSource>(), live_settings(), options, warning);
    run1.fetch_one(count("project = PAY"));
  }
  *clock.ms += 29 * 60 * 1000;
  {
    auto inner = std::make_shared<RecordingSource>();
    CacheSource run2(inner, live_settings(), options, warning);
    CHECK(run2.fetch_one(count("project = PAY")).from_cache);
    CHECK(inner->asked().empty());
  }
  *clock.ms += 2 * 60 * 1000;
  auto inner = std::make_shared<RecordingSource>();
  CacheSource run3(inner, live_settings(), options, warning);
  CHECK_FALSE(run3.fetch_one(count("project = PAY")).from_cache);
  CHECK(inner->asked().size() == 1);
}

TEST_CASE("identical requests in flight are merged into one", "[unit][cache]") {
  auto inner = std::make_shared<RecordingSource>();
  std::string warning;
  CacheSource cache(inner, live_settings(), CacheOptions{}, warning);
  inner->hold();
  QueryResult a, b;
  std::thread first([&] { a = cache.fetch_one(count("labels = payments")); });
  inner->wait_entered(1);
  std::thread second([&] { b = cache.fetch_one(count("labels = payments")); });
  // The second thread must be waiting on the first request before that one is answered.
  while (cache.cache_stats()->merged < 1) std::this_thread::yield();
  inner->release();
  first.join();
  second.join();
  CHECK(inner->asked().size() == 1);
  CHECK(a.ok);
  CHECK(b.ok);
  CHECK(a.count == b.count);

  SECTION("duplicates within one batch are sent once") {
    std::vector<IssueQuery> batch{count("x = 1"), count("x = 1"), count("x = 2")};
    auto results = cache.fetch(batch);
    CHECK(inner->asked().size() == 3);
    CHECK(results[0].count == results[1].count);
    CHECK(results[1].ok);
  }
}

TEST_CASE("failed answers are not cached", "[unit][cache]") {
  TempDir dir;
  auto inner = std::make_shared<RecordingSource>();
  std::string warning;
  CacheSource cache(inner, live_settings(), CacheOptions{dir.path, std::chrono::hours(4), {}, {}}, warning);
  auto r1 = cache.fetch_one(count("fail here"));
  auto r2 = cache.fetch_one(count("fail here"));
  CHECK_FALSE(r1.ok);
  CHECK(r2.error == "Jira account 'main' is down");
  CHECK(inner->asked().size() == 2);
  CHECK(cache.cache_stats()->bytes_written == 0);
}

TEST_CASE("offline accounts are never answered from disk", "[unit][cache]") {
  TempDir dir;
  std::string warning;
  const CacheOptions options{dir.path, std::chrono::hours(4), {}, {}};
  {
    CacheSource run1(std::make_shared<RecordingSource>(), live_settings(), options, warning);
    run1.fetch_one(count("project = PAY", "archive"));
    CHECK(run1.cache_stats()->bytes_written == 0);
  }
  auto inner = std::make_shared<RecordingSource>();
  CacheSource run2(inner, live_settings(), options, warning);
  run2.fetch_one(count("project = PAY", "archive"));
  CHECK(inner->asked().size() == 1);
}

TEST_CASE("equivalent JQL spellings share an entry through the normaliser", "[unit][cache]") {
  auto inner = std::make_shared<RecordingSource>();
  std::string warning;
  CacheOptions options;
  options.normalize_jql = [](std::string_view jql) {
    std::string out;
    for (char c : jql) if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  CacheSource cache(inner, live_settings(), options, warning);
  cache.fetch_one(count("project = PAY"));
  CHECK(cache.fetch_one(count("PROJECT=pay")).from_cache);
  CHECK(inner->asked().size() == 1);
}

TEST_CASE("known values and identity checks are asked once", "[unit][cache]") {
  TempDir dir;
  std::string warning, error;
  const CacheOptions options{dir.path, std::chrono::hours(4), {}, {}};
  {
    auto inner = std::make_shared<RecordingSource>();
    CacheSource run1(inner, live_settings(), options, warning);
    REQUIRE(run1.known_values("main", error));
    REQUIRE(run1.known_values("main", error));
    CHECK(inner->known_calls() == 1);
    CHECK(run1.verify_identity("main").identity == "Bot <bot@acme.com>");
    CHECK(run1.verify_identity("main").ok);
    CHECK(inner->identity_calls() == 1);
  }
  auto inner = std::make_shared<RecordingSource>();
  CacheSource run2(inner, live_settings(), options, warning);
  auto known = run2.known_values("main", error);
  REQUIRE(known);
  CHECK(known->projects() == std::vector<std::string>{"PAY", "Payments", "10010"});
  CHECK(known->components() == std::vector<std::string>{"API"});
  CHECK(inner->known_calls() == 0);
}

TEST_CASE("two runs can share a cache directory at the same time", "[unit][cache]") {
  TempDir dir;
  std::string w1, w2;
  const CacheOptions options{dir.path, std::chrono::hours(4), {}, {}};
  CacheSource run1(std::make_shared<RecordingSource>(), live_settings(), options, w1);
  CacheSource run2(std::make_shared<RecordingSource>(), live_settings(), options, w2);
  REQUIRE(w1.empty());
  REQUIRE(w2.empty());
  auto work = [](CacheSource& cache, int offset) {
    for (int i = 0; i < 50; ++i) {
      auto r = cache.fetch_one(count("key = PAY-" + std::to_string(i + offset)));
      REQUIRE(r.ok);
    }
  };
  std::thread a([&] { work(run1, 0); });
  std::thread b([&] { work(run2, 25); });
  a.join();
  b.join();
  CHECK(run1.cache_stats()->bytes_written + run2.cache_stats()->bytes_written > 0);
  // Each run's writes are visible to the other through the shared file.
  auto inner = std::make_shared<RecordingSource>();
  CacheSource run3(inner, live_settings(), options, w1);
  for (int i = 0; i < 75; ++i) CHECK(run3.fetch_one(count("key = PAY-" + std::to_string(i))).from_cache);
  CHECK(inner->asked().empty());
}

TEST_CASE("an unusable cache directory leaves a memory cache and a warning", "[unit][cache]") {
  TempDir dir;
  fs::create_directories(dir.path);
  std::ofstream(dir.path / "file") << "not a directory";
  std::string warning;
  CacheSource cache(std::make_shared<RecordingSource>(), live_settings(),
                    CacheOptions{dir.path / "file" / "sub", std::chrono::hours(4), {}, {}}, warning);
  CHECK_THAT(warning, Catch::Contains("cannot create the cache directory"));
  cache.fetch_one(count("a = 1"));
  CHECK(cache.fetch_one(count("a = 1")).from_cache);
}
