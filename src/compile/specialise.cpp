// Step 3 of compile: shapes that deserve a faster node.
//
// `custom("key")` is the most common call in real rules. With a constant key that contains no
// dot its meaning is exactly "the entity's custom-data field `key`, or null" (spec/cql.md §6),
// so it becomes a CustomKey node: a direct Object::find on the entity, without building an
// argument list or calling through std::function, and without copying the value found.
// Dotted keys keep the full call (a dotted key that is not itself a key walks nested objects).
#include "compile/compiler.hpp"

namespace cql::compile {

void specialise_node(plan::Plan& plan, std::uint32_t index) {
  plan::Node& node = plan.nodes[index];
  if (node.op != plan::Op::Call) return;
  const plan::CallSite& site = plan.calls[node.a];
  if (site.kind != plan::CallKind::Native || site.name != "custom" || !site.namespace_name.empty()) return;
  const plan::Binding& b = site.candidates.front();
  if (b.spec->receiver || b.count != 1) return;
  const plan::Node& key = plan.nodes[plan.kids[b.first_kid]];
  if (key.op != plan::Op::Constant) return;
  const Value& text = plan.constants[key.a];
  if (text.type() != Type::String || text.as_string().find('.') != std::string::npos) return;
  node.op = plan::Op::CustomKey;
  node.a = key.a;
  node.b = Object::hash_key(text.as_string());  // hashed once here, not at every lookup
}

}  // namespace cql::compile
