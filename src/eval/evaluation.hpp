#pragma once
// One evaluation of a plan: the per-evaluation state (step counter, lambda parameter slots,
// captures) and the tree walk. It is also the CallContext native functions see.
//
// Values are passed by reference where possible: eval(node, tmp) returns a reference either to
// a value that outlives the evaluation step (a constant of the plan, the entity's data, a list
// element) or to `tmp`, which the caller owns. Comparing `custom("x") == "y"` therefore copies
// nothing and allocates nothing.
//
// Errors are thrown inside (LocatedError, EvalFailure from natives) and caught once by the
// entry points in evaluate.hpp; nothing escapes them.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "compile/plan.hpp"
#include "cql/context.hpp"
#include "cql/entity.hpp"
#include "cql/registry.hpp"

namespace cql::eval {

// A failure with the AST node it belongs to.
struct LocatedError {
  ErrorKind kind;
  std::string message;
  const ast::Node* at;
};

// Thrown by the CallContext when constant folding reaches something that needs an evaluation
// context (the entity, the clock, captures ...): the node is not a constant.
struct NotConstant {};

class Evaluation final : public CallContext {
 public:
  // `context` null: constant folding at compile time.
  Evaluation(const plan::Plan& plan, const EvalContext* context, const Limits& limits, const Value** slots,
             std::vector<Capture>* captures)
      : plan_(plan), nodes_(plan.nodes.data()), kids_(plan.kids.data()), constants_(plan.constants.data()),
        context_(context), custom_(custom_object(context)), limits_(limits), slots_(slots), captures_(captures),
        steps_left_(limits.max_steps) {}

  // The value of a node; see the header comment for the lifetime of the returned reference.
  const Value& eval(std::uint32_t index, Value& tmp);
  // eval() for an operand: constants, lambda parameters and custom-data lookups, the usual
  // operands of comparisons and arithmetic, answer here without the dispatch switch.
  const Value& operand(std::uint32_t index, Value& tmp) {
    const plan::Node& n = nodes_[index];
    if (n.op == plan::Op::Constant) {
      step(n);
      return constants_[n.a];
    }
    if (n.op == plan::Op::Param) {
      step(n);
      return *slots_[n.a];
    }
    if (n.op == plan::Op::CustomKey) {
      step(n);
      return custom_key(n);
    }
    return eval(index, tmp);
  }
  Value eval_owned(std::uint32_t index);
  // Whether the node is one of the boolean operators that eval_bool answers without a Value.
  bool yields_bool(std::uint32_t index) const {
    switch (nodes_[index].op) {
      case plan::Op::Compare: case plan::Op::Equal: case plan::Op::And: case plan::Op::Or: case plan::Op::Not:
      case plan::Op::KeyEqual: case plan::Op::KeyCompare:
        return true;
      default:
        return false;
    }
  }
  // A node that must produce a bool; `what` starts the error message ("`AND` needs bool operands").
  [[gnu::noinline]] bool eval_bool(std::uint32_t index, std::string_view what);

  // CallContext
  Timestamp now() const override;
  const Entity& entity() const override;
  const Catalog* catalog() const override;
  IssueSource* issue_source() const override;
  const JiraSettings* jira_settings() const override;
  const Facts* facts() const override;
  void capture(std::string_view name, const Value& value) override;
  void charge_steps(std::uint64_t steps) override;
  void check_list_size(std::size_t elements) override;
  void check_string_size(std::size_t bytes) override;
  const void* prepared() const override { return prepared_; }

 private:
  // The (max_steps + 1)-th step fails. A countdown held in the evaluation: one compare with zero,
  // no load of the limit through limits_ at every node.
  void step(const plan::Node& node) {
    if (steps_left_ == 0) step_limit(node);
    --steps_left_;
  }
  [[noreturn]] void step_limit(const plan::Node& node) const;
  [[noreturn]] void raise(const plan::Node& node, ErrorKind kind, std::string message) const;
  [[noreturn]] void not_bool(const ast::Node* at, std::string_view what, const Value& value) const;
  // "<sub-expression> is null" for type errors on null.
  std::string null_note(const ast::Node* expression) const;
  const EvalContext& context() const;

  // evaluation.cpp
  [[gnu::noinline]] bool value_as_bool(std::uint32_t index, std::string_view what);
  // Out of line (noinline) so that eval_bool stays a small dispatcher that tail-calls them: each
  // nesting level of a rule then costs a jump, not a large stack frame and six saved registers.
  [[gnu::noinline]] bool compare_node(const plan::Node& node);
  bool compare_values(const plan::Node& node, const Value& left, const Value& right);
  [[gnu::noinline]] bool equal_node(const plan::Node& node);
  [[gnu::noinline]] bool key_compare(const plan::Node& node);
  [[gnu::noinline]] bool key_equal(const plan::Node& node);
  bool key_compare_test(const plan::Node& node);  // their bodies, inlined into AND / OR chains
  bool key_equal_test(const plan::Node& node);
  // One instance per operator: the operator and its error text are constants of the loop.
  template <bool is_and>
  [[gnu::noinline]] bool logic_chain(const plan::Node& node);
  const Value& arith_chain(const plan::Node& node, Value& tmp);
  const Value& custom_key(const plan::Node& node) const;
  const Value& namespace_value(const plan::Node& node);

  // eval_calls.cpp
  const Value& call(const plan::Node& node, Value& tmp);
  const Value& method(const plan::Node& node, Value& tmp);
  const Value& field(const plan::Node& node, Value& tmp);
  Value run_native(const plan::Node& node, const plan::Binding& binding, std::span<Value> args);
  Value run_fallback(const plan::Node& node, const plan::CallSite& site, const std::string& canonical);
  void evaluate_arguments(const plan::Binding& binding, std::span<Value> out);
  void check_namespace_present(const plan::Node& node, const plan::CallSite& site);

  // eval_lambdas.cpp
  const Value& lambda_method(const plan::Node& node, Value& tmp);

  // The plan's arrays and the entity's custom data, read through once here rather than through
  // plan_ and context_ at every node: each lookup of a rule is then a shorter chain of loads.
  static const Object* custom_object(const EvalContext* context) {
    if (context == nullptr || context->entity.custom.type() != Type::Object) return nullptr;
    return &context->entity.custom.as_object();
  }
  const plan::Plan& plan_;
  const plan::Node* nodes_;
  const std::uint32_t* kids_;
  const Value* constants_;
  const EvalContext* context_;
  const Object* custom_;  // null when the entity's custom data is not an object
  const Limits& limits_;
  const Value** slots_;
  std::vector<Capture>* captures_;
  std::uint64_t steps_left_;  // steps still allowed (Limits::max_steps at the start)
  const void* prepared_ = nullptr;
};

}  // namespace cql::eval
