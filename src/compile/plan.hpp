#pragma once
// The executable form of an expression: a flat vector of small nodes addressed by index.
//
// The checker (src/check) emits a plan in post-order (every child has a lower index than its
// parent) with every name resolved and every call bound; the compiler (src/compile) folds
// constants, specialises common shapes and drops dead nodes; the evaluator (src/eval) walks it.
// Chains of AND, OR, + / - and * / / / % are single nodes with a list of operands, so a chain of
// 10,000 terms is evaluated by a loop, never by 10,000 nested calls.
//
// A plan is immutable once compiled and shared by every evaluating thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "compile/inline_vector.hpp"
#include "cql/registry.hpp"
#include "cql/value.hpp"

namespace cql::plan {

enum class Op : std::uint8_t {
  Constant,      // constants[a]
  List,          // builds a list of kids [a, a + b)
  Param,         // the lambda parameter in slot a
  Namespace,     // bare namespace namespaces[a]: its handle, or null when absent
  Field,         // receiver node a, fields[b]: object field, else a property by run-time type
  Call,          // calls[a], a global or namespace function
  Method,        // receiver node a, calls[b], a method picked by the receiver's run-time type
  LambdaMethod,  // receiver node a, body node b, parameter slot c; sub: LambdaKind
  Not,           // node a
  Negate,        // node a
  Arith,         // left-to-right chain over kids [a, a + b); arith_steps[c + i - 1] joins kid i to the left
  Compare,       // nodes a, b; sub: BinaryOp (< <= > >=)
  Equal,         // nodes a, b; sub: BinaryOp (== !=)
  And,           // short-circuit chain over kids [a, a + b)
  Or,            // short-circuit chain over kids [a, a + b)
  CustomKey,     // custom(<constant key without a dot>): a direct lookup of constants[a], whose
                 // Object::hash_key is b (checker for literal keys, compiler for folded ones)
  KeyEqual,      // Equal of a CustomKey and a Constant node (a, b as written; c: 1 when the
                 // key is b); sub: BinaryOp (compiler). Evaluated without dispatching on the operands
  KeyCompare,    // the same for Compare
};

// The plan's tables, as compile/compiler.hpp's for_each_reference names them.
enum class Table : std::uint8_t { Nodes, Kids, Constants, Calls, Fields, Namespaces, ArithSteps, Count };

enum class LambdaKind : std::uint8_t { Filter, Map, Any, All, None };

struct Node {
  Op op = Op::Constant;
  std::uint8_t sub = 0;  // BinaryOp, LambdaKind
  StaticType type = StaticType::Unknown;
  std::uint32_t a = 0, b = 0, c = 0;
  const ast::Node* ast = nullptr;  // span and text for diagnostics
};

// One way to call a function: the spec and the argument nodes in parameter order (parameters
// that were not written get a Constant node holding their default).
struct Binding {
  const FunctionSpec* spec = nullptr;
  std::uint32_t first_kid = 0;  // kids[first_kid ...] are the argument nodes (receiver excluded)
  std::uint32_t count = 0;
  std::uint64_t written = 0;     // bit i: parameter i was written in the call (canonical text)
  std::shared_ptr<const void> prepared;
};

enum class CallKind : std::uint8_t {
  Native,    // the bound spec's function
  Declared,  // a declared-only function: the namespace fallback answers its canonical text
  AnyCall,   // an unknown function of an accepts_any_call namespace: answered by the fallback
};

// What only calls answered by a namespace fallback (Declared, AnyCall) need. Kept out of the
// CallSite, in Plan::fallback_calls: most sites are natives, and a small site is cheaper to
// build, to store and to destroy for every call of every compiled rule.
struct FallbackCall {
  std::vector<std::string> arg_names;    // AnyCall: argument names as written ("" positional)
  std::optional<std::string> canonical;  // the call's canonical text, when its arguments are constants
};

inline constexpr std::uint32_t kNoFallback = 0xFFFFFFFFu;

// Names are views, never copies: they point into the engine's registry or into the source
// text (through the AST), both owned by the Program (detail::ProgramState) for its lifetime.
struct CallSite {
  // User-provided on purpose: value-initialisation (emplace_back()) would otherwise clear the
  // whole site before the member initializers run, a measurable part of checking a call.
  CallSite() noexcept {}

  CallKind kind = CallKind::Native;
  bool getter = false;  // Method: a zero-argument call may read the object field `name`
  std::uint32_t fallback = kNoFallback;  // Declared/AnyCall: Plan::fallback_calls[fallback]
  // AnyCall: argument nodes as written (positional first); names in the FallbackCall.
  std::uint32_t first_kid = 0, count = 0;
  std::string_view name;            // function or method name
  std::string_view namespace_name;  // for namespace calls and declared globals ("" otherwise)
  const NamespaceSpec* ns = nullptr;  // presence check and fallback; null when none applies
  // Native/Declared: one binding. Methods: one binding per candidate receiver type.
  InlineVector<Binding, 1> candidates;
};

struct FieldSite {
  std::string_view name;  // a view like CallSite::name
  InlineVector<const FunctionSpec*, 2> properties;  // property specs of this name, by receiver type
};

struct NamespaceSite {
  const NamespaceSpec* spec = nullptr;  // null: always present (only functions declare it)
  Value handle;                         // Value::namespace_handle(name), built once
};

struct Plan {
  std::vector<Node> nodes;
  std::vector<std::uint32_t> kids;
  // Arith chains: the Binary AST node of each step (its operator, and its span for errors).
  std::vector<const ast::Node*> arith_steps;
  std::vector<Value> constants;
  std::vector<CallSite> calls;
  // CallSite::fallback. Not compacted: a site keeps its index, a dropped site leaves its entry.
  std::vector<FallbackCall> fallback_calls;
  std::vector<FieldSite> fields;
  std::vector<NamespaceSite> namespaces;
  std::uint32_t root = 0;
  std::uint32_t lambda_slots = 0;  // deepest lambda nesting

  std::uint32_t add_node(const Node& node) {
    nodes.push_back(node);
    return static_cast<std::uint32_t>(nodes.size() - 1);
  }
  std::uint32_t add_constant(Value value) {
    constants.push_back(std::move(value));
    return static_cast<std::uint32_t>(constants.size() - 1);
  }
  // The precomputed canonical text of a Declared/AnyCall site, or null (computed at run time).
  const std::string* canonical_text(const CallSite& site) const noexcept {
    if (site.fallback == kNoFallback) return nullptr;
    const auto& text = fallback_calls[site.fallback].canonical;
    return text ? &*text : nullptr;
  }
};

}  // namespace cql::plan
