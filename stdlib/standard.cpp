// Registry::standard(): every built-in family. Each family's engineer adds its line here when
// the family lands.
#include "cql/registry.hpp"
#include "stdlib/families.hpp"

namespace cql {

Registry Registry::standard() {
  Registry registry;
  register_strings(registry);
  register_lists(registry);
  register_objects(registry);
  register_time(registry);
  register_semver(registry);
  register_regex(registry);
  register_jq(registry);
  register_captures(registry);
  register_entity(registry);
  register_integrations(registry);
  register_jira(registry);
  return registry;
}

}  // namespace cql
