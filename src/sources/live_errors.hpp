#pragma once
// The sentences a user reads when a live Jira request fails (spec/jira.md §4): each names the
// account, says what happened and what to do. Built from the response only; callers redact
// the account's secret before the text leaves the source.

#include <string>

#include "cql/jira.hpp"
#include "sources/http_client.hpp"

namespace cql::sources {

// What was asked, for the message: the path called and, for queries, the JQL sent.
struct RequestDescription {
  std::string path;  // /rest/api/3/search/jql
  std::string jql;   // empty when the request carries no JQL
};

// The message for a response that is not a success (transport failure or status >= 300).
std::string describe_failure(const JiraAccount& account, const HttpResponse& response,
                             const RequestDescription& request);

// The message for a 2xx answer whose body is not the JSON expected (`problem` says how).
std::string describe_bad_answer(const JiraAccount& account, const RequestDescription& request,
                                const std::string& problem);

}  // namespace cql::sources
