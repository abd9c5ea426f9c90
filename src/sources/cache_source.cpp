#include "sources/cache_source.hpp"

#include <algorithm>

#include "sources/cache_entry.hpp"

namespace cql::sources {

namespace {

constexpr char kSep = '\x1f';  // cannot occur in a URL and never matters in JQL
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// One request in flight; the threads that asked the same thing wait on it.
struct CacheSource::Slot {
  std::mutex mutex;
  std::condition_variable cv;
  bool done = false;
  QueryResult result;

  void complete(const QueryResult& r) {
    {
      std::lock_guard lock(mutex);
      result = r;
      done = true;
    }
    cv.notify_all();
  }
  QueryResult wait() {
    std::unique_lock lock(mutex);
    cv.wait(lock, [this] { return done; });
    return result;
  }
};

CacheSource::CacheSource(std::shared_ptr<IssueSource> inner, const JiraSettings& settings, CacheOptions options,
                         std::string& warning)
    : inner_(std::move(inner)), options_(std::move(options)) {
  if (!options_.now_ms) options_.now_ms = system_now_ms;
  for (const auto& a : settings.accounts) {
    if (a.base_url.empty()) continue;
    // The user is part of the key: two credentials on one site may see different issues.
    const std::string& user = !a.email.empty() ? a.email : a.username;
    account_keys_[a.alias] = a.base_url + kSep + user;
  }
  if (!options_.dir.empty()) {
    store_ = CacheStore::open(options_.dir, warning);
    if (store_) store_->prune(now() - std::max<std::int64_t>(options_.ttl.count(), kDayMs));
  }
}

CacheSource::~CacheSource() = default;

std::int64_t CacheSource::now() const { return options_.now_ms(); }

bool CacheSource::persistent(const std::string& alias) const {
  return store_ != nullptr && account_keys_.count(alias) != 0;
}

std::string CacheSource::account_key(const std::string& alias) const {
  const auto it = account_keys_.find(alias);
  return it != account_keys_.end() ? it->second : "alias:" + alias;
}

std::string CacheSource::key_for(const IssueQuery& q) const {
  const std::string jql = options_.normalize_jql ? options_.normalize_jql(q.jql) : q.jql;
  std::string key = "v1";
  key += kSep + account_key(q.account) + kSep + (q.kind == QueryKind::Count ? "count" : "search") + kSep + jql;
  if (q.kind == QueryKind::Search) {
    key += kSep;
    for (const auto& f : q.fields) key += f + ",";
    key += kSep + std::to_string(q.limit);
  }
  return key;
}

std::vector<QueryResult> CacheSource::fetch(std::span<const IssueQuery> queries) {
  std::vector<QueryResult> results(queries.size());
  std::vector<std::string> keys(queries.size());
  std::vector<std::shared_ptr<Slot>> waits(queries.size());  // answered by another request
  std::vector<std::size_t> owned;                            // this call must answer these

  {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < queries.size(); ++i) {
      keys[i] = key_for(queries[i]);
      if (const auto hit = memory_.find(keys[i]); hit != memory_.end()) {
        results[i] = hit->second;
        results[i].from_cache = true;
        ++stats_.hits;
      } else if (const auto busy = in_flight_.find(keys[i]); busy != in_flight_.end()) {
        waits[i] = busy->second;
        ++stats_.merged;
      } else {
        in_flight_.emplace(keys[i], std::make_shared<Slot>());
        owned.push_back(i);
      }
    }
  }

  // Disk first, then one batch to the wrapped source for the rest.
  std::vector<std::size_t> misses;
  std::uint64_t bytes_read = 0;
  for (std::size_t i : owned) {
    std::optional<QueryResult> stored;
    if (persistent(queries[i].account)) {
      if (auto text = store_->get(keys[i], now(), options_.ttl)) {
        stored = decode_result(*text);
        if (stored) bytes_read += text->size();
      }
    }
    if (stored) {
      results[i] = std::move(*stored);
      results[i].from_cache = true;
    } else {
      misses.push_back(i);
    }
  }
  std::vector<IssueQuery> to_send;
  to_send.reserve(misses.size());
  for (std::size_t i : misses) to_send.push_back(queries[i]);
  auto answers = to_send.empty() ? std::vector<QueryResult>{} : inner_->fetch(to_send);
  answers.resize(to_send.size());  // a misbehaving inner source cannot make us read past its answers

  std::uint64_t bytes_written = 0;
  for (std::size_t m = 0; m < misses.size(); ++m) {
    const std::size_t i = misses[m];
    results[i] = std::move(answers[m]);
    results[i].from_cache = false;
    if (results[i].ok && persistent(queries[i].account)) {
      const std::string text = encode_result(results[i]);
      if (store_->put(keys[i], text, now())) bytes_written += text.size();
    }
  }

  {
    std::lock_guard lock(mutex_);
    stats_.hits += owned.size() - misses.size();
    stats_.misses += misses.size();
    stats_.bytes_read += bytes_read;
    stats_.bytes_written += bytes_written;
    for (std::size_t i : owned) {
      if (results[i].ok) memory_[keys[i]] = results[i];
      const auto slot = in_flight_.find(keys[i]);
      slot->second->complete(results[i]);
      in_flight_.erase(slot);
    }
  }
  for (std::size_t i = 0; i < queries.size(); ++i) {
    if (waits[i]) {
      results[i] = waits[i]->wait();
      results[i].from_cache = false;
    }
  }
  return results;
}

KnownValuesPtr CacheSource::known_values(const std::string& account, std::string& error) {
  std::lock_guard serial(known_mutex_);  // a second caller waits and then finds the answer
  {
    std::lock_guard lock(mutex_);
    if (const auto it = known_.find(account); it != known_.end()) {
      ++stats_.hits;
      return it->second;
    }
  }
  const std::string key = std::string("v1") + kSep + account_key(account) + kSep + "known_values";
  KnownValuesPtr known;
  if (persistent(account)) {
    if (auto text = store_->get(key, now(), options_.ttl)) {
      known = decode_known_values(*text);
      if (known) {
        std::lock_guard lock(mutex_);
        ++stats_.hits;
        stats_.bytes_read += text->size();
      }
    }
  }
  if (!known) {
    known = inner_->known_values(account, error);
    if (!known) return nullptr;
    std::uint64_t written = 0;
    if (persistent(account)) {
      const std::string text = encode_known_values(*known);
      if (store_->put(key, text, now())) written = text.size();
    }
    std::lock_guard lock(mutex_);
    ++stats_.misses;
    stats_.bytes_written += written;
  }
  std::lock_guard lock(mutex_);
  known_[account] = known;
  return known;
}

AccountCheck CacheSource::verify_identity(const std::string& account) {
  std::lock_guard serial(identity_mutex_);
  {
    std::lock_guard lock(mutex_);
    if (const auto it = identities_.find(account); it != identities_.end()) return it->second;
  }
  AccountCheck check = inner_->verify_identity(account);
  std::lock_guard lock(mutex_);
  identities_[account] = check;
  return check;
}

std::optional<CacheStats> CacheSource::cache_stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace cql::sources
