#include "catalog/entity_fields.hpp"

#include <fmt/format.h>

namespace cql::catalog {

void FieldProblems::ignored(std::string_view field, std::string_view message) const {
  Diagnostic d;
  d.kind = ErrorKind::Syntax;
  d.severity = Severity::Warning;
  d.message = entity_.empty() ? fmt::format("{} {}; ignored", field, message)
                              : fmt::format("{}: {} {}; ignored", entity_, field, message);
  d.source = source_;
  d.span = locate_(field.substr(0, field.find('.')));  // nested fields point at their top-level key
  problems_.push_back(std::move(d));
}

const Value* field(const Value& object, std::string_view key) noexcept {
  if (object.type() != Type::Object) return nullptr;
  const Value* found = object.as_object().find(key);
  return found && !found->is_null() ? found : nullptr;
}

namespace {

// A text field of an item object ("" when absent or not text).
std::string text_of(const Value& item, std::string_view key) {
  const Value* value = field(item, key);
  return value && value->type() == Type::String ? std::string(value->as_string()) : std::string();
}

// The items of a list field.
const List* items_of(const Value* value, std::string_view field, const FieldProblems& problems) {
  if (!value) return nullptr;
  if (value->type() == Type::List) return &value->as_list();
  problems.ignored(field, fmt::format("must be a list, not {}", type_name(value->type())));
  return nullptr;
}

// Calls `read` for each object item; other items are reported.
template <typename Read>
void for_each_object(const Value* value, std::string_view field, const FieldProblems& problems, Read read) {
  const List* items = items_of(value, field, problems);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Value& item = (*items)[i];
    if (item.type() != Type::Object) {
      problems.ignored(field, fmt::format("item {} must be an object, not {}", i + 1, type_name(item.type())));
      continue;
    }
    read(item, i);
  }
}

JiraSelector selector_of(const Value& item) {
  if (item.type() == Type::String) return {std::string(item.as_string()), ""};
  std::string value = text_of(item, "name");
  if (value.empty()) value = text_of(item, "key");
  return {std::move(value), text_of(item, "alias")};
}

std::vector<JiraSelector> read_selectors(const Value* value, std::string_view field, const FieldProblems& problems) {
  std::vector<JiraSelector> selectors;
  const List* items = items_of(value, field, problems);
  if (!items) return selectors;
  for (std::size_t i = 0; i < items->size(); ++i) {
    JiraSelector selector = selector_of((*items)[i]);
    if (selector.value.empty()) {
      problems.ignored(field, fmt::format("item {} must be text or {{name, alias}}", i + 1));
      continue;
    }
    selectors.push_back(std::move(selector));
  }
  return selectors;
}

}  // namespace

std::optional<std::string> read_text(const Value* value, std::string_view field, const FieldProblems& problems) {
  if (!value) return std::nullopt;
  if (value->type() == Type::String) return std::string(value->as_string());
  problems.ignored(field, fmt::format("must be text, not {}", type_name(value->type())));
  return std::nullopt;
}

bool read_bool(const Value* value, std::string_view field, const FieldProblems& problems) {
  if (!value) return false;
  if (value->type() == Type::Bool) return value->as_bool();
  problems.ignored(field, fmt::format("must be true or false, not {}", type_name(value->type())));
  return false;
}

std::vector<std::string> read_names(const Value* value, std::string_view field, const FieldProblems& problems) {
  std::vector<std::string> names;
  const List* items = items_of(value, field, problems);
  if (!items) return names;
  names.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Value& item = (*items)[i];
    std::string name = item.type() == Type::String ? std::string(item.as_string()) : text_of(item, "name");
    if (name.empty() && item.type() == Type::Object) name = text_of(item, "tag");
    if (name.empty()) {
      problems.ignored(field, fmt::format("item {} must be text", i + 1));
      continue;
    }
    names.push_back(std::move(name));
  }
  return names;
}

