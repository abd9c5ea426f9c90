#pragma once
// The checker's internal state, shared by its two source files: checker.cpp (literals,
// identifiers, operators, lambdas) and check_calls.cpp (calls, methods, fields, arguments).
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/checker.hpp"
#include "check/scratch_stack.hpp"

namespace cql::check {

// A checked sub-expression: its plan node and static type.
struct Typed {
  std::uint32_t node = 0;
  StaticType type = StaticType::Unknown;
  bool failed = false;  // an error was reported inside: no further errors about this value
};

// A lambda parameter in scope and the evaluator's slot for its value.
struct ScopeEntry {
  std::string_view name;
  std::uint32_t slot = 0;
};

class Checker {
 public:
  // The plan is built in `plan` (empty), which the caller owns.
  Checker(const ast::Expression& expression, const NameIndex& names, const CheckSettings& settings, plan::Plan& plan)
      : expression_(expression), names_(names), settings_(settings), plan_(plan) {}

  // The result's plan is left empty: the plan is the one given to the constructor.
  CheckResult run();

  // checker.cpp
  Typed visit(const ast::Node& node);
  Typed visit_identifier(const ast::Node& node);
  Typed visit_unary(const ast::Node& node, const ast::Node* comparison);
  Typed visit_binary(const ast::Node& node);
  Typed visit_logic_chain(const ast::Node& node);
  Typed visit_arith_chain(const ast::Node& node);
  Typed visit_lambda_method(const ast::Node& call, Typed receiver);

  // check_calls.cpp
  Typed visit_call(const ast::Node& node);
  // custom("key"): a direct lookup, or nullopt. `spec`: the global function of that name, or null.
  std::optional<Typed> visit_custom_key(const ast::Node& call, const FunctionSpec* spec);
  Typed visit_field(const ast::Node& node);
  Typed visit_global_call(const ast::Node& node, const FunctionSpec* spec, std::span<const Typed> args);
  Typed visit_namespace_call(const ast::Node& node, std::string_view ns, std::span<const Typed> args);
  Typed visit_method(const ast::Node& node, Typed receiver, std::span<const Typed> args);
  std::optional<plan::Binding> bind(const FunctionSpec& spec, const ast::Node& call, std::span<const Typed> args,
                                    bool report);
  Typed any_call(const ast::Node& node, std::string_view ns, const NamespaceSpec* spec, std::span<const Typed> args);
  // Visits the arguments onto arg_stack_ and returns them; the caller truncates the stack
  // back to where it was (ScratchMark) once the call is checked.
  std::span<const Typed> visit_arguments(const ast::Node& call, bool lambdas_allowed);
  void note_extension(const FunctionSpec& spec, const ast::Node& node);
  // A new call site of this kind at the end of plan_.calls, with its FallbackCall if it needs one;
  // the first one reserves room for every call of the expression.
  plan::CallSite& add_call_site(plan::CallKind kind);

  // Helpers.
  Typed placeholder(const ast::Node& node);  // stands for a sub-expression that had an error
  Typed constant(const ast::Node& node, const Value& value, StaticType type);
  std::uint32_t add_kids(std::span<const std::uint32_t> nodes);
  void add_kid(std::uint32_t node);
  bool is_parameter(std::string_view name) const;
  std::string display_name(const ast::Node& call) const;  // `hasGroup()`, `entity.tag()`, `.matches()`
  std::string_view text(Span span) const;
  void error(Span span, std::string message, std::string hint = {});
  void warning(Span span, std::string message);

  const ast::Expression& expression_;
  const NameIndex& names_;
  const CheckSettings& settings_;
  plan::Plan& plan_;
  std::vector<Diagnostic> diagnostics_;
  bool has_errors_ = false;
  std::size_t depth_ = 0;
  bool too_deep_reported_ = false;

  // Scratch stacks shared by every visit instead of one small vector per node: a visit pushes
  // above the entries of the visits enclosing it and truncates back before returning. Each
  // holds a typical rule's needs inside the Checker (scratch_stack.hpp): checking allocates
  // for the plan and nothing else.
  static constexpr std::size_t kTypical = 16;
  ScratchStack<ScopeEntry, 4> scope_;                      // lambda parameters, innermost last
  ScratchStack<const ast::Node*, kTypical> chain_nodes_;   // flattened chain operands / arithmetic steps
  ScratchStack<const ast::Node*, kTypical> pending_;       // chain flattening work list (never held across a visit)
  ScratchStack<std::uint32_t, kTypical> operand_stack_;    // plan nodes of chain operands
  ScratchStack<Typed, kTypical> arg_stack_;                // checked call arguments
  ScratchStack<int, kTypical> given_;                      // bind(): argument index per parameter
};

// Truncates a scratch stack back to its size at construction.
template <typename Stack>
class ScratchMark {
 public:
  explicit ScratchMark(Stack& stack) : stack_(stack), mark_(stack.size()) {}
  ~ScratchMark() { stack_.truncate(mark_); }
  ScratchMark(const ScratchMark&) = delete;
  ScratchMark& operator=(const ScratchMark&) = delete;
  std::size_t mark() const noexcept { return mark_; }

 private:
  Stack& stack_;
  std::size_t mark_;
};

}  // namespace cql::check
