// Registry::standard(): every built-in family. Each family's engineer adds its line here when
// the family lands.
#include "cql/registry.hpp"
#include "stdlib/families.hpp"

namespace cql {

Registry Registry::standard() {
  Registry registry;
  return registry;
}

}  // namespace cql
