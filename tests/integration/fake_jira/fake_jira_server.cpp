#include "tests/integration/fake_jira/fake_jira_server.hpp"

#include <httplib.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

namespace cql::fake_jira {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Independent of the code under test (src/sources/secret), so a bug there cannot hide here.
std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_errors(httplib::Response& res, int status, std::vector<std::string> messages) {
  send_json(res, status, json{{"errorMessages", std::move(messages)}, {"errors", json::object()}});
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "cql-fake-jira-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("fake Jira: cannot create a temporary directory");
  return pattern;
}

struct Project {
  std::string id, key, name;
  std::map<std::string, std::string> components;  // name -> id
};

std::map<std::string, Project> projects_of(const std::vector<json>& issues) {
  std::map<std::string, Project> out;
  for (const auto& issue : issues) {
    const auto& fields = issue.value("fields", json::object());
    const auto& p = fields.value("project", json::object());
    const std::string key = p.value("key", "");
    if (key.empty()) continue;
    auto& project = out[key];
    project.key = key;
    project.id = p.value("id", "");
    project.name = p.value("name", key);
    for (const auto& c : fields.value("components", json::array())) {
      if (c.is_object() && c.contains("name")) project.components[c["name"].get<std::string>()] = c.value("id", "");
    }
  }
  return out;
}

int int_param(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  try {
    return std::stoi(req.get_param_value(name));
  } catch (...) {
    return fallback;
  }
}

}  // namespace

Fault Fault::http(int status, std::string retry_after) {
  Fault f;
  f.status = status;
  f.retry_after = std::move(retry_after);
  return f;
}
Fault Fault::captcha() {
  Fault f;
  f.status = 403;
  f.denied_reason = "CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp";
  return f;
}
Fault Fault::dropped() {
  Fault f;
  f.drop = true;
  return f;
}
Fault Fault::malformed() {
  Fault f;
  f.malformed_json = true;
  return f;
}
Fault Fault::slow(std::chrono::milliseconds delay) {
  Fault f;
  f.delay = delay;
  return f;
}

