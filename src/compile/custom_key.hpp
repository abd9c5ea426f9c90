#pragma once
// `custom("key")` is the most common call in real rules. With a constant key that contains no
// dot its meaning is exactly "the entity's custom-data field `key`, or null" (spec/cql.md §6),
// so it is planned as a CustomKey node: a direct Object::find on the entity, without building
// an argument list or calling through std::function, and without copying the value found.
// Dotted keys keep the full call (a dotted key that is not itself a key walks nested objects).
//
// The checker emits the node at once when the key is a string literal (no call site, binding
// or argument node to build and then replace); the compile stage specialises the calls whose
// key only became constant by folding (specialise.cpp). Both ask this one question.
#include <cstdint>
#include <string_view>

#include "compile/plan.hpp"
#include "cql/registry.hpp"
#include "cql/value.hpp"

namespace cql::plan {

// Whether calling `spec` with the constant `key` is such a lookup.
inline bool is_custom_key_lookup(const FunctionSpec& spec, const Value& key) noexcept {
  return spec.function && spec.name == "custom" && spec.namespace_name.empty() && !spec.receiver &&
         spec.params.size() == 1 && !spec.prepare && key.type() == Type::String &&
         key.as_string().find('.') == std::string_view::npos;
}

// Makes `node` that lookup: the key is constants[key_constant], whose text is `key`.
inline void make_custom_key_lookup(Node& node, std::uint32_t key_constant, std::string_view key) noexcept {
  node.op = Op::CustomKey;
  node.a = key_constant;
  node.b = Object::hash_key(key);  // hashed once here, not at every lookup
}

}  // namespace cql::plan
