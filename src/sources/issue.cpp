// cql::Issue as the object jira.issues() returns (spec/jira.md §1, §7).
#include "cql/issue_source.hpp"

namespace cql {
namespace {

template <typename T>
Value optional_value(const std::optional<T>& v) {
  return v ? Value(*v) : Value();
}

Value string_list(const std::vector<std::string>& items) {
  List list;
  list.reserve(items.size());
  for (const auto& s : items) list.emplace_back(s);
  return Value(std::move(list));
}

}  // namespace

Value Issue::to_value() const {
  return Value(Object({
      {"key", Value(key)},
      {"summary", Value(summary)},
      {"status", optional_value(status)},
      {"statusCategory", optional_value(status_category)},
      {"issueType", optional_value(issue_type)},
      {"priority", optional_value(priority)},
      {"assignee", optional_value(assignee)},
      {"reporter", optional_value(reporter)},
      {"created", optional_value(created)},
      {"updated", optional_value(updated)},
      {"due", optional_value(due)},
      {"resolution", optional_value(resolution)},
      {"labels", string_list(labels)},
      {"components", string_list(components)},
      {"project", Value(project)},
      {"url", optional_value(url)},
  }));
}

}  // namespace cql