Server::Server(Options options) : options_(std::move(options)) {
  if (options_.tls) {
    temp_dir_ = make_temp_dir();
    cert_file_ = temp_dir_ + "/cert.pem";
    key_file_ = temp_dir_ + "/key.pem";
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
                                "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
                                key_file_ + "' -out '" + cert_file_ + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("fake Jira: openssl could not make a certificate");
    server_ = std::make_unique<httplib::SSLServer>(cert_file_.c_str(), key_file_.c_str());
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server_->set_keep_alive_max_count(100000);
  server_->set_tcp_nodelay(true);  // else Nagle and delayed ACKs add 40 ms to every answer
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server_->Get(R"(.*)", handler);
  server_->Post(R"(.*)", handler);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake Jira: cannot bind to 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs, so a server stopped too early would never end.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

Server::~Server() {
  server_->stop();
  thread_.join();
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

std::string Server::base_url() const {
  return std::string(options_.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + options_.path_prefix;
}

void Server::inject(Fault fault, int times, std::string path_contains) {
  std::lock_guard lock(mutex_);
  faults_.push_back(Armed{std::move(fault), times, std::move(path_contains)});
}

void Server::set_latency(std::chrono::milliseconds latency) {
  std::lock_guard lock(mutex_);
  latency_ = latency;
}

std::vector<LoggedRequest> Server::log() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::size_t Server::count(const std::string& path_contains) const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(log_.begin(), log_.end(), [&](const LoggedRequest& r) {
    return r.path.find(path_contains) != std::string::npos;
  }));
}

int Server::peak_concurrency() const {
  std::vector<std::pair<Clock::time_point, int>> events;  // ends sort before starts at one instant
  for (const auto& r : log()) {
    events.emplace_back(r.received, +1);
    events.emplace_back(r.answered, -1);
  }
  std::sort(events.begin(), events.end());
  int now = 0, peak = 0;
  for (const auto& [time, delta] : events) peak = std::max(peak, now += delta);
  return peak;
}

std::size_t Server::connections() const {
  std::set<int> ports;
  for (const auto& r : log()) ports.insert(r.client_port);
  return ports.size();
}

void Server::clear_log() {
  std::lock_guard lock(mutex_);
  log_.clear();
}

bool Server::authorized(const httplib::Request& req) const {
  const std::string header = req.get_header_value("Authorization");
  if (!options_.basic_user.empty() && header == "Basic " + base64(options_.basic_user + ":" + options_.basic_secret)) {
    return true;
  }
  return !options_.bearer_token.empty() && header == "Bearer " + options_.bearer_token;
}

void Server::handle(const httplib::Request& req, httplib::Response& res) {
  const std::string& prefix = options_.path_prefix;
  const bool under_prefix = req.path.starts_with(prefix);
  LoggedRequest entry;
  entry.received = Clock::now();
  entry.method = req.method;
  entry.path = under_prefix ? req.path.substr(prefix.size()) : req.path;
  entry.body = req.body;
  entry.client_port = req.remote_port;
  const std::string auth = req.get_header_value("Authorization");
  entry.auth_scheme = auth.substr(0, auth.find(' '));
  for (const auto& [name, value] : req.params) {
    entry.query_string += (entry.query_string.empty() ? "" : "&") + name + "=" + value;
  }
  // Logged on arrival, so a request still being answered is already visible to the test.
  std::uint64_t id = 0;
  std::chrono::milliseconds latency;
  {
    std::lock_guard lock(mutex_);
    latency = latency_;
    id = entry.id = ++last_id_;
    log_.push_back(entry);
  }
  if (latency.count() > 0) std::this_thread::sleep_for(latency);

  if (!under_prefix) {
    send_errors(res, 404, {"Not found."});
  } else if (!apply_fault(entry.path, res)) {
    if (!authorized(req)) {
      send_errors(res, 401, {"You are not authenticated. Authentication required to perform this operation."});
    } else {
      route(entry.path, req, res);
    }
  }
  std::lock_guard lock(mutex_);
  const auto it = std::find_if(log_.rbegin(), log_.rend(), [id](const LoggedRequest& r) { return r.id == id; });
  if (it != log_.rend()) {  // clear_log() may have run meanwhile
    it->status = res.status;
    it->answered = Clock::now();
  }
}

bool Server::apply_fault(const std::string& path, httplib::Response& res) {
  Fault fault;
  {
    std::lock_guard lock(mutex_);
    const auto it = std::find_if(faults_.begin(), faults_.end(), [&](const Armed& a) {
      return path.find(a.path_contains) != std::string::npos;
    });
    if (it == faults_.end()) return false;
    fault = it->fault;
    if (--it->remaining <= 0) faults_.erase(it);
  }
  if (fault.delay.count() > 0) {
    std::this_thread::sleep_for(fault.delay);
    return false;
  }
  if (fault.drop) {
    // Promise a body and fail to produce it: httplib closes the connection mid-answer.
    res.status = 200;
    res.set_content_provider(
        64, "application/json", [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
    return true;
  }
  if (fault.malformed_json) {
    res.status = 200;
    res.set_content(R"({"count": 3, "issues": [{"key": "PAY-1", )", "application/json");
    return true;
  }
  if (!fault.retry_after.empty()) res.set_header("Retry-After", fault.retry_after);
  if (!fault.denied_reason.empty()) res.set_header("X-Authentication-Denied-Reason", fault.denied_reason);
  send_errors(res, fault.status, {fault.status == 429 ? "Rate limit exceeded." : "Injected failure."});
  return true;
}

void Server::route(const std::string& path, const httplib::Request& req, httplib::Response& res) {
  const bool cloud = options_.flavour == Flavour::Cloud;
  const std::string api = cloud ? "/rest/api/3" : "/rest/api/2";
  json body;
  if (req.method == "POST") {
    body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) return send_errors(res, 400, {"The request body is not valid JSON."});
  }
  // Cloud still serves REST v2 for most things (not for search), so /rest/api/2/myself works there too.
  if (req.method == "GET" && (path == api + "/myself" || (cloud && path == "/rest/api/2/myself"))) {
    return send_json(res, 200,
                     json{{"accountId", "5b10a2844c20165700ede21g"}, {"name", "bot"},
                          {"displayName", options_.display_name}, {"emailAddress", options_.email}});
  }
  if (cloud && (path == "/rest/api/2/search" || path == "/rest/api/3/search")) {
    return send_errors(res, 410, {"The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."});
  }
  if (req.method == "POST" && cloud && path == "/rest/api/3/search/approximate-count") return search_cloud(body, res, true);
  if (req.method == "POST" && cloud && path == "/rest/api/3/search/jql") return search_cloud(body, res, false);
  if (req.method == "POST" && !cloud && path == "/rest/api/2/search") return search_datacenter(body, res);
  if (req.method == "GET" && (cloud ? path == api + "/project/search" : path == api + "/project")) return projects(req, res);
  const std::string project_prefix = api + "/project/";
  if (req.method == "GET" && path.starts_with(project_prefix) && path.ends_with("/components")) {
    return components(path.substr(project_prefix.size(), path.size() - project_prefix.size() - 11), res);
  }
  send_errors(res, 404, {"No endpoint " + req.method + " " + path + " here."});
}

json Server::shaped_issue(const json& issue, const json& fields) const {
  json out{{"id", issue.value("id", "")}, {"key", issue.value("key", "")}, {"self", issue.value("self", "")}};
  const json& all = issue.contains("fields") ? issue["fields"] : json::object();
  const bool everything = !fields.is_array() || std::find(fields.begin(), fields.end(), "*all") != fields.end();
  if (everything) {
    if (options_.flavour == Flavour::DataCenter || fields.is_array()) out["fields"] = all;
    return out;  // Cloud's search/jql sends ids only unless fields are named
  }
  json picked = json::object();
  for (const auto& f : fields) {
    if (f.is_string() && all.contains(f.get<std::string>())) picked[f.get<std::string>()] = all[f.get<std::string>()];
  }
  out["fields"] = std::move(picked);
  return out;
}

void Server::search_cloud(const json& body, httplib::Response& res, bool count_only) {
  if (!body.contains("jql") || !body["jql"].is_string()) return send_errors(res, 400, {"The JQL query is missing."});
  const Matches m = options_.matcher(body["jql"].get<std::string>());
  if (!m.ok) return send_errors(res, 400, m.errors);
  if (count_only) return send_json(res, 200, json{{"count", m.issues.size()}});

  std::size_t offset = 0;
  if (body.contains("nextPageToken")) {
    const std::string token = body["nextPageToken"].is_string() ? body["nextPageToken"].get<std::string>() : "";
    if (!token.starts_with("page-")) return send_errors(res, 400, {"The nextPageToken is invalid."});
    offset = std::stoul(token.substr(5));
  }
  const int asked = body.value("maxResults", 50);
  const auto page = static_cast<std::size_t>(std::clamp(asked, 1, options_.max_page_size));
  json issues = json::array();
  const json fields = body.contains("fields") ? body["fields"] : json();
  for (std::size_t i = offset; i < m.issues.size() && i < offset + page; ++i) {
    issues.push_back(shaped_issue(options_.issues[m.issues[i]], fields));
  }
  json out{{"issues", std::move(issues)}};
  const bool last = offset + page >= m.issues.size();
  out["isLast"] = last;
  if (!last) out["nextPageToken"] = "page-" + std::to_string(offset + page);
  send_json(res, 200, out);
}

void Server::search_datacenter(const json& body, httplib::Response& res) {
  if (!body.contains("jql") || !body["jql"].is_string()) return send_errors(res, 400, {"The JQL query is missing."});
  const Matches m = options_.matcher(body["jql"].get<std::string>());
  if (!m.ok) {
    // validateQuery "warn" turns unknown-value errors into warnings, as Jira does.
    if (body.value("validateQuery", "strict") == "warn" && m.issues.empty() && !m.errors.empty() &&
        m.errors.front().find("does not exist") != std::string::npos) {
      return send_json(res, 200, json{{"startAt", 0}, {"maxResults", 0}, {"total", 0}, {"issues", json::array()},
                                      {"warningMessages", m.errors}});
    }
    return send_errors(res, 400, m.errors);
  }
  const auto start = static_cast<std::size_t>(std::max(0, body.value("startAt", 0)));
  const int asked = body.value("maxResults", 50);
  const auto page = static_cast<std::size_t>(std::clamp(asked, 0, options_.max_page_size));
  json issues = json::array();
  const json fields = body.contains("fields") ? body["fields"] : json();
  for (std::size_t i = start; i < m.issues.size() && i < start + page; ++i) {
    issues.push_back(shaped_issue(options_.issues[m.issues[i]], fields));
  }
  send_json(res, 200,
            json{{"startAt", start}, {"maxResults", page}, {"total", m.issues.size()}, {"issues", std::move(issues)}});
}

void Server::projects(const httplib::Request& req, httplib::Response& res) {
  json values = json::array();
  for (const auto& [key, p] : projects_of(options_.issues)) {
    values.push_back(json{{"id", p.id}, {"key", p.key}, {"name", p.name}});
  }
  if (options_.flavour == Flavour::DataCenter) return send_json(res, 200, values);
  const auto start = static_cast<std::size_t>(std::max(0, int_param(req, "startAt", 0)));
  const auto page = static_cast<std::size_t>(std::clamp(int_param(req, "maxResults", 50), 1, options_.max_page_size));
  json slice = json::array();
  for (std::size_t i = start; i < values.size() && i < start + page; ++i) slice.push_back(values[i]);
  send_json(res, 200,
            json{{"startAt", start}, {"maxResults", page}, {"total", values.size()},
                 {"isLast", start + page >= values.size()}, {"values", std::move(slice)}});
}

void Server::components(const std::string& key, httplib::Response& res) {
  const auto all = projects_of(options_.issues);
  const auto it = all.find(key);
  if (it == all.end()) return send_errors(res, 404, {"No project could be found with key '" + key + "'."});
  json list = json::array();
  for (const auto& [name, id] : it->second.components) list.push_back(json{{"id", id}, {"name", name}});
  send_json(res, 200, list);
}

}  // namespace cql::fake_jira
