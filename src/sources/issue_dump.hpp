#pragma once
// An offline Jira issue dump (spec/jira.md §5, §7): Jira's REST issue shape
// `{id, key, self, fields: {...}}`, as a JSON array of issues, a search page
// `{"issues": [...]}`, several pages or arrays one after another (or in an array), or JSON Lines
// (one issue or page per line). A page's `names` map (`expand=names`) gives custom fields
// their display names.
//
// Loading keeps only what the offline JQL evaluator and jira.issues() read, in plain structs;
// the JSON is dropped issue by issue, so a large dump never lives in memory twice.
// Immutable once loaded.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql::sources {

// `{id, name}` objects: status, issue type, priority, resolution, component, version.
struct DumpNamed {
  std::string id, name;
};

// A user object: every form JQL may name it by.
struct DumpUser {
  std::string account_id, name, key, email, display_name;
};

// A custom field's value, flattened for matching: option values, strings, user names and
// nested `value`/`name` fields as text; a number; a date.
struct DumpCustomValue {
  std::vector<std::string> texts;
  std::optional<double> number;
  std::optional<Timestamp> date;
  bool empty() const noexcept { return texts.empty() && !number && !date; }
};

struct DumpIssue {
  std::string id, key, self;
  std::string project_id, project_key, project_name;
  std::int64_t key_number = 0;  // 123 of ABC-123 (0 when the key has no number)
  std::string summary, description, environment;
  std::vector<std::string> comments;
  std::optional<DumpNamed> status, issue_type, priority, resolution;
  // The status category: id, key (`new`, `indeterminate`, `done`, `undefined`) and name.
  std::optional<DumpNamed> status_category;
  std::string status_category_key;
  bool subtask = false;  // issuetype.subtask
  std::optional<DumpUser> assignee, reporter, creator;
  std::optional<Timestamp> created, updated, resolved, due, last_viewed;
  std::vector<std::string> labels;
  std::vector<DumpNamed> components, fix_versions, affected_versions;
  std::string parent_key, parent_id;
  // `customfield_10010` -> value, sorted by id.
  std::vector<std::pair<std::string, DumpCustomValue>> custom;

  const DumpCustomValue* custom_field(std::string_view id) const noexcept;
};

struct IssueDump {
  std::vector<DumpIssue> issues;
  // From the pages' `names`: `customfield_10010` -> "Story Points".
  std::vector<std::pair<std::string, std::string>> custom_field_names;
};

// Reads a dump file. Errors carry the file and a line:column where the JSON is bad, or name
// the issue (by position and key) that does not have Jira's shape.
Result<IssueDump> load_issue_dump(const std::string& path);
// The same from text in memory; `name` stands for the file in messages.
Result<IssueDump> parse_issue_dump(std::string_view text, const std::string& name);

}  // namespace cql::sources
