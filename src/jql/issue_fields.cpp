// Field names and accessors of the offline evaluator (see issue_fields.hpp).
#include "jql/issue_fields.hpp"

#include <fmt/format.h>

#include "jql/ascii.hpp"

namespace cql::jql {
namespace {

using sources::DumpIssue;
using sources::DumpNamed;
using sources::DumpUser;

struct FieldName {
  std::string_view name;  // lower-case
  FieldId id;
  FieldKind kind;
};

constexpr FieldName kFields[] = {
    {"project", FieldId::Project, FieldKind::Token},
    {"key", FieldId::Key, FieldKind::Token},
    {"issue", FieldId::Key, FieldKind::Token},
    {"issuekey", FieldId::Key, FieldKind::Token},
    {"id", FieldId::Key, FieldKind::Token},
    {"status", FieldId::Status, FieldKind::Token},
    {"statuscategory", FieldId::StatusCategory, FieldKind::Token},
    {"labels", FieldId::Labels, FieldKind::Token},
    {"label", FieldId::Labels, FieldKind::Token},
    {"component", FieldId::Component, FieldKind::Token},
    {"components", FieldId::Component, FieldKind::Token},
    {"type", FieldId::IssueType, FieldKind::Token},
    {"issuetype", FieldId::IssueType, FieldKind::Token},
    {"priority", FieldId::Priority, FieldKind::Token},
    {"resolution", FieldId::Resolution, FieldKind::Token},
    {"assignee", FieldId::Assignee, FieldKind::Token},
    {"reporter", FieldId::Reporter, FieldKind::Token},
    {"creator", FieldId::Creator, FieldKind::Token},
    {"fixversion", FieldId::FixVersion, FieldKind::Token},
    {"affectedversion", FieldId::AffectedVersion, FieldKind::Token},
    {"parent", FieldId::Parent, FieldKind::Token},
    {"created", FieldId::Created, FieldKind::Date},
    {"createddate", FieldId::Created, FieldKind::Date},
    {"updated", FieldId::Updated, FieldKind::Date},
    {"updateddate", FieldId::Updated, FieldKind::Date},
    {"resolved", FieldId::Resolved, FieldKind::Date},
    {"resolutiondate", FieldId::Resolved, FieldKind::Date},
    {"due", FieldId::Due, FieldKind::Date},
    {"duedate", FieldId::Due, FieldKind::Date},
    {"lastviewed", FieldId::LastViewed, FieldKind::Date},
    {"summary", FieldId::Summary, FieldKind::Text},
    {"description", FieldId::Description, FieldKind::Text},
    {"environment", FieldId::Environment, FieldKind::Text},
    {"comment", FieldId::Comment, FieldKind::Text},
    {"text", FieldId::Text, FieldKind::Text},
};

// Jira fields that exist but live outside an issue's REST fields (boards, worklogs, links,
// permissions): a dump cannot answer them, and a silent 0 would be wrong.
constexpr std::string_view kNotInDump[] = {
    "approvals", "approver", "attachments", "category", "epic link", "epic name", "filter", "request",
    "issuelinktype", "level", "originalestimate", "timeoriginalestimate", "remainingestimate", "timeestimate",
    "timespent", "parent link", "rank", "sprint", "team", "subtasks", "votes", "voter", "watcher", "watchers",
    "workratio", "worklogauthor", "worklogcomment", "worklogdate"};

void add(std::vector<std::string>& out, const std::string& s) {
  if (!s.empty()) out.push_back(lower_ascii(s));
}
void add(std::vector<std::string>& out, const std::optional<DumpNamed>& n) {
  if (!n) return;
  add(out, n->name);
  add(out, n->id);
}
void add(std::vector<std::string>& out, const std::vector<DumpNamed>& list) {
  for (const auto& n : list) {
    add(out, n.name);
    add(out, n.id);
  }
}
void add(std::vector<std::string>& out, const std::optional<DumpUser>& u) {
  if (!u) return;
  add(out, u->account_id);
  add(out, u->name);
  add(out, u->key);
  add(out, u->email);
  add(out, u->display_name);
}

}  // namespace

std::optional<ResolvedField> resolve_field(const FieldRef& field,
                                           const std::vector<std::pair<std::string, std::string>>& custom_names,
                                           std::string& error) {
  if (!field.properties.empty()) {
    error = fmt::format("Entity properties ('{}[{}]') are not part of an issue dump, so the offline source cannot search them.",
                        field.name, field.properties.front().key);
    return std::nullopt;
  }
  if (field.custom_id) {
    return ResolvedField{FieldId::Custom, FieldKind::Custom, field.name, fmt::format("customfield_{}", *field.custom_id)};
  }
  const std::string lower = lower_ascii(field.name);
  for (const auto& f : kFields) {
    if (f.name == lower) return ResolvedField{f.id, f.kind, std::string(f.name), {}};
  }
  if (lower.rfind("customfield_", 0) == 0) {
    return ResolvedField{FieldId::Custom, FieldKind::Custom, field.name, lower};
  }
  for (const auto& [id, name] : custom_names) {
    if (iequals(name, field.name)) return ResolvedField{FieldId::Custom, FieldKind::Custom, field.name, id};
  }
  for (std::string_view f : kNotInDump) {
    if (f == lower) {
      error = fmt::format("The field '{}' is not in an issue dump, so the offline source cannot search it.", field.name);
      return std::nullopt;
    }
  }
  error = fmt::format("Field '{}' does not exist or you do not have permission to view it.", field.name);
  return std::nullopt;
}

void token_aliases(const DumpIssue& issue, FieldId field, std::vector<std::string>& out) {
  switch (field) {
    case FieldId::Project:
      add(out, issue.project_key);
      add(out, issue.project_name);
      add(out, issue.project_id);
      return;
    case FieldId::Key:
      add(out, issue.key);
      add(out, issue.id);
      return;
    case FieldId::Status: add(out, issue.status); return;
    case FieldId::StatusCategory:
      if (issue.status_category) {
        add(out, issue.status_category);
        add(out, issue.status_category_key);
      } else if (issue.status) {
        // A status without a category is Jira's "No Category" (key `undefined`).
        out.push_back("no category");
        out.push_back("undefined");
      }
      return;
    case FieldId::Labels:
      for (const auto& l : issue.labels) add(out, l);
      return;
    case FieldId::Component: add(out, issue.components); return;
    case FieldId::IssueType: add(out, issue.issue_type); return;
    case FieldId::Priority: add(out, issue.priority); return;
    case FieldId::Resolution: add(out, issue.resolution); return;
    case FieldId::Assignee: add(out, issue.assignee); return;
    case FieldId::Reporter: add(out, issue.reporter); return;
    case FieldId::Creator: add(out, issue.creator); return;
    case FieldId::FixVersion: add(out, issue.fix_versions); return;
    case FieldId::AffectedVersion: add(out, issue.affected_versions); return;
    case FieldId::Parent:
      add(out, issue.parent_key);
      add(out, issue.parent_id);
      return;
    default: return;
  }
}

std::optional<Timestamp> date_of(const DumpIssue& issue, FieldId field) {
  switch (field) {
    case FieldId::Created: return issue.created;
    case FieldId::Updated: return issue.updated;
    case FieldId::Resolved: return issue.resolved;
    case FieldId::Due: return issue.due;
    case FieldId::LastViewed: return issue.last_viewed;
    default: return std::nullopt;
  }
}

void texts_of(const DumpIssue& issue, FieldId field, std::vector<std::string_view>& out) {
  const bool all = field == FieldId::Text;
  if (all || field == FieldId::Summary) out.push_back(issue.summary);
  if (all || field == FieldId::Description) out.push_back(issue.description);
  if (all || field == FieldId::Environment) out.push_back(issue.environment);
  if (all || field == FieldId::Comment) {
    for (const auto& c : issue.comments) out.push_back(c);
  }
}

int priority_rank(std::string_view name) noexcept {
  constexpr std::pair<std::string_view, int> kRanks[] = {
      {"highest", 5}, {"blocker", 5}, {"high", 4}, {"critical", 4}, {"medium", 3},
      {"major", 3},   {"low", 2},     {"minor", 2}, {"lowest", 1},  {"trivial", 1}};
  for (const auto& [n, rank] : kRanks) {
    if (iequals(n, name)) return rank;
  }
  return 0;
}

}  // namespace cql::jql
