#include "sources/live_source.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>

#include "sources/live_errors.hpp"
#include "sources/live_issue_json.hpp"
#include "sources/secret.hpp"

namespace cql::sources {

namespace {

using nlohmann::json;

// Answers arriving on the HTTP thread, handed to the thread waiting in fetch().
class Completions {
 public:
  void push(std::size_t job, HttpResponse response) {
    {
      std::lock_guard lock(mutex_);
      done_.emplace_back(job, std::move(response));
    }
    cv_.notify_one();
  }
  std::pair<std::size_t, HttpResponse> pop() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return !done_.empty(); });
    auto front = std::move(done_.front());
    done_.pop_front();
    return front;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::pair<std::size_t, HttpResponse>> done_;
};

std::string api_prefix(const JiraAccount& a) {
  return a.flavour == JiraFlavour::Cloud ? "/rest/api/3" : "/rest/api/2";
}

// Project keys are letters, digits and `_`, but a path segment is escaped all the same.
std::string path_segment(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

bool success(const HttpResponse& r) { return r.failure == TransportFailure::None && r.status >= 200 && r.status < 300; }

std::string body_json(const json& body) { return body.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

struct LiveSource::Account {
  JiraAccount settings;
  std::string browse_base;
  std::mutex mutex;  // guards everything below; held while the identity check runs
  bool prepared = false;
  std::optional<Credential> credential;
  std::string credential_error;
  std::optional<AccountCheck> identity;
};

// One query in progress: its paging position and what was gathered so far.
struct LiveSource::Job {
  const IssueQuery* query = nullptr;
  Account* account = nullptr;
  QueryResult* result = nullptr;
  std::vector<std::string> fields;
  std::string next_page_token;
  std::int64_t start_at = 0;
};

LiveSource::LiveSource(JiraSettings settings, RetryPolicy policy) : settings_(std::move(settings)), http_(policy) {
  for (const auto& a : settings_.accounts) {
    auto account = std::make_unique<Account>();
    account->settings = a;
    account->browse_base = a.browse_url.empty() ? a.base_url : a.browse_url;
    http_.configure_lane(a.alias, HttpLane{a.max_in_flight, a.requests_per_second, a.proxy, a.ca_file});
    accounts_.emplace(a.alias, std::move(account));
  }
}

LiveSource::~LiveSource() = default;

LiveSource::Account* LiveSource::account(const std::string& alias) {
  const auto it = accounts_.find(alias);
  return it == accounts_.end() ? nullptr : it->second.get();
}

std::string LiveSource::ready(Account& a) {
  std::lock_guard lock(a.mutex);
  if (!a.prepared) {
    a.prepared = true;
    if (a.settings.base_url.empty()) {
      a.credential_error = fmt::format("Jira account '{}' has no site or base_url, so it cannot be queried live.",
                                       a.settings.alias);
    } else {
      a.credential = Credential::load(a.settings, a.credential_error);
    }
  }
  if (!a.credential) return a.credential_error;
  if (!a.identity) {
    const std::string path = api_prefix(a.settings) + "/myself";
    const HttpResponse r = http_.perform(
        HttpRequest{a.settings.alias, "GET", a.settings.base_url + path, "", a.credential->authorization()});
    AccountCheck check;
    const RequestDescription what{path, ""};
    if (!success(r)) {
      check.error = a.credential->redact(describe_failure(a.settings, r, what));
    } else {
      const auto body = json::parse(r.body, nullptr, false);
      if (!body.is_object()) {
        check.error = a.credential->redact(describe_bad_answer(a.settings, what, "malformed JSON"));
      } else {
        const std::string name = body.value("displayName", body.value("name", std::string()));
        const std::string email = body.value("emailAddress", std::string());
        check.ok = true;
        check.identity = email.empty() ? name : fmt::format("{} <{}>", name, email);
      }
    }
    a.identity = std::move(check);
  }
  return a.identity->ok ? std::string() : a.identity->error;
}

AccountCheck LiveSource::verify_identity(const std::string& alias) {
  Account* a = account(alias);
  if (!a) return AccountCheck{false, {}, fmt::format("no Jira account named '{}' is configured.", alias)};
  const std::string error = ready(*a);
  if (!error.empty()) return AccountCheck{false, {}, error};
  std::lock_guard lock(a->mutex);
  return *a->identity;
}

std::size_t LiveSource::page_size(const Job& job) {
  return std::min<std::size_t>(kPageSize, job.query->limit - job.result->issues.size());
}

HttpRequest LiveSource::request_for(const Job& job) const {
  const JiraAccount& a = job.account->settings;
  const IssueQuery& q = *job.query;
  json body{{"jql", q.jql}};
  std::string path;
  if (a.flavour == JiraFlavour::Cloud) {
    if (q.kind == QueryKind::Count) {
      path = "/rest/api/3/search/approximate-count";
    } else {
      path = "/rest/api/3/search/jql";
      body["fields"] = job.fields;
      body["maxResults"] = page_size(job);
      if (!job.next_page_token.empty()) body["nextPageToken"] = job.next_page_token;
    }
  } else {
    path = "/rest/api/2/search";
    if (q.kind == QueryKind::Count) {
      body["maxResults"] = 0;
      body["validateQuery"] = "warn";
    } else {
      body["fields"] = job.fields;
      body["startAt"] = job.start_at;
      body["maxResults"] = page_size(job);
    }
  }
  return HttpRequest{a.alias, "POST", a.base_url + path, body_json(body), job.account->credential->authorization()};
}

bool LiveSource::absorb(Job& job, const HttpResponse& r) const {
  const JiraAccount& a = job.account->settings;
  const IssueQuery& q = *job.query;
  QueryResult& out = *job.result;
  const std::string path = a.flavour == JiraFlavour::DataCenter ? "/rest/api/2/search"
                           : q.kind == QueryKind::Count         ? "/rest/api/3/search/approximate-count"
                                                                : "/rest/api/3/search/jql";
  const RequestDescription what{path, q.jql};
  auto fail = [&](std::string message) {
    out.ok = false;
    out.issues.clear();
    out.error = job.account->credential->redact(std::move(message));
    return false;
  };
  if (!success(r)) return fail(describe_failure(a, r, what));
  json body;
  try {
    body = json::parse(r.body);
  } catch (const json::parse_error& e) {
    return fail(describe_bad_answer(a, what, fmt::format("malformed JSON: {}", e.what())));
  }
  if (!body.is_object()) return fail(describe_bad_answer(a, what, "the answer is not a JSON object"));

  if (q.kind == QueryKind::Count) {
    const char* field = a.flavour == JiraFlavour::Cloud ? "count" : "total";
    const auto it = body.find(field);
    if (it == body.end() || !it->is_number_integer()) {
      return fail(describe_bad_answer(a, what, fmt::format("no integer `{}`", field)));
    }
    out.ok = true;
    out.count = it->get<std::int64_t>();
    return false;
  }

  const auto issues = body.find("issues");
  if (issues == body.end() || !issues->is_array()) return fail(describe_bad_answer(a, what, "no `issues` list"));
  for (const auto& issue : *issues) {
    if (out.issues.size() >= q.limit) break;
    if (!issue.is_object()) return fail(describe_bad_answer(a, what, "an issue is not a JSON object"));
    out.issues.push_back(issue_from_json(issue, job.account->browse_base));
  }
  out.ok = true;
  out.count = static_cast<std::int64_t>(out.issues.size());
  // An empty page ends paging even when the server claims more, so a confused server cannot loop us.
  if (out.issues.size() >= q.limit || issues->empty()) return false;
  if (a.flavour == JiraFlavour::Cloud) {
    const bool last = body.value("isLast", true);
    const std::string token = body.contains("nextPageToken") && body["nextPageToken"].is_string()
                                  ? body["nextPageToken"].get<std::string>()
                                  : std::string();
    if (last || token.empty() || token == job.next_page_token) return false;
    job.next_page_token = token;
    return true;
  }
  job.start_at += static_cast<std::int64_t>(issues->size());
  const auto total = body.find("total");
  return total != body.end() && total->is_number_integer() && job.start_at < total->get<std::int64_t>();
}

std::vector<QueryResult> LiveSource::fetch(std::span<const IssueQuery> queries) {
  std::vector<QueryResult> results(queries.size());
  std::vector<Job> jobs;
  jobs.reserve(queries.size());
  std::map<std::string, std::string> account_errors;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const IssueQuery& q = queries[i];
    Account* a = account(q.account);
    if (!a) {
      results[i].error = fmt::format("no Jira account named '{}' is configured; add it to the configuration's "
                                     "jira.accounts.", q.account);
      continue;
    }
    auto [it, fresh] = account_errors.try_emplace(q.account);
    if (fresh) it->second = ready(*a);
    if (!it->second.empty()) {
      results[i].error = it->second;
      continue;
    }
    if (q.kind == QueryKind::Search && q.limit == 0) {
      results[i].ok = true;
      continue;
    }
    Job job;
    job.query = &q;
    job.account = a;
    job.result = &results[i];
    if (q.kind == QueryKind::Search) job.fields = jira_fields_for(q.fields);
    jobs.push_back(std::move(job));
  }

  auto completions = std::make_shared<Completions>();
  auto send = [this, &jobs, completions](std::size_t index) {
    http_.submit(request_for(jobs[index]), [completions, index](HttpResponse r) { completions->push(index, std::move(r)); });
  };
  for (std::size_t j = 0; j < jobs.size(); ++j) send(j);
  for (std::size_t outstanding = jobs.size(); outstanding > 0;) {
    auto [index, response] = completions->pop();
    if (absorb(jobs[index], response)) send(index);
    else --outstanding;
  }
  return results;
}

std::optional<json> LiveSource::get_json(Account& a, const std::string& path, std::string& error) {
  const HttpResponse r =
      http_.perform(HttpRequest{a.settings.alias, "GET", a.settings.base_url + path, "", a.credential->authorization()});
  const RequestDescription what{path, ""};
  if (!success(r)) {
    error = a.credential->redact(describe_failure(a.settings, r, what));
    return std::nullopt;
  }
  auto body = json::parse(r.body, nullptr, false);
  if (body.is_discarded()) {
    error = a.credential->redact(describe_bad_answer(a.settings, what, "malformed JSON"));
    return std::nullopt;
  }
  return body;
}

KnownValuesPtr LiveSource::known_values(const std::string& alias, std::string& error) {
  Account* a = account(alias);
  if (!a) {
    error = fmt::format("no Jira account named '{}' is configured.", alias);
    return nullptr;
  }
  error = ready(*a);
  if (!error.empty()) return nullptr;

  // Projects: Cloud pages through /project/search, Data Center lists them all at once.
  std::vector<std::string> projects, keys;
  auto add_project = [&](const json& p) {
    if (!p.is_object()) return;
    for (const char* field : {"key", "name", "id"}) {
      if (p.contains(field) && p[field].is_string()) projects.push_back(p[field].get<std::string>());
    }
    if (p.contains("key") && p["key"].is_string()) keys.push_back(p["key"].get<std::string>());
  };
  const std::string prefix = api_prefix(a->settings);
  if (a->settings.flavour == JiraFlavour::Cloud) {
    for (std::int64_t start = 0;;) {
      auto page = get_json(*a, fmt::format("{}/project/search?startAt={}&maxResults=100", prefix, start), error);
      if (!page) return nullptr;
      const auto values = page->find("values");
      if (!page->is_object() || values == page->end() || !values->is_array()) {
        error = describe_bad_answer(a->settings, {prefix + "/project/search", ""}, "no `values` list");
        return nullptr;
      }
      for (const auto& p : *values) add_project(p);
      start += static_cast<std::int64_t>(values->size());
      if (values->empty() || page->value("isLast", true)) break;
    }
  } else {
    auto list = get_json(*a, prefix + "/project", error);
    if (!list) return nullptr;
    if (!list->is_array()) {
      error = describe_bad_answer(a->settings, {prefix + "/project", ""}, "not a list of projects");
      return nullptr;
    }
    for (const auto& p : *list) add_project(p);
  }

  // Components: one request per project, all at once.
  auto completions = std::make_shared<Completions>();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    http_.submit(HttpRequest{alias, "GET", a->settings.base_url + prefix + "/project/" + path_segment(keys[i]) + "/components",
                             "", a->credential->authorization()},
                 [completions, i](HttpResponse r) { completions->push(i, std::move(r)); });
  }
  std::set<std::string> components;
  std::string first_error;
  for (std::size_t n = 0; n < keys.size(); ++n) {
    auto [i, r] = completions->pop();
    const RequestDescription what{prefix + "/project/" + keys[i] + "/components", ""};
    if (!success(r)) {
      if (first_error.empty()) first_error = describe_failure(a->settings, r, what);
      continue;
    }
    const auto list = json::parse(r.body, nullptr, false);
    if (!list.is_array()) {
      if (first_error.empty()) first_error = describe_bad_answer(a->settings, what, "not a list of components");
      continue;
    }
    for (const auto& c : list) {
      if (c.is_object() && c.contains("name") && c["name"].is_string()) components.insert(c["name"].get<std::string>());
    }
  }
  if (!first_error.empty()) {
    error = a->credential->redact(first_error);
    return nullptr;
  }
  return std::make_shared<const KnownValues>(std::move(projects),
                                             std::vector<std::string>(components.begin(), components.end()));
}

}  // namespace cql::sources
