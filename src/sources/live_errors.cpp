#include "sources/live_errors.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cql::sources {

namespace {

std::string who(const JiraAccount& a) { return fmt::format("Jira account '{}'", a.alias); }

std::string attempts_text(const HttpResponse& r) {
  return r.attempts > 1 ? fmt::format(" after {} attempts", r.attempts) : std::string();
}

std::string secret_location(const JiraAccount& a) {
  if (!a.secret_env.empty()) return "the environment variable " + a.secret_env;
  return "the file " + a.secret_file;
}

// Jira's error body: {"errorMessages": [...], "errors": {"field": "message"}, "warningMessages": [...]}.
std::string jira_messages(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) return {};
  std::string out;
  auto add = [&out](const std::string& m) {
    if (m.empty()) return;
    if (!out.empty()) out += " ";
    out += m;
    if (out.back() != '.' && out.back() != '!' && out.back() != '?') out += ".";
  };
  for (const char* key : {"errorMessages", "warningMessages"}) {
    if (const auto it = json.find(key); it != json.end() && it->is_array()) {
      for (const auto& m : *it) if (m.is_string()) add(m.get<std::string>());
    }
  }
  if (const auto it = json.find("errors"); it != json.end() && it->is_object()) {
    for (const auto& [field, m] : it->items()) {
      if (m.is_string()) add(field + ": " + m.get<std::string>());
    }
  }
  return out;
}

std::string unauthorized(const JiraAccount& a) {
  const std::string where = secret_location(a);
  switch (a.auth) {
    case JiraAuth::Basic:
      if (a.flavour == JiraFlavour::Cloud) {
        return fmt::format(
            "{}: authentication failed (401): the email {} and the API token in {} do not match, or the token "
            "has expired or was revoked; create a new API token at "
            "https://id.atlassian.com/manage-profile/security/api-tokens and put it in {}.",
            who(a), a.email, where, where);
      }
      return fmt::format(
          "{}: authentication failed (401): the username {} and the password in {} were refused; check both, "
          "or use a personal access token.",
          who(a), a.username, where);
    case JiraAuth::Bearer:
      return fmt::format(
          "{}: authentication failed (401): the personal access token in {} is wrong, expired or revoked; create "
          "a new one in your Jira profile and put it in {}.",
          who(a), where, where);
    case JiraAuth::OAuth:
      return fmt::format(
          "{}: authentication failed (401): the OAuth access token in {} was refused, probably because it "
          "expired; refresh it and put the new one in {}.",
          who(a), where, where);
  }
  return who(a) + ": authentication failed (401).";
}

std::string site_of(const JiraAccount& a) { return a.browse_url.empty() ? a.base_url : a.browse_url; }

std::string status_failure(const JiraAccount& a, const HttpResponse& r, const RequestDescription& req) {
  const std::string details = jira_messages(r.body);
  const std::string jira_says = details.empty() ? std::string() : " Jira says: " + details;
  switch (r.status) {
    case 400:
      return fmt::format("{} rejected the request (400): {} JQL sent: {}", who(a),
                         details.empty() ? std::string("Jira gave no reason.") : details,
                         req.jql.empty() ? std::string("(none)") : req.jql);
    case 401: return unauthorized(a);
    case 403:
      if (!r.auth_denied_reason.empty()) {
        return fmt::format(
            "{}: Jira refused the login (403, X-Authentication-Denied-Reason: {}): too many failed logins "
            "triggered a CAPTCHA; log in to {} once through the browser, then run cql again.",
            who(a), r.auth_denied_reason, site_of(a));
      }
      return fmt::format(
          "{}: permission denied (403) for {}; make sure the user may browse the projects (and use the REST "
          "API).{}",
          who(a), req.path, jira_says);
    case 404:
      return fmt::format("{}: {} was not found (404); check base_url and kind (cloud or datacenter).{}", who(a),
                         req.path, jira_says);
    case 410:
      if (req.path == "/rest/api/2/search" || req.path == "/rest/api/3/search") {
        return fmt::format(
            "{}: {} is gone (410): that site is Jira Cloud, which removed this search endpoint; set `kind: cloud` "
            "for the account.",
            who(a), req.path);
      }
      return fmt::format("{}: {} is gone (410).{}", who(a), req.path, jira_says);
    case 429:
      return fmt::format(
          "{} is still rate limited (429){}; lower requests_per_second or max_in_flight for the account, or try "
          "again later.",
          who(a), attempts_text(r));
    default: break;
  }
  if (r.status >= 300 && r.status < 400) {
    return fmt::format(
        "{}: {} answered with a redirect ({}); set base_url to the address Jira is served from.", who(a), req.path,
        r.status);
  }
  if (r.status >= 500) {
    return fmt::format("{}: the server answered {} for {}{}; Jira may be down or overloaded, try again later.{}",
                       who(a), r.status, req.path, attempts_text(r), jira_says);
  }
  return fmt::format("{}: the server answered {} for {}.{}", who(a), r.status, req.path, jira_says);
}

}  // namespace

std::string describe_failure(const JiraAccount& a, const HttpResponse& r, const RequestDescription& req) {
  switch (r.failure) {
    case TransportFailure::None: return status_failure(a, r, req);
    case TransportFailure::Resolve:
      return fmt::format(
          "{}: cannot resolve the host of {} ({}); check site or base_url in the configuration, your network "
          "and proxy.",
          who(a), a.base_url, r.failure_detail);
    case TransportFailure::Connect:
      return fmt::format("{}: cannot connect to {} ({}){}; check base_url and proxy, and that the server is up.",
                         who(a), a.base_url, r.failure_detail, attempts_text(r));
    case TransportFailure::Tls:
      return fmt::format(
          "{}: the TLS connection to {} failed ({}); if the server's certificate comes from a private CA, set "
          "ca_file to that CA's certificate.",
          who(a), a.base_url, r.failure_detail);
    case TransportFailure::Timeout:
      return fmt::format("{}: {} did not answer in time ({}){}; try again later or raise jira.timeout.", who(a),
                         a.base_url, r.failure_detail, attempts_text(r));
    case TransportFailure::Dropped:
      return fmt::format("{}: the connection to {} broke before the answer was complete ({}){}; try again later.",
                         who(a), a.base_url, r.failure_detail, attempts_text(r));
    case TransportFailure::TooLarge:
      return fmt::format("{}: the answer to {} is too large; narrow the query.", who(a), req.path);
    case TransportFailure::WaitTooLong:
      return fmt::format(
          "{}: Jira asked to wait {} before retrying{}, longer than jira.retry.max_wait allows; try again later.",
          who(a), r.retry_after.find_first_not_of("0123456789") == std::string::npos ? r.retry_after + " s"
                                                                                      : "until " + r.retry_after,
          r.status ? fmt::format(" ({})", r.status) : std::string());
    case TransportFailure::Cancelled:
      return fmt::format("{}: the request to {} was cancelled because cql is stopping.", who(a), req.path);
    case TransportFailure::Other: break;
  }
  return fmt::format("{}: the request to {} failed ({}){}; check the network and try again.", who(a), a.base_url,
                     r.failure_detail, attempts_text(r));
}

std::string describe_bad_answer(const JiraAccount& a, const RequestDescription& req, const std::string& problem) {
  return fmt::format(
      "{}: the answer to {} is not what Jira sends ({}); check that base_url points at Jira and not at a login page "
      "or proxy.",
      who(a), req.path, problem);
}

}  // namespace cql::sources
