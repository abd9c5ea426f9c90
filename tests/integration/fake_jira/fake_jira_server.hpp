#pragma once
// A fake Jira (spec/jira.md §6) for tests and benchmarks: cpp-httplib on 127.0.0.1 with an
// ephemeral port, in a background thread, serving either API flavour from an issue dump.
//
//   Cloud:        POST /rest/api/3/search/approximate-count, POST /rest/api/3/search/jql
//                 (nextPageToken paging), GET /rest/api/3/myself, GET /rest/api/3/project/search,
//                 GET /rest/api/3/project/{key}/components; the old /rest/api/{2,3}/search is 410.
//   Data Center:  POST /rest/api/2/search (startAt paging; maxResults 0 counts),
//                 GET /rest/api/2/myself, GET /rest/api/2/project, GET /rest/api/2/project/{key}/components.
//
// It enforces authentication (basic and/or bearer), answers 400 in Jira's errorMessages shape
// for JQL the matcher rejects, and injects faults on demand: any status (429/503 with or
// without Retry-After, 401, 403 with X-Authentication-Denied-Reason, 410, 500), dropped
// connections, malformed JSON and latency. Every request is logged (method, path, times,
// which auth scheme was presented — never the credential itself).

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace cql::fake_jira {

enum class Flavour { Cloud, DataCenter };

// What a JQL query selects from the dump: positions in the dump, in Jira's order, or the
// error messages of a 400.
struct Matches {
  bool ok = true;
  std::vector<std::size_t> issues;
  std::vector<std::string> errors;
};
using Matcher = std::function<Matches(const std::string& jql)>;

struct Options {
  Flavour flavour = Flavour::Cloud;
  std::vector<nlohmann::json> issues;  // Jira's REST issue shape {id, key, self, fields}
  Matcher matcher;                     // JQL -> matches; see dump_matcher.hpp
  // Accepted credentials; a request with neither is answered 401.
  std::string basic_user, basic_secret;
  std::string bearer_token;
  std::string path_prefix;  // e.g. /ex/jira/<cloud-id> to stand in for the OAuth gateway
  int max_page_size = 100;  // the most issues one search page returns
  bool tls = false;         // HTTPS with a self-signed certificate made at start
  int threads = 32;         // server worker threads (each keep-alive connection holds one)
  std::string display_name = "Jira Bot";
  std::string email = "bot@acme.com";
};

// One injected misbehaviour, applied to the next matching requests.
struct Fault {
  int status = 0;                   // answer with this status (0: do not)
  std::string retry_after;          // Retry-After header, when not empty
  std::string denied_reason;        // X-Authentication-Denied-Reason header, when not empty
  bool drop = false;                // promise a body, send none, close the connection
  bool malformed_json = false;      // 200 with a truncated JSON body
  std::chrono::milliseconds delay{0};  // wait before answering (then answer normally)

  static Fault http(int status, std::string retry_after = {});
  static Fault captcha();
  static Fault dropped();
  static Fault malformed();
  static Fault slow(std::chrono::milliseconds delay);
};

struct LoggedRequest {
  std::string method;
  std::string path;  // without the prefix and query string
  std::string query_string;
  std::string body;
  std::string auth_scheme;  // "Basic", "Bearer" or "" — the credential itself is not kept
  int status = 0;  // 0 while the answer is being prepared
  std::chrono::steady_clock::time_point received, answered;
  std::uint64_t id = 0;  // arrival order
  int client_port = 0;   // tells connections apart: reused connections repeat a port
};

class Server {
 public:
  explicit Server(Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::string base_url() const;  // http(s)://127.0.0.1:<port><path_prefix>
  int port() const { return port_; }
  const std::string& ca_file() const { return cert_file_; }  // the certificate, when tls

  // The next `times` requests whose path contains `path_contains` get `fault`.
  void inject(Fault fault, int times = 1, std::string path_contains = {});
  void set_latency(std::chrono::milliseconds latency);  // every request, from now on

  std::vector<LoggedRequest> log() const;
  std::size_t count(const std::string& path_contains = {}) const;  // requests logged
  int peak_concurrency() const;    // the most requests being answered at one moment
  std::size_t connections() const;  // distinct client connections the logged requests came on
  void clear_log();

 private:
  struct Armed {
    Fault fault;
    int remaining;
    std::string path_contains;
  };
  void handle(const httplib::Request& req, httplib::Response& res);
  bool apply_fault(const std::string& path, httplib::Response& res);
  void route(const std::string& path, const httplib::Request& req, httplib::Response& res);
  void search_cloud(const nlohmann::json& body, httplib::Response& res, bool count_only);
  void search_datacenter(const nlohmann::json& body, httplib::Response& res);
  void projects(const httplib::Request& req, httplib::Response& res);
  void components(const std::string& key, httplib::Response& res);
  nlohmann::json shaped_issue(const nlohmann::json& issue, const nlohmann::json& fields) const;
  bool authorized(const httplib::Request& req) const;

  Options options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::string temp_dir_, cert_file_, key_file_;

  mutable std::mutex mutex_;  // guards the members below
  std::deque<Armed> faults_;
  std::chrono::milliseconds latency_{0};
  std::vector<LoggedRequest> log_;
  std::uint64_t last_id_ = 0;
};

}  // namespace cql::fake_jira
