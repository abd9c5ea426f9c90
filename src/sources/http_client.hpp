#pragma once
// The only code that talks to libcurl (conventions.md §7). One background thread drives a curl
// multi handle: requests from any number of threads run concurrently over reused connections,
// bounded per lane (a Jira account) by an in-flight limit and a token bucket, and are retried
// as spec/jira.md §4 says:
//   - 429, and any answer with Retry-After: wait Retry-After (seconds or an HTTP date) and pause
//     the whole lane meanwhile; a 429 without it pauses the lane for the backoff below;
//   - without Retry-After: back off initial_backoff, doubling up to max_backoff, times a random
//     0.7–1.3; connection failures, timeouts and other 5xx are retried the same way;
//   - at most max_retries retries; other 4xx, unresolvable hosts and TLS failures never.
// HTTPS is always verified (peer and host); ca_file replaces the trusted CAs; redirects are not
// followed (they could carry the Authorization header elsewhere). Nothing is logged, and the
// Authorization header is never copied into a response or an error.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "sources/config.hpp"

namespace cql::sources {

// Limits and connection settings of one lane (one Jira account).
struct HttpLane {
  int max_in_flight = 8;
  double requests_per_second = 0;  // 0: unlimited
  std::string proxy;
  std::string ca_file;
};

struct HttpRequest {
  std::string lane;  // a lane configured with configure_lane(); unknown lanes get the defaults
  std::string method = "GET";  // GET or POST
  std::string url;
  std::string body;           // sent as application/json when non-empty or method is POST
  std::string authorization;  // the Authorization header value, if any
};

enum class TransportFailure : std::uint8_t {
  None,       // an HTTP answer arrived (see status)
  Resolve,    // the host (or proxy) name does not resolve
  Connect,    // refused / unreachable
  Tls,        // handshake or certificate verification failed
  Timeout,    // connect or transfer took too long
  Dropped,    // the connection broke or closed without a complete answer
  TooLarge,   // the answer exceeded the size limit
  WaitTooLong,  // Retry-After asked for more than max_retry_after
  Cancelled,  // the client shut down first
  Other,
};

struct HttpResponse {
  long status = 0;  // 0 when no HTTP answer arrived
  std::string body;
  std::string retry_after;         // the last Retry-After header, verbatim
  std::string auth_denied_reason;  // X-Authentication-Denied-Reason
  TransportFailure failure = TransportFailure::None;
  std::string failure_detail;  // curl's description of a transport failure
  int attempts = 0;            // 1 + retries
};

struct HttpStats {
  std::uint64_t attempts = 0;  // transfers started, retries included
  std::uint64_t retries = 0;
};

class HttpClient {
 public:
  using Callback = std::function<void(HttpResponse)>;

  explicit HttpClient(RetryPolicy policy);
  ~HttpClient();  // cancels what is still queued (callbacks see TransportFailure::Cancelled)
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sets a lane's limits; call before submitting to it. Thread-safe.
  void configure_lane(const std::string& name, HttpLane lane);

  // Queues a request; `done` runs exactly once, on the client's thread, so it must be short
  // and must not block (it may submit further requests). Thread-safe.
  void submit(HttpRequest request, Callback done);

  // Submits and waits. Must not be called from a callback.
  HttpResponse perform(HttpRequest request);

  HttpStats stats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// The delay before retry number `retry` (0-based) without Retry-After: initial doubled per
// retry, capped at max, times `jitter` (0.7–1.3 in use). Exposed for tests.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, double jitter);

// Retry-After as a delay from `now`: delta-seconds or an HTTP date; nullopt when malformed.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace cql::sources
