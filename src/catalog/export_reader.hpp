#pragma once
// Catalog exports in the vendor API's JSON shape (spec/scorecards.md §1): an array of entities,
// `{"entities": [...]}`, a single entity object, or JSON Lines (one entity per line). A JSON
// object with an `info` mapping is read as a descriptor written in JSON.

#include <string_view>
#include <vector>

#include "catalog/loaded_entity.hpp"

namespace cql::catalog {

// Whether the text is JSON rather than YAML descriptors: its first character is `{` or `[`.
bool looks_like_json(std::string_view text) noexcept;

// Reads every entity of a JSON file; a bad entity or line is reported and skipped.
void read_json_entities(const SourceRef& source, std::vector<LoadedEntity>& entities, std::vector<Diagnostic>& problems);

}  // namespace cql::catalog
