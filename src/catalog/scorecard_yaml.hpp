#pragma once
// Small helpers shared by the scorecard and exemptions loaders: diagnostics positioned at a
// YAML node, and typed reads of scalar fields that report instead of throwing.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql::scorecard_detail {

class YamlReporter {
 public:
  YamlReporter(std::string file_name, std::string text, std::vector<Diagnostic>& problems);

  const std::string& file_name() const noexcept { return file_->name(); }
  const std::string& text() const noexcept { return file_->text(); }

  void error(const YAML::Node& node, std::string message);
  void warning(const YAML::Node& node, std::string message);
  void error_at(std::size_t offset, std::string message);
  std::size_t error_count() const noexcept { return errors_; }

  // A scalar string field; reports a non-scalar value. nullopt when absent (reported when required).
  std::optional<std::string> string_field(const YAML::Node& map, const char* key, bool required);
  std::optional<std::int64_t> integer_field(const YAML::Node& map, const char* key);
  std::optional<bool> bool_field(const YAML::Node& map, const char* key);
  std::optional<Timestamp> timestamp_field(const YAML::Node& map, const char* key);
  // A list of strings (a single string is accepted as a one-element list).
  std::vector<std::string> string_list(const YAML::Node& node, const char* what);
  // Warns about keys not in `known` (typos such as `expresion` would otherwise vanish silently).
  void warn_unknown_keys(const YAML::Node& map, std::initializer_list<const char*> known, const char* what);

 private:
  void add(const YAML::Node& node, Severity severity, std::string message);
  SourceRef file_;
  std::vector<Diagnostic>& problems_;
  std::size_t errors_ = 0;
};

// Parses every document of a YAML text; a syntax error becomes a diagnostic (and no documents).
std::vector<YAML::Node> load_documents(YamlReporter& reporter);

}  // namespace cql::scorecard_detail
