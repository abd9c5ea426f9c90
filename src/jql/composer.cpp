// Composition of the JQL sent per account (spec/jira.md §2; declared in include/cql/jira.hpp).
#include "cql/entity.hpp"
#include "cql/jira.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "jql/ascii.hpp"
#include "jql/jql_parser.hpp"
#include "jql/jql_printer.hpp"

namespace cql {
namespace {

using jql::iequals;
using jql::JqlParse;
using jql::parse_jql;
using jql::quote_jql_string;

Diagnostic failure(ErrorKind kind, std::string message) {
  Diagnostic d;
  d.kind = kind;
  d.message = std::move(message);
  return d;
}

enum class ItemField { Label, Component, Project };

struct Item {
  ItemField field;
  std::string value;
};

struct AccountItems {
  std::string alias;
  std::vector<Item> items;
};

std::string_view field_name(ItemField f) {
  switch (f) {
    case ItemField::Label: return "labels";
    case ItemField::Component: return "component";
    case ItemField::Project: return "project";
  }
  return "";
}

// The entity's items grouped by account, accounts in order of first use (default first).
std::vector<AccountItems> items_by_account(const Entity& entity, const JiraSettings& settings) {
  std::vector<AccountItems> accounts;
  auto add = [&](const std::string& alias, ItemField field, const std::string& value) {
    const std::string& account = alias.empty() ? settings.default_alias : alias;
    auto it = std::find_if(accounts.begin(), accounts.end(), [&](const AccountItems& a) { return a.alias == account; });
    if (it == accounts.end()) it = accounts.insert(accounts.end(), AccountItems{account, {}});
    const bool duplicate = std::any_of(it->items.begin(), it->items.end(),
                                       [&](const Item& i) { return i.field == field && i.value == value; });
    if (!duplicate) it->items.push_back({field, value});
  };
  const JiraIssueConfig& jira = entity.jira;
  if (jira.labels.empty() && jira.components.empty() && jira.projects.empty()) {
    add("", ItemField::Component, entity.tag);
    add("", ItemField::Label, entity.tag);
    add("", ItemField::Project, entity.tag);
    return accounts;
  }
  for (const auto& s : jira.labels) add(s.alias, ItemField::Label, s.value);
  for (const auto& s : jira.components) add(s.alias, ItemField::Component, s.value);
  for (const auto& s : jira.projects) add(s.alias, ItemField::Project, s.value);
  return accounts;
}

struct Base {
  std::string where;     // the clauses of the base JQL as written (may be empty)
  std::string order_by;  // its ORDER BY as written (may be empty)
};

Result<Base> split_base(std::string_view text, std::string_view origin) {
  const JqlParse parsed = parse_jql(text);
  if (!parsed.ok()) return failure(ErrorKind::Eval, fmt::format("Invalid JQL in {}: {}", origin, parsed.error->text()));
  Base base;
  if (const auto& s = parsed.query.where_span) base.where = std::string(text.substr(s->begin, s->end - s->begin));
  if (const auto& s = parsed.query.order_by_span) base.order_by = std::string(text.substr(s->begin, s->end - s->begin));
  return base;
}

}  // namespace

Result<std::vector<ComposedJiraQuery>> compose_jira_queries(const JiraComposeRequest& request, const KnownValuesLookup& lookup) {
  const Entity& entity = *request.entity;
  const JiraSettings& settings = *request.settings;

  std::string_view base_text = kDefaultBaseJql;
  std::string origin = "the default base JQL";
  if (request.argument) {
    base_text = *request.argument;
    origin = "the JQL argument";
  } else if (entity.jira.default_jql) {
    base_text = *entity.jira.default_jql;
    origin = fmt::format("x-cortex-issues.jira.defaultJql of {}", entity.tag);
  } else if (settings.workspace_jql) {
    base_text = *settings.workspace_jql;
    origin = "the workspace JQL (jira.jql in the configuration)";
  }
  auto base = split_base(base_text, origin);
  if (!base.ok()) return base.errors();

  std::vector<ComposedJiraQuery> queries;
  for (const AccountItems& account : items_by_account(entity, settings)) {
    if (!settings.find(account.alias)) {
      return failure(ErrorKind::Provider,
                     fmt::format("Jira account '{}' (used by x-cortex-issues.jira of {}) is not configured.", account.alias,
                                 entity.tag));
    }
    std::string error;
    const auto known_values = lookup(account.alias, error);
    if (!known_values) {
      return failure(ErrorKind::Provider,
                     fmt::format("Cannot list the projects and components of Jira account '{}': {}", account.alias, error));
    }
    ComposedJiraQuery q;
    q.account = account.alias;
    q.base_where = base.value().where;
    q.base_order_by = base.value().order_by;
    std::string clause;
    std::vector<std::string> dropped;
    for (const Item& item : account.items) {
      const bool exists = item.field == ItemField::Label ||
                          (item.field == ItemField::Project ? known_values->has_project(item.value)
                                                            : known_values->has_component(item.value));
      const std::string term = fmt::format("{} = {}", field_name(item.field), quote_jql_string(item.value));
      if (!exists) {
        dropped.push_back(term);
        continue;
      }
      clause += (clause.empty() ? "" : " OR ") + term;
      (item.field == ItemField::Label ? q.labels : item.field == ItemField::Component ? q.components : q.projects).push_back(item.value);
    }
    if (clause.empty()) {
      q.skipped = true;
      q.reason = fmt::format("no clause left: {} unknown in account '{}'", fmt::join(dropped, ", "), account.alias);
      queries.push_back(std::move(q));
      continue;
    }
    q.jql = base.value().where.empty() ? clause : fmt::format("({}) AND ({})", base.value().where, clause);
    q.entity_clause = std::move(clause);
    if (request.kind == QueryKind::Search) {
      q.jql += " ";
      q.jql += base.value().order_by.empty() ? std::string(kDefaultSearchOrder) : base.value().order_by;
    }
    queries.push_back(std::move(q));
  }
  return queries;
}

}  // namespace cql
