#pragma once
// The JQL fields an issue dump can answer (spec/jira.md §5) and how each reads a DumpIssue.
// Token fields (names, ids, keys, users, labels) are answered from posting lists; dates,
// texts and custom fields by a scan.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jql/jql_ast.hpp"
#include "sources/issue_dump.hpp"

namespace cql::jql {

enum class FieldId : std::uint8_t {
  // Token fields (keep them first: kTokenFieldCount counts them).
  Project, Key, Status, StatusCategory, Labels, Component, IssueType, Priority, Resolution,
  Assignee, Reporter, Creator, FixVersion, AffectedVersion, Parent,
  // Dates.
  Created, Updated, Resolved, Due, LastViewed,
  // Texts.
  Summary, Description, Environment, Comment, Text,
  Custom,
};
inline constexpr std::size_t kTokenFieldCount = static_cast<std::size_t>(FieldId::Parent) + 1;

enum class FieldKind : std::uint8_t { Token, Date, Text, Custom };

struct ResolvedField {
  FieldId id = FieldId::Project;
  FieldKind kind = FieldKind::Token;
  std::string name;       // as Jira names it in messages: "project", "cf[10010]"
  std::string custom_id;  // Custom: "customfield_10010"
};

// Resolves a field reference (case-insensitive; `cf[N]`, `customfield_N` or a custom field's
// display name from the dump's `names`). nullopt with `error` set, in Jira's words, when the
// field does not exist or an issue dump cannot answer it.
std::optional<ResolvedField> resolve_field(const FieldRef& field,
                                           const std::vector<std::pair<std::string, std::string>>& custom_names,
                                           std::string& error);

// Every lower-case name the issue's value of a token field answers to (`project` by key,
// name and id; users by account id, name, key, email and display name ...). Empty: no value.
void token_aliases(const sources::DumpIssue& issue, FieldId field, std::vector<std::string>& out);

std::optional<Timestamp> date_of(const sources::DumpIssue& issue, FieldId field);

// The texts a text field searches (`text`: summary, description, environment and comments).
void texts_of(const sources::DumpIssue& issue, FieldId field, std::vector<std::string_view>& out);

// Priority order for `<`/`>` and ORDER BY: Highest 5 > High 4 > Medium 3 > Low 2 > Lowest 1
// (and Blocker/Critical/Major/Minor/Trivial alike); 0 for names it does not know.
int priority_rank(std::string_view name) noexcept;

}  // namespace cql::jql
