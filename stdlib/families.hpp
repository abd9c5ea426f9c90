#pragma once
// One register_<family>(Registry&) per stdlib file; Registry::standard() (stdlib/standard.cpp)
// calls them all.
#include "cql/registry.hpp"

namespace cql {

class Facts;

void register_strings(Registry& registry);       // stdlib/strings.cpp
void register_lists(Registry& registry);         // stdlib/lists.cpp (not the lambda methods: the evaluator owns those)
void register_objects(Registry& registry);       // stdlib/objects.cpp
void register_time(Registry& registry);          // stdlib/time.cpp
void register_semver(Registry& registry);        // stdlib/semver.cpp
void register_regex(Registry& registry);         // stdlib/regex.cpp
void register_jq(Registry& registry);            // stdlib/jq.cpp
void register_captures(Registry& registry);      // stdlib/captures.cpp
void register_entity(Registry& registry);        // stdlib/entity.cpp: entity, ownership, dependencies
void register_integrations(Registry& registry);  // stdlib/integrations.cpp: scorecards.md §2 catalog
void register_jira(Registry& registry);          // stdlib/jira.cpp
// Namespaces that appear in loaded facts but not in the vendor catalog (accepted with any call).
void register_fact_namespaces(Registry& registry, const Facts& facts);  // stdlib/integrations.cpp

}  // namespace cql
