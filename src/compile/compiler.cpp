#include "compile/compiler.hpp"

namespace cql::compile {

std::vector<Diagnostic> compile_plan(plan::Plan& plan, const ast::Expression& expression) {
  std::vector<Diagnostic> errors;
  bool folded = false;
  // Children always precede their parent (the checker emits post-order), so one forward pass
  // sees every operand in its final, folded form.
  for (std::uint32_t i = 0; i < plan.nodes.size(); ++i) {
    const plan::Op op = plan.nodes[i].op;
    // Leaves (a third of a typical plan) are never prepared, specialised nor folded.
    if (op == plan::Op::Constant || op == plan::Op::Param || op == plan::Op::Namespace || op == plan::Op::CustomKey) {
      continue;
    }
    // Specialised first: a specialised node reads the entity, so it is never folded, and a
    // call specialised into a direct lookup (custom("key"), which has nothing to prepare) is
    // not prepared either.
    specialise_node(plan, i);
    if (plan.nodes[i].op != op) continue;
    if (op == plan::Op::Call || op == plan::Op::Method) {
      auto found = prepare_call(plan, i, expression);
      if (!found.empty()) {
        errors.insert(errors.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        continue;
      }
    }
    folded = fold_node(plan, i) || folded;
  }
  if (!errors.empty()) return errors;
  // Only folding leaves much behind (`1 + 1 + ... + 1`: every operand and step). Specialising
  // custom("key") leaves its key's Constant node, one kid slot and the replaced call site:
  // never evaluated, already inside the capacity the checker reserved, not worth a pass.
  if (folded) compact(plan);
  return errors;
}

}  // namespace cql::compile
