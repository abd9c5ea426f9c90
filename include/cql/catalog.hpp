#pragma once
// Loading catalogs (spec/scorecards.md §1): a directory tree or file of cortex.yaml
// descriptors (several YAML documents per file), a JSON export (array or {"entities": [...]}),
// or JSON Lines, detected by content. Bad input never stops the load: each problem becomes a
// diagnostic with file and line, and the rest still loads.

#include <string>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/entity.hpp"

namespace cql {

struct CatalogLoad {
  Catalog catalog;
  std::vector<Diagnostic> problems;  // skipped files/entities, duplicate tags ... (kind Io or Syntax)
  bool unreadable = false;           // the named path itself could not be read at all (exit 74)
};

CatalogLoad load_catalog(const std::string& path);

// A single descriptor (YAML) or entity JSON file, for `--entity FILE`.
Result<Entity> load_entity_file(const std::string& path);

// The empty entity with tag `example` used when no entity is chosen (spec/cli.md).
Entity example_entity();

}  // namespace cql
