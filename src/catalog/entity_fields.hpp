#pragma once
// Reading the fields of one entity (descriptor `info` or export object) from Values into the
// structs of cql/entity.hpp. A malformed field is reported (a warning with the file and the
// field's line) and ignored; the entity still loads.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/entity.hpp"

namespace cql::catalog {

class FieldProblems {
 public:
  // `locate` gives the span of a field (by key) for the message.
  FieldProblems(SourceRef source, std::vector<Diagnostic>& problems, std::function<Span(std::string_view)> locate)
      : source_(std::move(source)), problems_(problems), locate_(std::move(locate)) {}

  void set_entity(std::string tag) { entity_ = std::move(tag); }
  // "<tag>: <field> <message>; ignored" as a warning at the field.
  void ignored(std::string_view field, std::string_view message) const;

 private:
  SourceRef source_;
  std::vector<Diagnostic>& problems_;
  std::function<Span(std::string_view)> locate_;
  std::string entity_;
};

// The field `key` of `object`, or null when absent.
const Value* field(const Value& object, std::string_view key) noexcept;

// Text fields: absent or null -> nullopt; any other non-text value is reported.
std::optional<std::string> read_text(const Value* value, std::string_view field, const FieldProblems& problems);
bool read_bool(const Value* value, std::string_view field, const FieldProblems& problems);
// A list of strings, or of objects with a text `name` (or `tag`) field.
std::vector<std::string> read_names(const Value* value, std::string_view field, const FieldProblems& problems);

// `[{type, name | channel, email, provider, description}]`.
std::vector<Owner> read_owners(const Value* value, std::string_view field, const FieldProblems& problems);
// `[{name, type, url, description}]`.
std::vector<Link> read_links(const Value* value, std::string_view field, const FieldProblems& problems);
// `[{tag, method, path, description, metadata}]`.
std::vector<DependencyRef> read_dependencies(const Value* value, std::string_view field, const FieldProblems& problems);
// `{members: [{name, email}], groups: [{name, provider}]}` into the entity's team fields.
void read_team(const Value* value, std::string_view field, Entity& entity, const FieldProblems& problems);
// `x-cortex-issues`: its `jira` part (jira.md §2).
JiraIssueConfig read_issues(const Value* value, std::string_view field, const FieldProblems& problems);
// Custom data: an object, or (exports) a list of `{key, value}`; null when absent.
Value read_custom(const Value* value, std::string_view field, const FieldProblems& problems);

}  // namespace cql::catalog
