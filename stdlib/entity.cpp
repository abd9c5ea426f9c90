// The entity family (spec/cql.md §6 and §11): entity.*, groups(), hasGroup(), links(), custom(),
// ownership.* and dependencies.*. Natives read ctx.entity() and ctx.catalog().
//
// custom(), hasGroup() and entity.tag() are on the benchmark's hot path: they return Values the
// loader built once (Entity::values, the custom object), so a call copies a shared pointer and
// never allocates.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "cql/entity.hpp"
#include "cql/time.hpp"
#include "stdlib/facts_answer.hpp"
#include "stdlib/families.hpp"

namespace cql {

namespace {

FunctionSpec spec(std::string ns, std::string name, std::vector<ParamSpec> params, StaticType result,
                  std::string summary, NativeFunction function) {
  FunctionSpec f;
  f.namespace_name = std::move(ns);
  f.name = std::move(name);
  f.params = std::move(params);
  f.result = result;
  f.pure = false;  // the answer depends on the current entity: never constant-folded
  f.summary = std::move(summary);
  f.function = std::move(function);
  return f;
}

ParamSpec required(std::string name, StaticType type) { return ParamSpec{std::move(name), type, true, Value()}; }
ParamSpec include_archived() { return ParamSpec{"includeArchived", StaticType::Bool, false, Value(false)}; }

// A native returning one of the entity's prepared Values; an entity filled by hand without
// prepare_values() gets them built for the call.
NativeFunction prepared(Value Entity::Values::*member) {
  return [member](CallContext& ctx, std::span<const Value>) -> Value {
    const Entity& entity = ctx.entity();
    if (entity.values_prepared()) return entity.values.*member;
    return make_values(entity).*member;
  };
}

Value text_or_null(const std::string& text) { return text.empty() ? Value() : Value(text); }

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// custom("a.b.c"): the literal key first; otherwise split at a dot whose left part names an
// object and look the rest up inside it (itself literally first, then split again).
const Value* find_custom(const Object& object, std::string_view key) {
  if (const Value* found = object.find(key)) return found;
  for (std::size_t dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.', dot + 1)) {
    const Value* head = object.find(key.substr(0, dot));
    if (!head || head->type() != Type::Object) continue;
    if (const Value* found = find_custom(head->as_object(), key.substr(dot + 1))) return found;
  }
  return nullptr;
}

Value owner_value(const Owner& owner) {
  return Value(Object({{"type", text_or_null(owner.type)},
                       {"name", text_or_null(owner.name)},
                       {"email", text_or_null(owner.email)},
                       {"provider", text_or_null(owner.provider)},
                       {"description", text_or_null(owner.description)}}));
}

bool is_group_owner(const Owner& owner) { return equals_ignore_case(owner.type, "group") && !owner.name.empty(); }

// The team entity a group owner names, when the catalog has one.
const Entity* team_entity(const Catalog* catalog, const Owner& owner) {
  if (!catalog) return nullptr;
  const Entity* team = catalog->find(owner.name);
  return team && equals_ignore_case(team->type, "team") ? team : nullptr;
}

// The distinct group owners, in declaration order.
std::vector<const Owner*> group_owners(const Entity& entity) {
  std::vector<const Owner*> groups;
  for (const auto& owner : entity.owners) {
    if (!is_group_owner(owner)) continue;
    const bool seen = std::any_of(groups.begin(), groups.end(), [&](const Owner* g) { return g->name == owner.name; });
    if (!seen) groups.push_back(&owner);
  }
  return groups;
}

Value all_owners(CallContext& ctx, std::span<const Value>) {
  const Entity& entity = ctx.entity();
  List owners;
  std::vector<std::string_view> emails;  // for "without duplicates by email"
  for (const auto& owner : entity.owners) {
    owners.push_back(owner_value(owner));
    if (!owner.email.empty()) emails.push_back(owner.email);
  }
  for (const Owner* group : group_owners(entity)) {
    const Entity* team = team_entity(ctx.catalog(), *group);
    if (!team) continue;
    for (const auto& member : team->team_members) {
      if (!member.email.empty()) {
        const bool seen = std::any_of(emails.begin(), emails.end(), [&](std::string_view e) { return equals_ignore_case(e, member.email); });
        if (seen) continue;
        emails.push_back(member.email);
      }
      owners.push_back(owner_value(Owner{"user", member.name, member.email, "", ""}));
    }
  }
  ctx.check_list_size(owners.size());
  return Value(std::move(owners));
}

Value teams(CallContext& ctx, std::span<const Value>) {
  List teams;
  for (const Owner* group : group_owners(ctx.entity())) {
    const Entity* team = team_entity(ctx.catalog(), *group);
    List members;
    List identity_groups;
    auto add_group = [&](const std::string& source, const std::string& identifier) {
      for (const auto& existing : identity_groups) {
        const Object& o = existing.as_object();
        if (o.find("source")->as_string() == source && o.find("groupIdentifier")->as_string() == identifier) return;
      }
      identity_groups.emplace_back(Object({{"source", Value(source)}, {"groupIdentifier", Value(identifier)}}));
    };
    if (team) {
      for (const auto& member : team->team_members) {
        members.emplace_back(Object({{"name", text_or_null(member.name)}, {"email", text_or_null(member.email)}}));
      }
      for (const auto& idp : team->team_groups) add_group(idp.provider, idp.name);
    }
    // The owner entry itself names an identity-provider group when it gives a provider.
    if (!group->provider.empty()) add_group(group->provider, group->name);
    teams.emplace_back(Object({{"tag", Value(group->name)},
                               {"name", Value(team ? team->name : group->name)},
                               {"members", Value(std::move(members))},
                               {"identityProviderGroups", Value(std::move(identity_groups))}}));
  }
  return Value(std::move(teams));
}

Value dependency_value(const std::string& tag, const Entity* entity, const DependencyRef& ref) {
  return Value(Object({{"tag", Value(tag)},
                       {"type", entity ? Value(entity->type) : Value()},  // null: the tag is outside the catalog
                       {"isArchived", Value(entity ? entity->is_archived : false)},
                       {"method", text_or_null(ref.method)},
                       {"path", text_or_null(ref.path)},
                       {"description", text_or_null(ref.description)}}));
}

Value dependencies_out(CallContext& ctx, std::span<const Value> args) {
  const bool include_archived = args[0].as_bool();
  const Catalog* catalog = ctx.catalog();
  List out;
  for (const auto& ref : ctx.entity().dependencies) {
    const Entity* target = catalog ? catalog->find(ref.tag) : nullptr;
    if (target && target->is_archived && !include_archived) continue;
    out.push_back(dependency_value(ref.tag, target, ref));
  }
  ctx.check_list_size(out.size());
  return Value(std::move(out));
}

Value dependencies_in(CallContext& ctx, std::span<const Value> args) {
  const bool include_archived = args[0].as_bool();
  const Catalog* catalog = ctx.catalog();
  if (!catalog) fail(ErrorKind::Provider, "dependencies.in() needs the whole catalog (--catalog)");
  List in;
  for (const auto& incoming : catalog->incoming(ctx.entity().tag)) {
    if (incoming.from->is_archived && !include_archived) continue;
    in.push_back(dependency_value(incoming.from->tag, incoming.from, *incoming.ref));
  }
  ctx.check_list_size(in.size());
  return Value(std::move(in));
}

Value created(CallContext& ctx, std::span<const Value> args) {
  const Entity& entity = ctx.entity();
  if (!entity.created) return Value();
  if (!args[0].as_bool()) return entity.values_prepared() ? entity.values.created : Value(*entity.created);
  if (auto t = parse_timestamp(*entity.created)) return Value(*t);
  fail(ErrorKind::Eval, fmt::format("entity.created(): \"{}\" is not an ISO-8601 timestamp", *entity.created));
}

// The matching links' objects are shared from the prepared entity when it has them (one list
// allocated per call instead of an object, four keys and their texts per link).
Value links(CallContext& ctx, std::span<const Value> args) {
  const std::string_view type = args[0].as_string();
  const Entity& entity = ctx.entity();
  const Value& built = entity.values.links;
  const bool prepared = built.type() == Type::List && built.as_list().size() == entity.links.size();
  List matching;
  for (std::size_t i = 0; i < entity.links.size(); ++i) {
    if (!equals_ignore_case(entity.links[i].type, type)) continue;
    matching.push_back(prepared ? built.as_list()[i] : link_value(entity.links[i]));
  }
  return Value(std::move(matching));
}

NamespaceSpec always_present(std::string name) {
  NamespaceSpec ns;
  ns.name = std::move(name);
  ns.is_present = [](CallContext&) { return true; };
  return ns;
}

}  // namespace

void register_entity(Registry& registry) {
  NamespaceSpec entity_ns = always_present("entity");
  // entity.destinations(...) and entity.sources(...) are declared in the vendor catalog
  // (stdlib/integrations.cpp) and answered from the facts' "entity" namespace.
  entity_ns.fallback = [](CallContext& ctx, const std::string& call) { return answer_from_facts(ctx, "entity", call); };
  registry.add_namespace(std::move(entity_ns));
  registry.add_namespace(always_present("ownership"));
  registry.add_namespace(always_present("dependencies"));

  registry.add(spec("entity", "tag", {}, StaticType::String, "the entity's tag", prepared(&Entity::Values::tag)));
  registry.add(spec("entity", "name", {}, StaticType::String, "the entity's name (its title)", prepared(&Entity::Values::name)));
  registry.add(spec("entity", "type", {}, StaticType::String, "the entity's type (service, team, ...)",
                    prepared(&Entity::Values::type)));
  registry.add(spec("entity", "description", {}, StaticType::Unknown, "the entity's description, or null",
                    prepared(&Entity::Values::description)));
  registry.add(spec("entity", "isArchived", {}, StaticType::Bool, "whether the entity is archived",
                    [](CallContext& ctx, std::span<const Value>) { return Value(ctx.entity().is_archived); }));
  registry.add(spec("entity", "descriptor", {}, StaticType::Unknown, "the entity descriptor as an object",
                    [](CallContext& ctx, std::span<const Value>) { return ctx.entity().descriptor; }));
  registry.add(spec("entity", "created", {ParamSpec{"asTimestamp", StaticType::Bool, false, Value(false)}},
                    StaticType::Unknown, "when the entity was created (ISO text, or a timestamp), or null", created));

  registry.add(spec("", "groups", {}, StaticType::List, "the entity's groups as [{name}]", prepared(&Entity::Values::groups)));
  registry.add(spec("", "hasGroup", {required("name", StaticType::String)}, StaticType::Bool,
                    "whether the entity is in the group", [](CallContext& ctx, std::span<const Value> args) {
                      const std::string_view name = args[0].as_string();
                      const auto& groups = ctx.entity().groups;
                      return Value(std::find(groups.begin(), groups.end(), name) != groups.end());
                    }));
  registry.add(spec("", "links", {required("type", StaticType::String)}, StaticType::List,
                    "the entity's links of a type (case-insensitive) as [{name, type, url, description}]", links));
  registry.add(spec("", "custom", {required("key", StaticType::String)}, StaticType::Unknown,
                    "a custom-data value, or null; a dotted key walks nested objects",
                    [](CallContext& ctx, std::span<const Value> args) -> Value {
                      const Value& custom = ctx.entity().custom;
                      if (custom.type() != Type::Object) return Value();
                      const Value* found = find_custom(custom.as_object(), args[0].as_string());
                      return found ? *found : Value();
                    }));

  registry.add(spec("ownership", "allOwners", {}, StaticType::List,
                    "the owners as declared, then the members of owning teams as users", all_owners));
  registry.add(spec("ownership", "teams", {}, StaticType::List,
                    "the owning teams as [{tag, name, members, identityProviderGroups}]", teams));
  registry.add(spec("dependencies", "out", {include_archived()}, StaticType::List,
                    "the entity's dependencies as [{tag, type, isArchived, method, path, description}]", dependencies_out));
  registry.add(spec("dependencies", "in", {include_archived()}, StaticType::List,
                    "the entities that depend on this one, by tag (needs the catalog)", dependencies_in));
}

}  // namespace cql
