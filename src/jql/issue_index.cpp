// The offline evaluator's entry points (see issue_index.hpp).
#include "jql/issue_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "jql/issue_order.hpp"
#include "jql/jql_parser.hpp"

namespace cql::jql {
namespace {

using sources::DumpIssue;

Diagnostic error(ErrorKind kind, std::string message) {
  Diagnostic d;
  d.kind = kind;
  d.message = std::move(message);
  return d;
}

// `https://acme.atlassian.net/rest/api/2/issue/1` -> `https://acme.atlassian.net`.
std::string origin_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const auto path = url.find('/', scheme + 3);
  return std::string(url.substr(0, path));
}

void add_unique(std::vector<std::string>& out, std::set<std::string>& seen, const std::string& value) {
  if (!value.empty() && seen.insert(value).second) out.push_back(value);
}

}  // namespace

IssueIndex::IssueIndex(sources::IssueDump dump) : dump_(std::move(dump)) {
  const std::size_t n = dump_.issues.size();
  std::vector<std::string> aliases;
  for (std::size_t f = 0; f < kTokenFieldCount; ++f) {
    TokenPostings& postings = tokens_[f];
    postings.with_value = RowSet(n);
    for (std::size_t row = 0; row < n; ++row) {
      aliases.clear();
      token_aliases(dump_.issues[row], static_cast<FieldId>(f), aliases);
      if (aliases.empty()) continue;
      postings.with_value.set(row);
      std::sort(aliases.begin(), aliases.end());
      aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
      for (auto& alias : aliases) postings.rows[alias].push_back(static_cast<std::uint32_t>(row));
    }
    for (const auto& [value, rows] : postings.rows) {
      if (rows.size() * 32 <= n) continue;
      RowSet bits(n);
      for (std::uint32_t row : rows) bits.set(row);
      postings.dense.emplace(&rows, std::move(bits));
    }
  }
  std::set<std::string> standard, subtask;
  for (const DumpIssue& issue : dump_.issues) {
    if (issue.issue_type && !issue.issue_type->name.empty()) (issue.subtask ? subtask : standard).insert(issue.issue_type->name);
  }
  standard_types_.assign(standard.begin(), standard.end());
  subtask_types_.assign(subtask.begin(), subtask.end());
}

Result<std::shared_ptr<const IssueIndex>> IssueIndex::load(const std::string& path) {
  auto dump = sources::load_issue_dump(path);
  if (!dump.ok()) return dump.errors();
  return std::shared_ptr<const IssueIndex>(std::make_shared<IssueIndex>(std::move(dump).value()));
}

KnownValues IssueIndex::known_values() const {
  std::vector<std::string> project_values, component_values;
  std::set<std::string> projects, components;
  for (const DumpIssue& issue : dump_.issues) {
    add_unique(project_values, projects, issue.project_key);
    add_unique(project_values, projects, issue.project_name);
    add_unique(project_values, projects, issue.project_id);
    for (const auto& c : issue.components) add_unique(component_values, components, c.name);
  }
  return KnownValues(std::move(project_values), std::move(component_values));
}

PlanInputs IssueIndex::inputs(const JqlEvalContext& context) const {
  return PlanInputs{dump_, tokens_, standard_types_, subtask_types_, context};
}

Plan IssueIndex::plan(const Clause& where, const JqlEvalContext& context) const { return plan_query(where, inputs(context)); }

RowSet IssueIndex::run(const Plan& plan, const JqlEvalContext& context) const { return run_plan(plan, inputs(context), nullptr); }

RowSet IssueIndex::select(const JqlQuery& query, const JqlEvalContext& context) const {
  if (!query.where) return RowSet(dump_.issues.size(), true);
  return run(plan(*query.where, context), context);
}

Result<std::int64_t> IssueIndex::count(const JqlQuery& query, const JqlEvalContext& context) const {
  try {
    return static_cast<std::int64_t>(select(query, context).count());
  } catch (const PlanError& e) {
    return error(ErrorKind::Provider, e.message);
  }
}

Result<std::vector<const DumpIssue*>> IssueIndex::search(const JqlQuery& query, const JqlEvalContext& context,
                                                         std::size_t limit) const {
  try {
    const SortPlan order = plan_order(query.order_by, dump_.custom_field_names);
    const RowSet rows = select(query, context);
    std::vector<std::uint32_t> positions;
    positions.reserve(rows.count());
    rows.for_each([&](std::size_t row) { positions.push_back(static_cast<std::uint32_t>(row)); });
    sort_rows(positions, order, dump_.issues, limit);
    std::vector<const DumpIssue*> out;
    out.reserve(positions.size());
    for (std::uint32_t row : positions) out.push_back(&dump_.issues[row]);
    return out;
  } catch (const PlanError& e) {
    return error(ErrorKind::Provider, e.message);
  }
}

Result<std::int64_t> IssueIndex::count(std::string_view jql, const JqlEvalContext& context) const {
  const JqlParse parsed = parse_jql(jql);
  if (!parsed.ok()) return error(ErrorKind::Syntax, parsed.error->text());
  return count(parsed.query, context);
}

Result<std::vector<const DumpIssue*>> IssueIndex::search(std::string_view jql, const JqlEvalContext& context,
                                                         std::size_t limit) const {
  const JqlParse parsed = parse_jql(jql);
  if (!parsed.ok()) return error(ErrorKind::Syntax, parsed.error->text());
  return search(parsed.query, context, limit);
}

Issue IssueIndex::to_issue(const DumpIssue& d) {
  Issue issue;
  issue.key = d.key;
  issue.summary = d.summary;
  auto name = [](const std::optional<sources::DumpNamed>& n) { return n ? std::optional<std::string>(n->name) : std::nullopt; };
  auto user = [](const std::optional<sources::DumpUser>& u) {
    return u ? std::optional<std::string>(u->display_name.empty() ? u->name : u->display_name) : std::nullopt;
  };
  issue.status = name(d.status);
  issue.status_category = name(d.status_category);
  issue.issue_type = name(d.issue_type);
  issue.priority = name(d.priority);
  issue.resolution = name(d.resolution);
  issue.assignee = user(d.assignee);
  issue.reporter = user(d.reporter);
  issue.created = d.created;
  issue.updated = d.updated;
  issue.due = d.due;
  issue.labels = d.labels;
  for (const auto& c : d.components) issue.components.push_back(c.name);
  issue.project = d.project_key;
  if (const std::string origin = origin_of(d.self); !origin.empty()) issue.url = origin + "/browse/" + d.key;
  return issue;
}

}  // namespace cql::jql
