#include "sources/cache_store.hpp"

#include <sqlite3.h>

namespace cql::sources {

namespace {

constexpr int kBusyTimeoutMs = 10000;

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  explicit operator bool() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

bool exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

}  // namespace

std::unique_ptr<CacheStore> CacheStore::open(const std::filesystem::path& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existed = fs::exists(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) {
    error = "cannot create the cache directory " + dir.string() + ": " + ec.message();
    return nullptr;
  }
  // The cache holds issue data: keep it private to the user like the rest of ~/.cache.
  if (!existed) fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);

  const auto file = (dir / kFileName).string();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    error = "cannot open the cache " + file + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (!exec(db, "PRAGMA journal_mode=WAL") || !exec(db, "PRAGMA synchronous=NORMAL") ||
      !exec(db,
            "CREATE TABLE IF NOT EXISTS answers ("
            " key TEXT PRIMARY KEY, value BLOB NOT NULL, stored_ms INTEGER NOT NULL) WITHOUT ROWID")) {
    error = "cannot prepare the cache " + file + ": " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return nullptr;
  }
  return std::unique_ptr<CacheStore>(new CacheStore(db));
}

CacheStore::~CacheStore() { sqlite3_close(db_); }

std::optional<std::string> CacheStore::get(const std::string& key, std::int64_t now_ms, std::chrono::milliseconds ttl) {
  std::lock_guard lock(mutex_);
  Statement s(db_, "SELECT value FROM answers WHERE key = ?1 AND stored_ms > ?2 AND stored_ms <= ?3");
  if (!s) return std::nullopt;
  sqlite3_bind_text(s.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 2, now_ms - ttl.count());
  // A row from the future (a clock that jumped back) is not trusted either.
  sqlite3_bind_int64(s.get(), 3, now_ms);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return std::nullopt;
  const auto* data = static_cast<const char*>(sqlite3_column_blob(s.get(), 0));
  const int size = sqlite3_column_bytes(s.get(), 0);
  return std::string(data ? data : "", static_cast<std::size_t>(size));
}

bool CacheStore::put(const std::string& key, const std::string& value, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  Statement s(db_, "INSERT OR REPLACE INTO answers (key, value, stored_ms) VALUES (?1, ?2, ?3)");
  if (!s) return false;
  sqlite3_bind_text(s.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  sqlite3_bind_blob(s.get(), 2, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 3, now_ms);
  return sqlite3_step(s.get()) == SQLITE_DONE;
}

void CacheStore::prune(std::int64_t cutoff_ms) {
  std::lock_guard lock(mutex_);
  Statement s(db_, "DELETE FROM answers WHERE stored_ms < ?1");
  if (!s) return;
  sqlite3_bind_int64(s.get(), 1, cutoff_ms);
  sqlite3_step(s.get());
}

}  // namespace cql::sources
