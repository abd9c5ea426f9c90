#pragma once
// The compile stage: turns the checker's plan into the final, immutable one.
//  1. prepare: each call's FunctionSpec::prepare runs on its constant arguments (after the
//     arguments themselves were folded), so an invalid constant regex, duration, semver, jq
//     program or JQL query is a compile error, and the prepared state is bound to the call;
//  2. fold: every pure node whose operands are all constants is evaluated once, with the
//     evaluator itself (one home for semantics), and becomes a constant; a node that needs
//     the entity, the clock or captures, or that fails, is left for run time;
//  3. specialise: `custom("key")` with a key made constant by folding becomes a direct lookup
//     (the checker already plans literal keys so, compile/custom_key.hpp), and such a lookup
//     compared with a constant becomes one fused node;
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

// The one description of what each kind of node refers to: calls f(table, index, count) for
// every range of entries of the plan's tables a node uses, in evaluation order (count 0: none).
// `index` is a reference into the node (const when the node is), so the same walk both reads and
// renumbers references (compact.cpp). A new Op value needs a line here and nowhere else.
template <typename NodeT, typename F>
void for_each_reference(NodeT& n, F&& f) {
  switch (n.op) {
    case plan::Op::Constant: case plan::Op::CustomKey: f(plan::Table::Constants, n.a, 1); break;
    case plan::Op::Param: break;
    case plan::Op::Namespace: f(plan::Table::Namespaces, n.a, 1); break;
    case plan::Op::Arith:
      f(plan::Table::Kids, n.a, n.b);
      f(plan::Table::ArithSteps, n.c, n.b > 0 ? n.b - 1 : 0);
      break;
    case plan::Op::List: case plan::Op::And: case plan::Op::Or: f(plan::Table::Kids, n.a, n.b); break;
    case plan::Op::Not: case plan::Op::Negate: f(plan::Table::Nodes, n.a, 1); break;
    case plan::Op::Field:
      f(plan::Table::Nodes, n.a, 1);
      f(plan::Table::Fields, n.b, 1);
      break;
    case plan::Op::Compare: case plan::Op::Equal: case plan::Op::LambdaMethod:
    case plan::Op::KeyEqual: case plan::Op::KeyCompare:
      f(plan::Table::Nodes, n.a, 1);
      f(plan::Table::Nodes, n.b, 1);
      break;
    case plan::Op::Call: f(plan::Table::Calls, n.a, 1); break;
    case plan::Op::Method:
      f(plan::Table::Nodes, n.a, 1);
      f(plan::Table::Calls, n.b, 1);
      break;
  }
}

// The kid ranges of a call site, like for_each_reference.
template <typename SiteT, typename F>
void for_each_reference_of_site(SiteT& site, F&& f) {
  if (site.kind == plan::CallKind::AnyCall) f(plan::Table::Kids, site.first_kid, site.count);
  for (auto& b : site.candidates) f(plan::Table::Kids, b.first_kid, b.count);
}

// Calls f(child index) for each child node of a node (call arguments included), in evaluation
// order.
template <typename F>
void for_each_child(const plan::Plan& plan, const plan::Node& node, F&& f) {
  auto children = [&](plan::Table table, std::uint32_t first, std::uint32_t count) {
    if (table == plan::Table::Nodes) {
      for (std::uint32_t i = first; i < first + count; ++i) f(i);
    } else if (table == plan::Table::Kids) {
      for (std::uint32_t i = first; i < first + count; ++i) f(plan.kids[i]);
    }
  };
  for_each_reference(node, [&](plan::Table table, std::uint32_t first, std::uint32_t count) {
    if (table == plan::Table::Calls) {
      for_each_reference_of_site(plan.calls[first], children);
    } else {
      children(table, first, count);
    }
  });
}

}  // namespace cql::compile
