#pragma once
// Registration of native functions, methods and namespaces (conventions.md §6).
//
// Built-ins are plain C++ functions registered by name with a signature; one adapter in the
// evaluator checks arity, named arguments and argument types, so argument errors read the
// same everywhere. stdlib/ registers the families (one register_<family>(Registry&) per file);
// embedders register their own functions and namespaces the same way before building an
// Engine. A Registry is mutable while it is being filled and read-only afterwards: the Engine
// takes it by value and never changes it, so one Engine can serve many threads.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql {

class Catalog;
struct Entity;
class IssueSource;
class Facts;
struct JiraSettings;

// What the checker knows about a value before evaluation.
enum class StaticType : std::uint8_t {
  Unknown,  // data (custom(), jq(), facts, object fields): checked at run time
  Null, Bool, Int, Double, Number, String, List, Object, Duration, Timestamp, Semver, Namespace,
  Lambda,   // a parameter that takes `x => ...` (only list methods implemented by the evaluator)
};
std::string_view static_type_name(StaticType type) noexcept;

// Raised by native code for a run-time failure; the evaluator turns it into a diagnostic with
// the span of the call. Never crosses the public API (Program::evaluate returns a Result).
struct EvalFailure {
  ErrorKind kind;       // Type, Eval or Provider
  std::string message;
};
[[noreturn]] void fail(ErrorKind kind, std::string message);

// Per-evaluation services available to native functions. One CallContext per evaluation,
// used by one thread at a time.
class CallContext {
 public:
  virtual ~CallContext() = default;
  virtual Timestamp now() const = 0;
  virtual const Entity& entity() const = 0;
  virtual const Catalog* catalog() const = 0;        // may be null (single entity)
  virtual IssueSource* issue_source() const = 0;     // may be null (no Jira configured)
  virtual const JiraSettings* jira_settings() const = 0;
  virtual const Facts* facts() const = 0;            // may be null
  virtual void capture(std::string_view name, const Value& value) = 0;
  // Counts towards the limits of spec/cql.md §8; fails with an `eval` error when exceeded.
  virtual void charge_steps(std::uint64_t steps) = 0;
  virtual void check_list_size(std::size_t elements) = 0;
  virtual void check_string_size(std::size_t bytes) = 0;
  // Compile-time state prepared for this call site (see FunctionSpec::prepare), or null.
  virtual const void* prepared() const = 0;
};

struct ParamSpec {
  std::string name;
  StaticType type = StaticType::Unknown;  // Unknown accepts anything
  bool required = true;
  Value default_value;  // used when an optional parameter is not given
};

using NativeFunction = std::function<Value(CallContext& ctx, std::span<const Value> args)>;

// Validates constant arguments at compile time and may precompute state for the call site
// (a compiled regex, a parsed JQL query). `constants[i]` is set when argument i is a
// compile-time constant. Returns an error message for the argument at `bad_argument`.
struct PrepareResult {
  std::shared_ptr<const void> state;
  std::optional<std::string> error;
  std::size_t bad_argument = 0;
  std::optional<Span> error_span;  // inside the argument's string literal, when known (JQL)
};
using PrepareFunction = std::function<PrepareResult(std::span<const std::optional<Value>> constants)>;

struct FunctionSpec {
  std::string name;
  // For a method: the receiver type it applies to (it is passed as args[0]); for a global
  // function or a namespace function: nullopt.
  std::optional<StaticType> receiver;
  std::string namespace_name;  // "jira" for jira.numOfIssues; empty for globals and methods
  std::vector<ParamSpec> params;  // excluding the receiver
  StaticType result = StaticType::Unknown;
  bool is_property = false;  // written without parentheses (length, freshness, major ...)
  bool extension = false;    // not in the vendor's documented set: `cql check --strict` warns
  bool pure = true;          // may be constant-folded when every argument is constant
  // Empty for a *declared-only* function (the vendor integrations of scorecards.md §2): the
  // checker validates arity and named arguments, and at run time the call is answered by the
  // fallback of the NamespaceSpec named `namespace_name` (for globals such as `deploys`, the
  // NamespaceSpec with the empty name) with the call's canonical text.
  NativeFunction function;
  PrepareFunction prepare;   // optional
  std::string summary;       // one line for completion and `help`
};

// A namespace beyond the built-in functions: the bare name is a value (null or a handle), and
// calls on it may be answered by a fallback (facts-backed namespaces accept any call).
struct NamespaceSpec {
  std::string name;  // empty: the fallback for declared-only global functions (`deploys(...)`)
  // Whether the bare namespace is a handle (true) or null (false) for this evaluation.
  std::function<bool(CallContext& ctx)> is_present;
  // Answers `name.fn(args)` for functions without their own FunctionSpec, given the call's
  // canonical text (scorecards.md §2: `fileExists("README.md")`). Empty: only registered
  // functions are allowed (a compile error otherwise).
  std::function<Value(CallContext& ctx, const std::string& canonical_call)> fallback;
  bool accepts_any_call = false;  // the checker allows unknown function names (facts namespaces)
};

class Registry {
 public:
  void add(FunctionSpec spec);
  void add_namespace(NamespaceSpec spec);

  // Lookups used by the checker/compiler.
  const FunctionSpec* global(std::string_view name) const noexcept;
  const FunctionSpec* in_namespace(std::string_view ns, std::string_view name) const noexcept;
  // Methods with this name, any receiver type (the checker picks by static type).
  std::vector<const FunctionSpec*> methods(std::string_view name) const;
  const NamespaceSpec* find_namespace(std::string_view name) const noexcept;
  const std::vector<FunctionSpec>& functions() const noexcept { return functions_; }
  const std::vector<NamespaceSpec>& namespaces() const noexcept { return namespaces_; }

  // Every built-in family of stdlib/ plus the entity, ownership, dependencies, jira and
  // vendor-catalog namespaces.
  static Registry standard();

 private:
  std::vector<FunctionSpec> functions_;
  std::vector<NamespaceSpec> namespaces_;
};

}  // namespace cql
