#pragma once
// The compile stage: turns the checker's plan into the final, immutable one.
//  1. prepare: each call's FunctionSpec::prepare runs on its constant arguments (after the
//     arguments themselves were folded), so an invalid constant regex, duration, semver, jq
//     program or JQL query is a compile error, and the prepared state is bound to the call;
//  2. fold: every pure node whose operands are all constants is evaluated once, with the
//     evaluator itself (one home for semantics), and becomes a constant; a node that needs
//     the entity, the clock or captures, or that fails, is left for run time;
//  3. specialise: `custom("key")` with a constant key becomes a direct lookup;
//  4. compact: after folding, nodes, constants and call sites that are no longer reachable are
//     dropped (a specialised call's leftovers are too few to be worth it).
#include <vector>

#include "ast/ast.hpp"
#include "compile/plan.hpp"
#include "cql/diagnostic.hpp"

namespace cql::compile {

// Returns the compile errors found while preparing calls (empty when the plan is ready).
std::vector<Diagnostic> compile_plan(plan::Plan& plan, const ast::Expression& expression);

// Internal steps, one file each.
std::vector<Diagnostic> prepare_call(plan::Plan& plan, std::uint32_t node, const ast::Expression& expression);
bool fold_node(plan::Plan& plan, std::uint32_t node);
void specialise_node(plan::Plan& plan, std::uint32_t node);
void compact(plan::Plan& plan);  // in place

// Calls f(child index) for each child of a node, in evaluation order.
template <typename F>
void for_each_child(const plan::Plan& plan, const plan::Node& node, F&& f) {
  auto kid_range = [&](std::uint32_t first, std::uint32_t count) {
    for (std::uint32_t i = 0; i < count; ++i) f(plan.kids[first + i]);
  };
  switch (node.op) {
    case plan::Op::Constant: case plan::Op::Param: case plan::Op::Namespace: case plan::Op::CustomKey:
      break;
    case plan::Op::List: case plan::Op::Arith: case plan::Op::And: case plan::Op::Or:
      kid_range(node.a, node.b);
      break;
    case plan::Op::Not: case plan::Op::Negate: case plan::Op::Field:
      f(node.a);
      break;
    case plan::Op::Compare: case plan::Op::Equal: case plan::Op::LambdaMethod:
    case plan::Op::KeyEqual: case plan::Op::KeyCompare:
      f(node.a);
      f(node.b);
      break;
    case plan::Op::Call: {
      const plan::CallSite& site = plan.calls[node.a];
      if (site.kind == plan::CallKind::AnyCall) kid_range(site.first_kid, site.count);
      for (const auto& b : site.candidates) kid_range(b.first_kid, b.count);
      break;
    }
    case plan::Op::Method:
      f(node.a);
      for (const auto& b : plan.calls[node.b].candidates) kid_range(b.first_kid, b.count);
      break;
  }
}

}  // namespace cql::compile
