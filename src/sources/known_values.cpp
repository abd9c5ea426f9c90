// cql::KnownValues (include/cql/issue_source.hpp).
#include <string>
#include <utility>

#include "cql/issue_source.hpp"
#include "jql/ascii.hpp"

namespace cql {

KnownValues::KnownValues(std::vector<std::string> projects, std::vector<std::string> components)
    : projects_(std::move(projects)), components_(std::move(components)) {
  for (const auto& p : projects_) project_keys_.insert(jql::lower_ascii(p));
  for (const auto& c : components_) component_keys_.insert(jql::lower_ascii(c));
}

bool KnownValues::has_project(std::string_view value) const { return project_keys_.count(jql::lower_ascii(value)) > 0; }

bool KnownValues::has_component(std::string_view value) const { return component_keys_.count(jql::lower_ascii(value)) > 0; }

}  // namespace cql
