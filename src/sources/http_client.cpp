#include "sources/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <future>
#include <list>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace cql::sources {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t kMaxResponseBytes = 256u * 1024 * 1024;
constexpr long kMaxPollMs = 1000;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A request with its bookkeeping while it waits, runs or waits to be retried.
struct Transfer {
  HttpRequest request;
  HttpClient::Callback done;
  HttpResponse response;
  Clock::time_point not_before{};
  int attempts = 0;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

struct Lane {
  HttpLane settings;
  std::deque<std::unique_ptr<Transfer>> queue;
  int in_flight = 0;
  Clock::time_point paused_until{};
  double tokens = 0;
  Clock::time_point refilled{};
  bool bucket_started = false;
};

bool iequals_prefix(std::string_view line, std::string_view name) {
  if (line.size() < name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != std::tolower(static_cast<unsigned char>(name[i]))) return false;
  }
  return true;
}

std::string header_value(std::string_view line, std::size_t name_size) {
  std::string_view v = line.substr(name_size);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
  return std::string(v);
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->response.body.size() + n > kMaxResponseBytes) return 0;  // aborts with CURLE_WRITE_ERROR
  t->response.body.append(data, n);
  return n;
}

// Only the two headers the retry and error logic need are kept.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after 100 Continue, or a proxy's CONNECT)
    t->response.retry_after.clear();
    t->response.auth_denied_reason.clear();
  } else if (iequals_prefix(line, "retry-after:")) {
    t->response.retry_after = header_value(line, 12);
  } else if (iequals_prefix(line, "x-authentication-denied-reason:")) {
    t->response.auth_denied_reason = header_value(line, 31);
  }
  return size * count;
}

TransportFailure classify(CURLcode code) {
  switch (code) {
    case CURLE_OK: return TransportFailure::None;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportFailure::Resolve;
    case CURLE_COULDNT_CONNECT: return TransportFailure::Connect;
    case CURLE_OPERATION_TIMEDOUT: return TransportFailure::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE: return TransportFailure::Tls;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE: return TransportFailure::Dropped;
    case CURLE_WRITE_ERROR: return TransportFailure::TooLarge;
    default: return TransportFailure::Other;
  }
}

// Configuration mistakes (a wrong host name, an untrusted certificate) do not heal by waiting.
bool retryable(const HttpResponse& r) {
  switch (r.failure) {
    case TransportFailure::None: return r.status == 429 || r.status >= 500;
    case TransportFailure::Connect:
    case TransportFailure::Timeout:
    case TransportFailure::Dropped:
    case TransportFailure::Other: return true;
    default: return false;
  }
}

}  // namespace

milliseconds backoff_delay(const RetryPolicy& policy, int retry, double jitter) {
  auto base = policy.initial_backoff;
  for (int i = 0; i < retry && base < policy.max_backoff; ++i) base *= 2;
  base = std::min(base, policy.max_backoff);
  return milliseconds(static_cast<std::int64_t>(static_cast<double>(base.count()) * jitter));
}

std::optional<milliseconds> parse_retry_after(const std::string& value, std::chrono::system_clock::time_point now) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return std::nullopt;
    return milliseconds(std::stoll(value) * 1000);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const auto delay = std::chrono::system_clock::from_time_t(when) - now;
  return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(delay));
}

