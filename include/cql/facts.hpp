#pragma once
// Facts: data for the vendor's other integrations (spec/scorecards.md §2).
// `{ "<entity tag>": { "<namespace>": { "<call>": value }, "<global call>": value } }`,
// JSON or YAML, calls keyed by their canonical text. Immutable once loaded; thread-safe reads.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql {

class Facts {
 public:
  struct Load;
  static Load load(const std::string& path);

  // Whether the entity has facts for the namespace (the bare namespace is then a handle).
  bool has_namespace(std::string_view tag, std::string_view ns) const noexcept;
  // The value recorded for `ns.call` (ns empty: a global call such as `deploys(...)`), or
  // null when the call is missing (the caller reports a provider error naming it).
  const Value* lookup(std::string_view tag, std::string_view ns, std::string_view canonical_call) const noexcept;
  // Every namespace name that appears for any entity (the checker accepts these).
  const std::vector<std::string>& namespaces() const noexcept { return namespaces_; }

 private:
  // tag -> namespace ("" for global calls) -> canonical call -> value
  std::unordered_map<std::string, std::unordered_map<std::string, std::unordered_map<std::string, Value>>> data_;
  std::vector<std::string> namespaces_;
};

struct Facts::Load {
  Facts facts;
  std::vector<Diagnostic> problems;  // e.g. a key that is not a valid call, with file:line
  bool unreadable = false;
};

}  // namespace cql
