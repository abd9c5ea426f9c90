// Step 2 of compile: constant folding with the evaluator itself.
#include "compile/compiler.hpp"
#include "check/operator_types.hpp"
#include "eval/evaluate.hpp"

namespace cql::compile {
namespace {

bool pure_site(const plan::CallSite& site) {
  if (site.kind != plan::CallKind::Native || site.getter) return false;
  if (site.ns != nullptr && site.ns->is_present) return false;  // presence depends on the entity
  for (const auto& b : site.candidates) {
    if (!b.spec->pure || !b.spec->function) return false;
  }
  return !site.candidates.empty();
}

bool foldable(const plan::Plan& plan, const plan::Node& node) {
  switch (node.op) {
    case plan::Op::List: case plan::Op::Not: case plan::Op::Negate: case plan::Op::Arith:
    case plan::Op::Compare: case plan::Op::Equal: case plan::Op::And: case plan::Op::Or:
    case plan::Op::Field:
      return true;
    case plan::Op::Call: return pure_site(plan.calls[node.a]);
    case plan::Op::Method: return pure_site(plan.calls[node.b]);
    default: return false;  // constants, parameters, namespaces, lambdas, entity lookups
  }
}

}  // namespace

bool fold_node(plan::Plan& plan, std::uint32_t index) {
  const plan::Node& node = plan.nodes[index];
  if (!foldable(plan, node)) return false;
  bool constant_operands = true;
  for_each_child(plan, node, [&](std::uint32_t kid) {
    constant_operands = constant_operands && plan.nodes[kid].op == plan::Op::Constant;
  });
  if (!constant_operands) return false;
  // Natives may still need the context (entity.tag() is "pure" in its arguments but reads the
  // entity): the evaluator reports that and the node stays for run time, as does any failure
  // (`1 / 0` must fail when and only when it is evaluated).
  std::optional<Value> value = eval::fold(plan, index);
  if (!value) return false;
  plan::Node folded{plan::Op::Constant};
  folded.type = check::static_type_of(value->type());
  folded.a = plan.add_constant(std::move(*value));
  folded.ast = plan.nodes[index].ast;
  plan.nodes[index] = folded;
  return true;
}

}  // namespace cql::compile
