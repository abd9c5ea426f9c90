// The Value forms of an entity's fields, built once so the entity functions can hand out
// shared heap blocks instead of allocating on every call (the benchmark's hot path).
#include "cql/entity.hpp"

namespace cql {

Value link_value(const Link& link) {
  auto text_or_null = [](const std::string& text) { return text.empty() ? Value() : Value(text); };
  return Value(Object({{"name", text_or_null(link.name)},
                       {"type", text_or_null(link.type)},
                       {"url", text_or_null(link.url)},
                       {"description", text_or_null(link.description)}}));
}

Entity::Values make_values(const Entity& entity) {
  Entity::Values v;
  v.tag = Value(entity.tag);
  v.name = Value(entity.name);
  v.type = Value(entity.type);
  v.description = entity.description ? Value(*entity.description) : Value();
  v.created = entity.created ? Value(*entity.created) : Value();
  List groups;
  groups.reserve(entity.groups.size());
  for (const auto& group : entity.groups) groups.emplace_back(Object({{"name", Value(group)}}));
  v.groups = Value(std::move(groups));
  List links;
  links.reserve(entity.links.size());
  for (const auto& link : entity.links) links.push_back(link_value(link));
  v.links = Value(std::move(links));
  return v;
}

void prepare_values(Entity& entity) { entity.values = make_values(entity); }

}  // namespace cql
