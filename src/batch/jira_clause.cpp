#include "batch/jira_clause.hpp"

#include <algorithm>

#include "jql/jql_parser.hpp"
#include "jql/jql_printer.hpp"

namespace cql::batch {

namespace {

enum class Field { Label, Component, Project };

struct Item {
  Field field;
  std::string value;
};

bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The items of one account, in the order spec/jira.md §2 lists them (duplicates dropped).
std::vector<Item> account_items(const Entity& entity, const JiraSettings& settings, const std::string& account) {
  std::vector<Item> items;
  auto add = [&](const std::string& alias, Field field, const std::string& value) {
    if ((alias.empty() ? settings.default_alias : alias) != account) return;
    const bool seen = std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.field == field && i.value == value; });
    if (!seen) items.push_back({field, value});
  };
  const JiraIssueConfig& jira = entity.jira;
  if (jira.labels.empty() && jira.components.empty() && jira.projects.empty()) {
    add("", Field::Component, entity.tag);
    add("", Field::Label, entity.tag);
    add("", Field::Project, entity.tag);
    return items;
  }
  for (const auto& s : jira.labels) add(s.alias, Field::Label, s.value);
  for (const auto& s : jira.components) add(s.alias, Field::Component, s.value);
  for (const auto& s : jira.projects) add(s.alias, Field::Project, s.value);
  return items;
}

std::optional<std::string> base_text(const Entity& entity, const JiraSettings& settings, const std::optional<std::string>& argument) {
  if (argument) return *argument;
  if (entity.jira.default_jql) return *entity.jira.default_jql;
  if (settings.workspace_jql) return *settings.workspace_jql;
  return std::string(kDefaultBaseJql);
}

}  // namespace

std::string ascii_lower(std::string_view value) {
  std::string out(value);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string quote_jql_value(std::string_view value) { return jql::quote_jql_string(value); }

std::optional<GroupableClause> groupable_clause(const Entity& entity, const JiraSettings& settings,
                                                const std::optional<std::string>& argument,
                                                const ComposedJiraQuery& composed, const KnownValues& known) {
  const auto text = base_text(entity, settings, argument);
  const jql::JqlParse parsed = jql::parse_jql(*text);
  if (!parsed.ok()) return std::nullopt;
  GroupableClause out;
  if (const auto& span = parsed.query.where_span) out.base_where = text->substr(span->begin, span->end - span->begin);

  std::string clause;
  for (const Item& item : account_items(entity, settings, composed.account)) {
    static constexpr std::string_view kNames[] = {"labels", "component", "project"};
    if (item.field == Field::Component && !known.has_component(item.value)) continue;
    if (item.field == Field::Project && !known.has_project(item.value)) continue;
    if (item.field == Field::Project || !ascii(item.value)) return std::nullopt;
    if (item.field == Field::Component && all_digits(item.value)) return std::nullopt;
    (item.field == Field::Label ? out.labels : out.components).push_back(item.value);
    clause += (clause.empty() ? "" : " OR ") + std::string(kNames[static_cast<int>(item.field)]) + " = " + quote_jql_value(item.value);
  }
  if (clause.empty()) return std::nullopt;
  const std::string rebuilt = out.base_where.empty() ? clause : "(" + out.base_where + ") AND (" + clause + ")";
  if (rebuilt != composed.jql) return std::nullopt;
  return out;
}

}  // namespace cql::batch
