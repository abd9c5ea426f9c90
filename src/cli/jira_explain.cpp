// `cql explain` for the jira namespace: the composed query per account (see jira_explain.hpp).
#include "cli/jira_explain.hpp"

#include <fmt/format.h>

#include "cql/jira.hpp"

namespace cql::cli {

std::string jira_query_lines(const CallInfo& call, const LoadedData& data) {
  constexpr const char* kIndent = "    ";
  if (!data.issue_source || !data.jira_settings || data.jira_settings->accounts.empty()) {
    return fmt::format("{}no Jira account is configured (--issues DUMP or --config FILE)\n", kIndent);
  }
  std::optional<std::string_view> argument;
  if (!call.arguments.empty()) {
    const auto& arg = call.arguments.front();
    if (!arg) return fmt::format("{}the JQL is computed at run time: the query is known only when evaluating\n", kIndent);
    if (arg->type() == Type::String) argument = arg->as_string();
  }
  JiraComposeRequest request;
  request.entity = &data.entity;
  request.settings = data.jira_settings.get();
  request.argument = argument;
  request.kind = call.name == "numOfIssues" ? QueryKind::Count : QueryKind::Search;
  IssueSource* source = data.issue_source.get();
  const auto composed = compose_jira_queries(
      request, [source](const std::string& account, std::string& error) { return source->known_values(account, error); });
  if (!composed.ok()) return fmt::format("{}cannot compose the query: {}\n", kIndent, composed.error().message);
  std::string out;
  for (const auto& q : composed.value()) {
    out += q.skipped ? fmt::format("{}account {}: nothing sent ({}); counts 0\n", kIndent, q.account, q.reason)
                     : fmt::format("{}account {}: {}\n", kIndent, q.account, q.jql);
  }
  return out;
}

}  // namespace cql::cli
