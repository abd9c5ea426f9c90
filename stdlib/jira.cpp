// The `jira` namespace (spec/jira.md §1, §2, §7): jira.numOfIssues([jql]) and
// jira.issues([jql]). The JQL sent per account comes from compose_jira_queries; the issue
// source (offline dump, live Jira, cache) answers it. A constant JQL argument is checked when
// the rule compiles, with the caret inside the string literal.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/entity.hpp"
#include "cql/issue_source.hpp"
#include "cql/jira.hpp"
#include "stdlib/families.hpp"

namespace cql {
namespace {

// jira.issues() lists at most this many issues per account; more is an error rather than a
// silently shortened list (jira.numOfIssues() counts any number).
constexpr std::size_t kMaxListedIssues = 10'000;

// The JQL argument: absent or null means none.
std::optional<std::string_view> jql_argument(std::span<const Value> args, std::string_view callee) {
  if (args.empty() || args[0].is_null()) return std::nullopt;
  if (args[0].type() != Type::String) {
    fail(ErrorKind::Type, fmt::format("{}: the JQL argument must be a string or null, got {}", callee, type_name(args[0].type())));
  }
  return std::string_view(args[0].as_string());
}

std::vector<ComposedJiraQuery> compose(CallContext& ctx, std::optional<std::string_view> argument, QueryKind kind,
                                       std::string_view callee) {
  IssueSource* source = ctx.issue_source();
  const JiraSettings* settings = ctx.jira_settings();
  if (!source || !settings || settings->accounts.empty()) {
    fail(ErrorKind::Provider, fmt::format("{}: no Jira account is configured (use --issues DUMP or --config FILE)", callee));
  }
  JiraComposeRequest request;
  request.entity = &ctx.entity();
  request.settings = settings;
  request.argument = argument;
  request.kind = kind;
  auto composed = compose_jira_queries(
      request, [source](const std::string& account, std::string& error) { return source->known_values(account, error); });
  if (!composed.ok()) fail(composed.error().kind, fmt::format("{}: {}", callee, composed.error().message));
  return std::move(composed).value();
}

// Sends the composed queries that are not skipped; a failed one fails the call.
std::vector<QueryResult> fetch(CallContext& ctx, const std::vector<ComposedJiraQuery>& composed, QueryKind kind,
                               std::string_view callee) {
  std::vector<IssueQuery> queries;
  for (const auto& c : composed) {
    if (c.skipped) continue;
    IssueQuery q;
    q.account = c.account;
    q.jql = c.jql;
    q.kind = kind;
    q.limit = kMaxListedIssues + 1;
    queries.push_back(std::move(q));
  }
  if (queries.empty()) return {};
  std::vector<QueryResult> results = ctx.issue_source()->fetch(queries);
  for (const auto& r : results) {
    if (!r.ok) fail(ErrorKind::Provider, fmt::format("{}: {}", callee, r.error));
  }
  return results;
}

Value num_of_issues(CallContext& ctx, std::span<const Value> args) {
  constexpr std::string_view kCallee = "jira.numOfIssues()";
  const auto composed = compose(ctx, jql_argument(args, kCallee), QueryKind::Count, kCallee);
  std::int64_t total = 0;
  for (const auto& r : fetch(ctx, composed, QueryKind::Count, kCallee)) total += r.count;
  return Value(total);
}

Value issues(CallContext& ctx, std::span<const Value> args) {
  constexpr std::string_view kCallee = "jira.issues()";
  const auto composed = compose(ctx, jql_argument(args, kCallee), QueryKind::Search, kCallee);
  const auto results = fetch(ctx, composed, QueryKind::Search, kCallee);
  List list;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].issues.size() > kMaxListedIssues) {
      fail(ErrorKind::Eval, fmt::format("{}: the query matches more than {} issues; narrow the JQL or count them with "
                                        "jira.numOfIssues()",
                                        kCallee, kMaxListedIssues));
    }
    ctx.check_list_size(list.size() + results[i].issues.size());
    for (const Issue& issue : results[i].issues) list.push_back(issue.to_value());
  }
  return Value(std::move(list));
}

// A constant JQL argument must parse; the error points into the string literal.
PrepareResult prepare_jql(std::span<const std::optional<Value>> constants) {
  PrepareResult result;
  if (constants.empty() || !constants[0] || constants[0]->type() != Type::String) return result;
  if (const auto error = check_jql_syntax(constants[0]->as_string())) {
    result.error = "invalid JQL: " + error->text();
    result.bad_argument = 0;
    result.error_span = Span{error->offset, error->offset};
  }
  return result;
}

FunctionSpec jira_function(std::string name, StaticType result, std::string summary, NativeFunction function) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.namespace_name = "jira";
  ParamSpec jql;
  jql.name = "jql";
  jql.required = false;
  spec.params = {jql};
  spec.result = result;
  spec.pure = false;  // the answer comes from Jira
  spec.function = std::move(function);
  spec.prepare = prepare_jql;
  spec.summary = std::move(summary);
  return spec;
}

}  // namespace

void register_jira(Registry& registry) {
  NamespaceSpec ns;
  ns.name = "jira";
  ns.is_present = [](CallContext& ctx) {
    return ctx.issue_source() != nullptr && ctx.jira_settings() != nullptr && !ctx.jira_settings()->accounts.empty();
  };
  registry.add_namespace(std::move(ns));
  registry.add(jira_function("numOfIssues", StaticType::Int,
                             "the number of the entity's Jira issues matching the JQL (default: its open issues)",
                             num_of_issues));
  registry.add(jira_function("issues", StaticType::List,
                             "the entity's Jira issues matching the JQL, as objects {key, summary, status, ...}", issues));
}

}  // namespace cql
