#pragma once
// What one evaluation needs (the entity and its data sources, the clock, the limits) and what
// it produces (spec/cql.md §7-§9).
//
// Ownership: an EvalContext only points at data the caller owns (the entity, the catalog, the
// facts, the issue source, the Jira settings); all of it must outlive the evaluate() call.
// Thread safety: an EvalContext is read-only during evaluation, so one context may be shared by
// several threads as long as its IssueSource is thread-safe (every IssueSource is required to
// be). Per-evaluation state (captures, the step counter) lives inside the evaluation itself.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql {

class Catalog;
struct Entity;
class Facts;
class IssueSource;
struct JiraSettings;

// The limits of spec/cql.md §8. Text size and nesting are checked by the parser (syntax
// errors); the others during evaluation (eval errors naming the limit).
struct Limits {
  std::size_t max_text_bytes = 64 * 1024;
  std::size_t max_nesting = 256;
  std::uint64_t max_steps = 1'000'000;          // node visits + lambda calls per evaluation
  std::size_t max_list_elements = 1'000'000;    // per list created during evaluation
  std::size_t max_string_bytes = 16 * 1024 * 1024;  // per string created during evaluation
};

struct EvalContext {
  explicit EvalContext(const Entity& current_entity) : entity(current_entity) {}

  const Entity& entity;                       // the current entity (always set)
  const Catalog* catalog = nullptr;           // the whole catalog, for dependencies.in() ...
  const Facts* facts = nullptr;               // data of the vendor's other integrations
  IssueSource* issue_source = nullptr;        // offline dump, live Jira, cache ... (thread-safe)
  const JiraSettings* jira_settings = nullptr;
  Timestamp now;                              // the evaluation clock (now(), fromNow, freshness)
  Limits limits;                              // the run-time limits (steps, list/string sizes)
};

// One `captures(name, value)` record, in the order the calls ran (a name captured twice keeps
// its last value, at the position of its first capture).
struct Capture {
  std::string name;
  Value value;
};

// The outcome of one evaluation: a value and its captures, or one diagnostic of kind Type, Eval
// or Provider whose span is the failing sub-expression.
struct EvalResult {
  // User-provided on purpose: with the implicit constructor GCC clears the whole struct
  // (the diagnostic's storage included) with `rep stos`, a tenth of a simple rule's evaluation.
  EvalResult() noexcept {}

  Value value;
  std::vector<Capture> captures;
  std::optional<Diagnostic> error;

  bool ok() const noexcept { return !error.has_value(); }
};

}  // namespace cql
