// `:explain EXPR`: the JQL each jira call of the expression would send for the current entity,
// one query per account (spec/jira.md §2), composed by the same function the evaluator uses.
#include <fmt/format.h>

#include "cli/repl_session.hpp"
#include "cql/jira.hpp"

namespace cql::cli {

namespace {

struct ExplainedCall {
  std::string call;                 // `jira.numOfIssues("priority = High")`
  std::vector<std::string> queries; // `default: (...) AND (...)`, or a note
};

// `jira.numOfIssues("priority = High")`; `…` stands for a JQL argument computed at run time.
std::string call_text(const CallInfo& call, const std::optional<Value>& jql) {
  if (!jql) return fmt::format("jira.{}(…)", call.name);
  return fmt::format("jira.{}({})", call.name, jql->is_null() ? "" : to_cql_literal(*jql));
}

}  // namespace

Reply ReplSession::explain(const std::string& expression) {
  auto program = engine_->compile(expression, kReplSourceName);
  if (!program) return error_reply(program.errors());

  // Without a configuration, an issue dump is served as the one default account.
  const JiraSettings default_settings{.accounts = {JiraAccount{.alias = "default"}}};
  const JiraSettings& settings = data_->jira_settings ? *data_->jira_settings : default_settings;
  const KnownValuesLookup known = [this](const std::string& account, std::string& error) -> KnownValuesPtr {
    return data_->issue_source->known_values(account, error);
  };

  std::vector<ExplainedCall> explained;
  for (const CallInfo& call : program.value().calls()) {
    if (call.namespace_name != "jira" || call.is_method) continue;
    // The one parameter is the JQL; an argument not written holds its default, null.
    const std::optional<Value> argument = call.arguments.empty() ? std::optional<Value>(Value()) : call.arguments[0];
    ExplainedCall item{call_text(call, argument), {}};
    if (!data_->issue_source) {
      item.queries.push_back("nothing is sent: no Jira source (load one with :issues DUMP or :config FILE)");
    } else if (!argument || !(argument->is_null() || argument->type() == Type::String)) {
      item.queries.push_back("the JQL argument is computed when the rule runs; it replaces the base JQL");
    } else {
      JiraComposeRequest request;
      request.entity = &data_->entity;
      request.settings = &settings;
      if (!argument->is_null()) request.argument = argument->as_string();
      request.kind = call.name == "issues" ? QueryKind::Search : QueryKind::Count;
      auto composed = compose_jira_queries(request, known);
      if (!composed) return error_reply(composed.errors());
      for (const ComposedJiraQuery& query : composed.value()) {
        item.queries.push_back(query.skipped ? fmt::format("{}: nothing sent, 0 issues ({})", query.account, query.reason)
                                             : fmt::format("{}: {}", query.account, query.jql));
      }
    }
    explained.push_back(std::move(item));
  }

  if (explained.empty()) return Reply{.line = "no jira calls: nothing is sent to Jira"};
  std::string line, display;
  for (const ExplainedCall& item : explained) {
    std::string joined;
    for (const std::string& q : item.queries) joined += (joined.empty() ? "" : "; ") + q;
    line += fmt::format("{}{} -> {}", line.empty() ? "" : " | ", item.call, joined);
    display += item.call + "\n";
    for (const std::string& q : item.queries) display += "  " + style_.paint(StyleRole::Note, q) + "\n";
  }
  return Reply{.line = line, .display = display};
}

}  // namespace cql::cli
