#pragma once
// Catalog entities as plain data (spec/scorecards.md §1, spec/cql.md §6/§11).
//
// Loaders (src/catalog/) turn descriptors and exports into these structs; the entity
// namespace reads them. A Catalog is immutable once built and safe to share between threads.

#include <cstdint>
#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cql/text_hash.hpp"
#include "cql/value.hpp"

namespace cql {

struct Owner {  // x-cortex-owners item, as declared
  std::string type;  // group | user | slack | ...
  std::string name;  // group name / user name / slack channel
  std::string email;
  std::string provider;
  std::string description;
};

struct Link {
  std::string name, type, url, description;
};

struct DependencyRef {  // x-cortex-dependency item
  std::string tag, method, path, description;
  Value metadata;
};

struct TeamMember {
  std::string name, email;
};

struct IdentityGroup {  // x-cortex-team.groups item
  std::string name, provider;
};

// One Jira selector item of x-cortex-issues.jira (labels/components/projects).
struct JiraSelector {
  std::string value;
  std::string alias;  // empty: the default account
};

struct JiraIssueConfig {
  bool present = false;  // the descriptor has x-cortex-issues.jira
  std::optional<std::string> default_jql;
  std::vector<JiraSelector> labels, components, projects;
};

struct Entity {
  std::string tag;
  std::string name;
  std::string type = "service";
  std::optional<std::string> description;
  bool is_archived = false;
  std::optional<std::string> created;  // ISO text from an export's created/createdAt
  std::vector<std::string> groups;
  std::vector<Owner> owners;
  std::vector<Link> links;
  Value custom;  // object: custom-data key -> value (null when none)
  std::vector<DependencyRef> dependencies;
  JiraIssueConfig jira;
  std::vector<TeamMember> team_members;       // x-cortex-team.members (team entities)
  std::vector<IdentityGroup> team_groups;     // x-cortex-team.groups
  Value descriptor;  // the whole descriptor as an object, for entity.descriptor()

  // Where it came from, for messages ("catalog/payments.yaml:3").
  std::string origin_file;
  std::uint32_t origin_line = 0;

  // The Value forms the hot entity functions return (`entity.tag()`, `groups()` ...), built
  // once by prepare_values() so that those calls share them instead of allocating.
  // Loaders and the Catalog constructor prepare every entity; code that fills an Entity by hand
  // calls prepare_values() after its last change (unprepared entities still work, slower).
  struct Values {
    Value tag, name, type, description, created, groups;
    Value links;  // every link as its link_value(), in order: links(type) picks from these
  };
  Values values;
  bool values_prepared() const noexcept { return values.tag.type() == Type::String; }
};

// The Value forms of the entity's fields; prepare_values() stores them in `entity.values`.
Entity::Values make_values(const Entity& entity);
void prepare_values(Entity& entity);

// The object `links()` returns for a link: {name, type, url, description}, empty texts as null.
Value link_value(const Link& link);

// A reverse-dependency entry: `from` declares a dependency on the indexed tag.
struct IncomingDependency {
  const Entity* from;
  const DependencyRef* ref;
};

class Catalog {
 public:
  Catalog() = default;
  // Builds the tag index and the reverse dependencies, and prepares every entity's values.
  // With duplicate tags, the first entity wins the index (loaders report and drop duplicates).
  explicit Catalog(std::vector<Entity> entities);
  // The indexes point into the entity list, so a copy rebuilds them.
  Catalog(const Catalog& other);
  Catalog& operator=(const Catalog& other);
  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;

  const std::vector<Entity>& entities() const noexcept { return entities_; }
  const Entity* find(std::string_view tag) const noexcept;
  // Entities that depend on `tag`, sorted by the dependent's tag.
  const std::vector<IncomingDependency>& incoming(std::string_view tag) const noexcept;

 private:
  void build_indexes();

  std::vector<Entity> entities_;
  // Searched with a string_view (TextHash), without building a std::string.
  std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> by_tag_;
  std::unordered_map<std::string, std::vector<IncomingDependency>, TextHash, std::equal_to<>> incoming_;
};

}  // namespace cql