class HttpClient::Impl {
 public:
  explicit Impl(RetryPolicy policy) : policy_(policy), random_(std::random_device{}()) {
    global_init();
    multi_ = curl_multi_init();
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, 512L);
    worker_ = std::thread([this] { run(); });
  }

  ~Impl() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    curl_multi_wakeup(multi_);
    worker_.join();
    curl_multi_cleanup(multi_);
  }

  void configure_lane(const std::string& name, HttpLane lane) {
    std::lock_guard lock(mutex_);
    pending_lanes_[name] = std::move(lane);
  }

  void submit(HttpRequest request, Callback done) {
    auto t = std::make_unique<Transfer>();
    t->request = std::move(request);
    t->done = std::move(done);
    bool cancelled = false;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) cancelled = true;
      else incoming_.push_back(std::move(t));
    }
    if (cancelled) {
      HttpResponse r;
      r.failure = TransportFailure::Cancelled;
      r.failure_detail = "the HTTP client is shutting down";
      if (t->done) t->done(std::move(r));
      return;
    }
    curl_multi_wakeup(multi_);
  }

  HttpStats stats() const { return HttpStats{attempts_.load(), retries_.load()}; }

 private:
  // --- the worker thread; everything below runs only there ---

  void run() {
    for (;;) {
      bool stop = false;
      {
        std::lock_guard lock(mutex_);
        for (auto& [name, settings] : pending_lanes_) lanes_[name].settings = std::move(settings);
        pending_lanes_.clear();
        for (auto& t : incoming_) lanes_[t->request.lane].queue.push_back(std::move(t));
        incoming_.clear();
        stop = stopping_;
      }
      if (stop) break;
      int running = 0;
      curl_multi_perform(multi_, &running);
      collect_finished();
      // After collecting, so retries just scheduled count towards the wake-up time. A handle
      // added here is driven at once: curl_multi_poll honours curl's own (zero) timer for it.
      const auto wait = start_ready_transfers();
      int ignored = 0;
      curl_multi_poll(multi_, nullptr, 0, static_cast<int>(wait.count()), &ignored);
    }
    cancel_everything();
  }

  // Starts what the limits allow; returns how long the worker may sleep at most.
  milliseconds start_ready_transfers() {
    const auto now = Clock::now();
    auto wake = now + milliseconds(kMaxPollMs);
    for (auto& [name, lane] : lanes_) {
      if (lane.queue.empty()) continue;
      if (now < lane.paused_until) {
        wake = std::min(wake, lane.paused_until);
        continue;
      }
      const int limit = std::max(1, lane.settings.max_in_flight);
      for (auto it = lane.queue.begin(); it != lane.queue.end() && lane.in_flight < limit;) {
        if ((*it)->not_before > now) {
          wake = std::min(wake, (*it)->not_before);
          ++it;
          continue;
        }
        if (!take_token(lane, now, wake)) break;
        start(lane, std::move(*it));
        it = lane.queue.erase(it);
      }
    }
    return std::chrono::duration_cast<milliseconds>(std::max(wake - now, Clock::duration::zero())) +
           milliseconds(1);
  }

  // Token bucket holding at most one second's worth of requests (at least one).
  bool take_token(Lane& lane, Clock::time_point now, Clock::time_point& wake) {
    const double rate = lane.settings.requests_per_second;
    if (rate <= 0) return true;
    const double capacity = std::max(1.0, rate);
    if (!lane.bucket_started) {
      lane.bucket_started = true;
      lane.tokens = capacity;
      lane.refilled = now;
    }
    const double elapsed = std::chrono::duration<double>(now - lane.refilled).count();
    lane.tokens = std::min(capacity, lane.tokens + elapsed * rate);
    lane.refilled = now;
    if (lane.tokens >= 1.0) {
      lane.tokens -= 1.0;
      return true;
    }
    const auto until_token = std::chrono::duration<double>((1.0 - lane.tokens) / rate);
    wake = std::min(wake, now + std::chrono::duration_cast<Clock::duration>(until_token));
    return false;
  }

  void start(Lane& lane, std::unique_ptr<Transfer> t) {
    t->attempts += 1;
    t->response = HttpResponse{};
    t->response.attempts = t->attempts;
    CURL* e = curl_easy_init();
    t->easy = e;
    const auto& r = t->request;
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!lane.settings.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, lane.settings.ca_file.c_str());
    if (!lane.settings.proxy.empty()) curl_easy_setopt(e, CURLOPT_PROXY, lane.settings.proxy.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(policy_.connect_timeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(policy_.request_timeout.count()));
    // gzip only: cheap for a server to produce (brotli at its default quality costs more CPU
    // than a small JSON answer is worth) and just as effective on issue lists.
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(e, CURLOPT_USERAGENT, "cql (+https://github.com/cql)");
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());

    t->headers = curl_slist_append(t->headers, "Accept: application/json");
    t->headers = curl_slist_append(t->headers, "Expect:");  // no 100-continue round trip
    if (!r.authorization.empty()) {
      const std::string header = "Authorization: " + r.authorization;
      t->headers = curl_slist_append(t->headers, header.c_str());
    }
    if (r.method == "POST") {
      t->headers = curl_slist_append(t->headers, "Content-Type: application/json");
      curl_easy_setopt(e, CURLOPT_POST, 1L);
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.c_str());
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    } else if (r.method != "GET") {
      curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r.method.c_str());
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);

    lane.in_flight += 1;
    attempts_ += 1;
    curl_multi_add_handle(multi_, e);
    running_.push_back(std::move(t));
  }

  void collect_finished() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* raw = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
      const CURLcode code = msg->data.result;
      auto it = std::find_if(running_.begin(), running_.end(), [raw](const auto& p) { return p.get() == raw; });
      std::unique_ptr<Transfer> t = std::move(*it);
      running_.erase(it);
      finish(std::move(t), code);
    }
  }

  void release_handle(Transfer& t) {
    curl_multi_remove_handle(multi_, t.easy);
    curl_easy_cleanup(t.easy);
    curl_slist_free_all(t.headers);
    t.easy = nullptr;
    t.headers = nullptr;
  }

  void finish(std::unique_ptr<Transfer> t, CURLcode code) {
    Lane& lane = lanes_[t->request.lane];
    lane.in_flight -= 1;
    auto& resp = t->response;
    resp.failure = classify(code);
    if (code == CURLE_OK) {
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &resp.status);
    } else {
      resp.status = 0;
      resp.failure_detail = t->error_buffer[0] ? t->error_buffer : curl_easy_strerror(code);
      resp.body.clear();
    }
    release_handle(*t);

    if (retryable(resp) && t->attempts <= policy_.max_retries) {
      schedule_retry(lane, std::move(t));
      return;
    }
    deliver(std::move(t));
  }

  void schedule_retry(Lane& lane, std::unique_ptr<Transfer> t) {
    const auto now = Clock::now();
    const auto& resp = t->response;
    if (auto after = parse_retry_after(resp.retry_after, std::chrono::system_clock::now())) {
      if (*after > policy_.max_retry_after) {
        t->response.failure = TransportFailure::WaitTooLong;
        deliver(std::move(t));
        return;
      }
      // Jira's rate limits are per account: every request of the lane waits.
      lane.paused_until = std::max(lane.paused_until, now + *after);
    } else {
      std::uniform_real_distribution<double> jitter(0.7, 1.3);
      const auto delay = backoff_delay(policy_, t->attempts - 1, jitter(random_));
      if (resp.status == 429) lane.paused_until = std::max(lane.paused_until, now + delay);
      else t->not_before = now + delay;
    }
    retries_ += 1;
    lane.queue.push_front(std::move(t));
  }

  void deliver(std::unique_ptr<Transfer> t) {
    if (!t->done) return;
    try {
      t->done(std::move(t->response));
    } catch (...) {
      // A callback must not take the worker down; the caller owns its own error handling.
    }
  }

  void cancel_everything() {
    for (auto& t : running_) {
      release_handle(*t);
      t->response = HttpResponse{};
    }
    std::vector<std::unique_ptr<Transfer>> all;
    for (auto& t : running_) all.push_back(std::move(t));
    running_.clear();
    for (auto& [name, lane] : lanes_) {
      for (auto& t : lane.queue) all.push_back(std::move(t));
      lane.queue.clear();
    }
    {
      std::lock_guard lock(mutex_);
      for (auto& t : incoming_) all.push_back(std::move(t));
      incoming_.clear();
    }
    for (auto& t : all) {
      t->response.failure = TransportFailure::Cancelled;
      t->response.failure_detail = "the HTTP client is shutting down";
      deliver(std::move(t));
    }
  }

  RetryPolicy policy_;
  CURLM* multi_ = nullptr;
  std::thread worker_;

  mutable std::mutex mutex_;  // guards the three members below
  std::vector<std::unique_ptr<Transfer>> incoming_;
  std::map<std::string, HttpLane> pending_lanes_;
  bool stopping_ = false;

  // Worker-only state.
  std::map<std::string, Lane> lanes_;
  std::list<std::unique_ptr<Transfer>> running_;
  std::mt19937 random_;

  std::atomic<std::uint64_t> attempts_{0};
  std::atomic<std::uint64_t> retries_{0};
};

HttpClient::HttpClient(RetryPolicy policy) : impl_(std::make_unique<Impl>(policy)) {}
HttpClient::~HttpClient() = default;

void HttpClient::configure_lane(const std::string& name, HttpLane lane) { impl_->configure_lane(name, std::move(lane)); }

void HttpClient::submit(HttpRequest request, Callback done) { impl_->submit(std::move(request), std::move(done)); }

HttpResponse HttpClient::perform(HttpRequest request) {
  auto promise = std::make_shared<std::promise<HttpResponse>>();
  auto future = promise->get_future();
  submit(std::move(request), [promise](HttpResponse r) { promise->set_value(std::move(r)); });
  return future.get();
}

HttpStats HttpClient::stats() const { return impl_->stats(); }

}  // namespace cql::sources
