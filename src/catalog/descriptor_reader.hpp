#pragma once
// A cortex.yaml descriptor (spec/scorecards.md §1): one YAML document -> one Entity.

#include <optional>
#include <vector>

#include "catalog/loaded_entity.hpp"
#include "catalog/yaml_reader.hpp"

namespace cql::catalog {

// Mapping depth whose key positions read_descriptor uses (the root and `info`).
constexpr int kDescriptorKeyDepth = 2;

// nullopt for an empty document (silently) or a document that is not a descriptor (reported,
// with the file and line, as an error: the document is skipped). Malformed fields are
// reported as warnings and ignored.
std::optional<LoadedEntity> read_descriptor(const YamlDocument& document, const SourceRef& source,
                                      std::vector<Diagnostic>& problems);

}  // namespace cql::catalog
