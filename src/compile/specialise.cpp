// Step 3 of compile: shapes that deserve a faster node.
//
// `custom("key")` with a constant key becomes a CustomKey node (compile/custom_key.hpp); the
// checker already emits those whose key is a string literal, so here are the keys that folding
// made constant (`custom("tier" + "1")`).
//
// The commonest test of a rule is such a lookup compared with a constant (`custom("tier") == 1`,
// `custom("score") >= 80`). Equal and Compare nodes whose operands are exactly a CustomKey and a
// Constant, in either order, become KeyEqual / KeyCompare: the evaluator reads both operands
// directly instead of dispatching on each. The operand nodes stay in the plan, unchanged: the
// evaluator falls back to them whenever the step limit is near, so every limit, error text and
// span is the one the unfused node gives.
#include "compile/compiler.hpp"
#include "compile/custom_key.hpp"

namespace cql::compile {
namespace {

void specialise_custom_key(plan::Plan& plan, plan::Node& node) {
  const plan::CallSite& site = plan.calls[node.a];
  if (site.kind != plan::CallKind::Native || site.name != "custom") return;
  const plan::Binding& b = site.candidates.front();
  if (b.count != 1) return;
  const plan::Node& key = plan.nodes[plan.kids[b.first_kid]];
  if (key.op != plan::Op::Constant) return;
  const Value& text = plan.constants[key.a];
  // Never a function with a prepare step: compile_plan prepares only what stays a call.
  if (!plan::is_custom_key_lookup(*b.spec, text)) return;
  plan::make_custom_key_lookup(node, key.a, text.as_string());
}

// Operands are specialised before their parent (post-order), so a lookup is already CustomKey.
void fuse_key_test(const plan::Plan& plan, plan::Node& node) {
  const plan::Op left = plan.nodes[node.a].op, right = plan.nodes[node.b].op;
  std::uint32_t key_side = 0;
  if (left == plan::Op::CustomKey && right == plan::Op::Constant) {
    key_side = 0;
  } else if (left == plan::Op::Constant && right == plan::Op::CustomKey) {
    key_side = 1;
  } else {
    return;
  }
  node.op = node.op == plan::Op::Equal ? plan::Op::KeyEqual : plan::Op::KeyCompare;
  node.c = key_side;
}

}  // namespace

void specialise_node(plan::Plan& plan, std::uint32_t index) {
  plan::Node& node = plan.nodes[index];
  switch (node.op) {
    case plan::Op::Call: specialise_custom_key(plan, node); break;
    case plan::Op::Equal: case plan::Op::Compare: fuse_key_test(plan, node); break;
    default: break;
  }
}

}  // namespace cql::compile
