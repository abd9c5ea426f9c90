#pragma once
// The only code that talks to SQLite (conventions.md §7): the on-disk half of the issue cache.
// One file, <dir>/jira-cache.sqlite3, holding (key, value, stored time) rows. WAL mode and a
// busy timeout let two runs share the directory; a failed write only costs a future miss.
// Thread-safe (one connection behind a mutex). Stores what it is given: callers must never
// hand it a secret.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

struct sqlite3;

namespace cql::sources {

class CacheStore {
 public:
  // Opens (creating the directory and file as needed); nullptr with `error` set on failure.
  static std::unique_ptr<CacheStore> open(const std::filesystem::path& dir, std::string& error);
  ~CacheStore();
  CacheStore(const CacheStore&) = delete;
  CacheStore& operator=(const CacheStore&) = delete;

  // The value stored under `key` when it is younger than `ttl` at `now_ms` (ms since the epoch).
  std::optional<std::string> get(const std::string& key, std::int64_t now_ms, std::chrono::milliseconds ttl);
  // Stores or replaces; false when the database refused (busy beyond the timeout, disk full).
  bool put(const std::string& key, const std::string& value, std::int64_t now_ms);
  // Deletes rows stored before `cutoff_ms`.
  void prune(std::int64_t cutoff_ms);

  static constexpr const char* kFileName = "jira-cache.sqlite3";

 private:
  explicit CacheStore(sqlite3* db) : db_(db) {}
  std::mutex mutex_;
  sqlite3* db_;
};

}  // namespace cql::sources
