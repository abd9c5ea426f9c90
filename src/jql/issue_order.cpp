// ORDER BY for the offline evaluator (see issue_order.hpp).
#include "jql/issue_order.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "jql/ascii.hpp"
#include "jql/query_plan.hpp"

namespace cql::jql {
namespace {

using sources::DumpIssue;

// -1/0/1; an absent value is greater than any present one.
template <typename T>
int compare_optional(const std::optional<T>& a, const std::optional<T>& b) {
  if (!a || !b) return a ? -1 : (b ? 1 : 0);
  return *a < *b ? -1 : (*b < *a ? 1 : 0);
}

std::optional<std::string> name_of(const std::optional<sources::DumpNamed>& n) {
  if (!n) return std::nullopt;
  return lower_ascii(n->name);
}
std::optional<std::string> user_of(const std::optional<sources::DumpUser>& u) {
  if (!u) return std::nullopt;
  return lower_ascii(u->display_name.empty() ? u->name : u->display_name);
}
std::optional<std::int64_t> time_of(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->ms;
}

int compare_keys(const DumpIssue& a, const DumpIssue& b) {
  if (int c = lower_ascii(a.project_key).compare(lower_ascii(b.project_key)); c != 0) return c < 0 ? -1 : 1;
  return a.key_number < b.key_number ? -1 : (b.key_number < a.key_number ? 1 : 0);
}

int compare_custom(const DumpIssue& a, const DumpIssue& b, const std::string& id) {
  const auto* x = a.custom_field(id);
  const auto* y = b.custom_field(id);
  if (!x || !y) return x ? -1 : (y ? 1 : 0);
  if (x->number && y->number) return compare_optional(x->number, y->number);
  if (x->date && y->date) return compare_optional(time_of(x->date), time_of(y->date));
  auto first = [](const sources::DumpCustomValue* v) {
    return v->texts.empty() ? std::optional<std::string>() : std::optional<std::string>(lower_ascii(v->texts.front()));
  };
  return compare_optional(first(x), first(y));
}

int compare(const DumpIssue& a, const DumpIssue& b, const SortPlan::Key& key) {
  switch (key.field) {
    case FieldId::Key: return compare_keys(a, b);
    case FieldId::Created: return compare_optional(time_of(a.created), time_of(b.created));
    case FieldId::Updated: return compare_optional(time_of(a.updated), time_of(b.updated));
    case FieldId::Resolved: return compare_optional(time_of(a.resolved), time_of(b.resolved));
    case FieldId::Due: return compare_optional(time_of(a.due), time_of(b.due));
    case FieldId::LastViewed: return compare_optional(time_of(a.last_viewed), time_of(b.last_viewed));
    case FieldId::Priority: {
      auto rank = [](const DumpIssue& i) { return i.priority ? std::optional<int>(priority_rank(i.priority->name)) : std::nullopt; };
      return compare_optional(rank(a), rank(b));
    }
    case FieldId::Summary: return compare_optional(std::optional(lower_ascii(a.summary)), std::optional(lower_ascii(b.summary)));
    case FieldId::Status: return compare_optional(name_of(a.status), name_of(b.status));
    case FieldId::StatusCategory: return compare_optional(name_of(a.status_category), name_of(b.status_category));
    case FieldId::IssueType: return compare_optional(name_of(a.issue_type), name_of(b.issue_type));
    case FieldId::Resolution: return compare_optional(name_of(a.resolution), name_of(b.resolution));
    case FieldId::Assignee: return compare_optional(user_of(a.assignee), user_of(b.assignee));
    case FieldId::Reporter: return compare_optional(user_of(a.reporter), user_of(b.reporter));
    case FieldId::Creator: return compare_optional(user_of(a.creator), user_of(b.creator));
    case FieldId::Project:
      return compare_optional(std::optional(lower_ascii(a.project_name)), std::optional(lower_ascii(b.project_name)));
    case FieldId::Parent:
      return compare_optional(a.parent_key.empty() ? std::nullopt : std::optional(a.parent_key),
                              b.parent_key.empty() ? std::nullopt : std::optional(b.parent_key));
    case FieldId::Custom: return compare_custom(a, b, key.custom_id);
    default: return 0;
  }
}

bool sortable(FieldId f) {
  switch (f) {
    case FieldId::Labels:
    case FieldId::Component:
    case FieldId::FixVersion:
    case FieldId::AffectedVersion:
    case FieldId::Description:
    case FieldId::Environment:
    case FieldId::Comment:
    case FieldId::Text: return false;
    default: return true;
  }
}

}  // namespace

SortPlan plan_order(const std::vector<SortKey>& order_by, const std::vector<std::pair<std::string, std::string>>& custom_names) {
  SortPlan plan;
  for (const SortKey& key : order_by) {
    std::string error;
    const auto field = resolve_field(key.field, custom_names, error);
    if (!field) throw PlanError{error};
    if (!sortable(field->id)) throw PlanError{fmt::format("Not able to sort using field '{}'.", key.field.name)};
    plan.keys.push_back({field->id, field->custom_id, key.direction == SortDirection::Descending});
  }
  if (plan.keys.empty()) plan.keys.push_back({FieldId::Created, {}, true});
  return plan;
}

void sort_rows(std::vector<std::uint32_t>& rows, const SortPlan& plan, const std::vector<DumpIssue>& issues, std::size_t limit) {
  auto before = [&](std::uint32_t x, std::uint32_t y) {
    const DumpIssue& a = issues[x];
    const DumpIssue& b = issues[y];
    for (const auto& key : plan.keys) {
      int c = compare(a, b, key);
      if (key.descending) c = -c;
      if (c != 0) return c < 0;
    }
    if (int c = compare_keys(a, b); c != 0) return c > 0;  // ties: key descending
    return x < y;
  };
  if (limit < rows.size()) {
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(limit), rows.end(), before);
    rows.resize(limit);
  } else {
    std::sort(rows.begin(), rows.end(), before);
  }
}

}  // namespace cql::jql
