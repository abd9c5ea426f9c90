#pragma once
// Facts: data for the vendor's other integrations (spec/scorecards.md §2).
// `{ "<entity tag>": { "<namespace>": { "<call>": value }, "<global call>": value } }`,
// JSON or YAML, calls keyed by their canonical text. Immutable once loaded; thread-safe reads.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/text_hash.hpp"
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
  // Every namespace name that appears for any entity (the checker accepts these), sorted;
  // global calls (namespace "") are not listed.
  const std::vector<std::string>& namespaces() const noexcept { return namespaces_; }

 private:
  // Lookups take string_views: a transparent hash avoids building a std::string per call.
  template <typename T>
  using Map = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

  // tag -> namespace ("" for global calls) -> canonical call -> value
  Map<Map<Map<Value>>> data_;
  std::vector<std::string> namespaces_;  // sorted; without ""
};

// Registers a facts-answered namespace (any call accepted) for each namespace of `facts` that
// `registry` does not already have (spec/scorecards.md §2); call it before building an Engine.
class Registry;
void register_fact_namespaces(Registry& registry, const Facts& facts);

// The canonical text of a call (scorecards.md §2), the key of a facts file:
// `name(p1, p2, a = v, b = w)` with the positional arguments in order, then the named ones
// sorted by name, each written by to_cql_literal (`"README.md"`, `["HIGH"]`, `duration("P7D")`).
// The evaluator builds a declared-only call's text with this function; the facts loader
// rewrites every key into this form, so `fileExists('README.md')` finds `fileExists("README.md")`.
std::string canonical_call(std::string_view name, std::span<const Value> positional,
                           std::span<const std::pair<std::string, Value>> named);

// Loading never stops at a bad entry: each problem (a key that is not a valid call, a
// namespace that is not a mapping, a duplicate call) is a diagnostic with file:line:col and
// the entry is skipped. Values are kept as written: strings that look like durations or
// timestamps stay strings (the evaluator converts them where one is needed).
struct Facts::Load {
  Facts facts;
  std::vector<Diagnostic> problems;  // e.g. a key that is not a valid call, with file:line
  bool unreadable = false;           // the file could not be read at all (exit 74)
};

}  // namespace cql
