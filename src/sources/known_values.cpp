// cql::KnownValues (include/cql/issue_source.hpp).
#include <string>
#include <utility>

#include "cql/issue_source.hpp"

namespace cql {

namespace {

std::string ascii_lower(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

KnownValues::KnownValues(std::vector<std::string> projects, std::vector<std::string> components)
    : projects_(std::move(projects)), components_(std::move(components)) {
  for (const auto& p : projects_) project_keys_.insert(ascii_lower(p));
  for (const auto& c : components_) component_keys_.insert(ascii_lower(c));
}

bool KnownValues::has_project(std::string_view value) const { return project_keys_.count(ascii_lower(value)) > 0; }

bool KnownValues::has_component(std::string_view value) const { return component_keys_.count(ascii_lower(value)) > 0; }

}  // namespace cql