std::vector<Owner> read_owners(const Value* value, std::string_view field, const FieldProblems& problems) {
  std::vector<Owner> owners;
  for_each_object(value, field, problems, [&](const Value& item, std::size_t i) {
    Owner owner;
    owner.type = text_of(item, "type");
    owner.name = text_of(item, "name");
    if (owner.name.empty()) owner.name = text_of(item, "channel");    // slack owners
    if (owner.name.empty()) owner.name = text_of(item, "groupName");  // the API's group owners
    owner.email = text_of(item, "email");
    owner.provider = text_of(item, "provider");
    owner.description = text_of(item, "description");
    if (owner.name.empty() && owner.email.empty()) {
      problems.ignored(field, fmt::format("item {} has neither a name nor an email", i + 1));
      return;
    }
    owners.push_back(std::move(owner));
  });
  return owners;
}

std::vector<Link> read_links(const Value* value, std::string_view field, const FieldProblems& problems) {
  std::vector<Link> links;
  for_each_object(value, field, problems, [&](const Value& item, std::size_t) {
    links.push_back(Link{text_of(item, "name"), text_of(item, "type"), text_of(item, "url"), text_of(item, "description")});
  });
  return links;
}

std::vector<DependencyRef> read_dependencies(const Value* value, std::string_view field, const FieldProblems& problems) {
  std::vector<DependencyRef> dependencies;
  for_each_object(value, field, problems, [&](const Value& item, std::size_t i) {
    DependencyRef ref;
    ref.tag = text_of(item, "tag");
    if (ref.tag.empty()) {
      problems.ignored(field, fmt::format("item {} has no tag", i + 1));
      return;
    }
    ref.method = text_of(item, "method");
    ref.path = text_of(item, "path");
    ref.description = text_of(item, "description");
    if (const Value* metadata = cql::catalog::field(item, "metadata")) ref.metadata = *metadata;
    dependencies.push_back(std::move(ref));
  });
  return dependencies;
}

void read_team(const Value* value, std::string_view field, Entity& entity, const FieldProblems& problems) {
  if (!value) return;
  if (value->type() != Type::Object) {
    problems.ignored(field, fmt::format("must be an object, not {}", type_name(value->type())));
    return;
  }
  const std::string prefix = fmt::format("{}.", field);
  for_each_object(cql::catalog::field(*value, "members"), prefix + "members", problems, [&](const Value& item, std::size_t) {
    entity.team_members.push_back(TeamMember{text_of(item, "name"), text_of(item, "email")});
  });
  for_each_object(cql::catalog::field(*value, "groups"), prefix + "groups", problems, [&](const Value& item, std::size_t) {
    entity.team_groups.push_back(IdentityGroup{text_of(item, "name"), text_of(item, "provider")});
  });
}

JiraIssueConfig read_issues(const Value* value, std::string_view field, const FieldProblems& problems) {
  JiraIssueConfig config;
  if (!value) return config;
  const Value* jira = cql::catalog::field(*value, "jira");
  if (!jira) return config;
  if (jira->type() != Type::Object) {
    problems.ignored(field, fmt::format("jira must be an object, not {}", type_name(jira->type())));
    return config;
  }
  config.present = true;
  const std::string prefix = fmt::format("{}.jira.", field);
  config.default_jql = read_text(cql::catalog::field(*jira, "defaultJql"), prefix + "defaultJql", problems);
  config.labels = read_selectors(cql::catalog::field(*jira, "labels"), prefix + "labels", problems);
  config.components = read_selectors(cql::catalog::field(*jira, "components"), prefix + "components", problems);
  config.projects = read_selectors(cql::catalog::field(*jira, "projects"), prefix + "projects", problems);
  return config;
}

Value read_custom(const Value* value, std::string_view field, const FieldProblems& problems) {
  if (!value) return Value();
  if (value->type() == Type::Object) return *value;
  if (value->type() != Type::List) {
    problems.ignored(field, fmt::format("must be an object or a list of {{key, value}}, not {}", type_name(value->type())));
    return Value();
  }
  std::vector<std::pair<std::string, Value>> entries;
  for_each_object(value, field, problems, [&](const Value& item, std::size_t i) {
    std::string key = text_of(item, "key");
    if (key.empty()) {
      problems.ignored(field, fmt::format("item {} has no key", i + 1));
      return;
    }
    const Value* entry = item.as_object().find("value");
    entries.emplace_back(std::move(key), entry ? *entry : Value());
  });
  return Value(Object(std::move(entries)));
}

}  // namespace cql::catalog
