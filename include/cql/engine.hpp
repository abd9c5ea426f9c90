#pragma once
// The embedding API: build an Engine once, compile rules into Programs, evaluate them many times.
//
//   cql::Engine engine = cql::EngineBuilder(cql::Registry::standard()).build();
//   cql::Result<cql::Program> program = engine.compile(R"(custom("tier") == 1)");
//   if (!program) { std::cerr << cql::render(program.errors()); return; }
//   cql::EvalContext ctx(entity);
//   ctx.now = ...;
//   cql::EvalResult result = program.value().evaluate(ctx);
//
// Pipeline: text -> parse -> check (every name, arity and named argument resolved, static types
// inferred, constant arguments of regex/duration/semver/jq/JQL validated; ALL diagnostics
// collected) -> compile (constants folded, calls pre-bound to their function and prepared state)
// -> evaluate. Nothing is evaluated until everything compiled.
//
// Thread safety and ownership:
// - EngineBuilder is a plain mutable value used by one thread.
// - Engine is immutable after build(); compile()/check() may be called from any number of
//   threads at once. Copies share the same state (cheap, reference-counted).
// - Program is immutable and self-contained (it keeps its source text and the functions it
//   calls alive); copies are cheap and share state; evaluate() may run on many threads at once.
//   All per-evaluation state lives in the evaluation. Exceptions never leave these classes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/context.hpp"
#include "cql/diagnostic.hpp"
#include "cql/registry.hpp"
#include "cql/value.hpp"

namespace cql {

namespace detail {
struct EngineState;
struct ProgramState;
}  // namespace detail

// A call that remains in a compiled program, for `cql explain` and for planners that fetch data
// ahead of evaluation (the Jira batch planner reads the constant JQL arguments from here).
struct CallInfo {
  std::string namespace_name;  // "jira" for jira.numOfIssues; empty for globals and methods
  std::string name;
  bool is_method = false;
  // One entry per declared parameter (receiver excluded): the constant argument, or nullopt
  // when it is computed at run time. Parameters not written in the call hold their default.
  std::vector<std::optional<Value>> arguments;
  // The canonical call text of spec/scorecards.md §2 when every written argument is constant.
  std::optional<std::string> canonical_call;
  std::shared_ptr<const void> prepared;  // what FunctionSpec::prepare returned, or null
  bool answered_by_fallback = false;     // a declared-only call: the namespace fallback (facts) answers it
  bool pure = false;                     // computed from its arguments alone (no entity data)
  Span span;                             // the call in the program's source
};

class Program {
 public:
  Program() = default;  // an empty program; evaluating it fails with an eval error

  // Evaluates against one entity. Never throws.
  EvalResult evaluate(const EvalContext& context) const;
  // A scorecard rule (spec/cql.md §9): like evaluate(), but a value that is not a bool becomes
  // an eval error ("rule must evaluate to a boolean, got number").
  EvalResult evaluate_rule(const EvalContext& context) const;

  const SourceRef& source() const noexcept;
  StaticType result_type() const noexcept;  // what the checker inferred
  std::vector<CallInfo> calls() const;      // in source order
  bool valid() const noexcept { return state_ != nullptr; }

 private:
  friend class Engine;
  explicit Program(std::shared_ptr<const detail::ProgramState> state) : state_(std::move(state)) {}
  std::shared_ptr<const detail::ProgramState> state_;
};

struct CheckOptions {
  bool strict = false;  // extension functions are errors instead of warnings
};

class Engine {
 public:
  // Every diagnostic of the source is returned when it fails (syntax errors stop at the parser).
  Result<Program> compile(SourceRef source) const;
  Result<Program> compile(std::string_view text, std::string name = "<expr>") const;

  // All diagnostics (errors and warnings) without building a program: syntax errors, or every
  // compile error, plus a warning for each extension function used (an error with `strict`).
  std::vector<Diagnostic> check(SourceRef source, CheckOptions options = {}) const;

  const Registry& registry() const noexcept;
  const Limits& limits() const noexcept;

 private:
  friend class EngineBuilder;
  explicit Engine(std::shared_ptr<const detail::EngineState> state) : state_(std::move(state)) {}
  std::shared_ptr<const detail::EngineState> state_;
};

class EngineBuilder {
 public:
  EngineBuilder();                            // Registry::standard()
  explicit EngineBuilder(Registry registry);  // exactly these functions and namespaces

  EngineBuilder& limits(const Limits& limits);
  EngineBuilder& add_function(FunctionSpec spec);
  EngineBuilder& add_namespace(NamespaceSpec spec);

  Engine build() const;

 private:
  Registry registry_;
  Limits limits_;
};

}  // namespace cql
