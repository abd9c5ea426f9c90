// The Registry of include/cql/registry.hpp: a plain list of function and namespace specs.
// Lookups are linear; the Engine builds its own hashed index once (src/check/name_index) so
// compile-time resolution never scans these lists.
#include <algorithm>

#include "cql/registry.hpp"

namespace cql {

std::string_view static_type_name(StaticType type) noexcept {
  switch (type) {
    case StaticType::Unknown: return "unknown";
    case StaticType::Null: return "null";
    case StaticType::Bool: return "bool";
    case StaticType::Int: return "int";
    case StaticType::Double: return "double";
    case StaticType::Number: return "number";
    case StaticType::String: return "string";
    case StaticType::List: return "list";
    case StaticType::Object: return "object";
    case StaticType::Duration: return "duration";
    case StaticType::Timestamp: return "timestamp";
    case StaticType::Semver: return "semver";
    case StaticType::Namespace: return "namespace";
    case StaticType::Lambda: return "lambda";
  }
  return "unknown";
}

void fail(ErrorKind kind, std::string message) { throw EvalFailure{kind, std::move(message)}; }

namespace {

bool same_slot(const FunctionSpec& a, const FunctionSpec& b) {
  return a.name == b.name && a.receiver == b.receiver && a.namespace_name == b.namespace_name;
}

}  // namespace

// A later registration of the same name (same receiver type or namespace) replaces the earlier
// one, so embedders can override a built-in.
void Registry::add(FunctionSpec spec) {
  auto it = std::find_if(functions_.begin(), functions_.end(),
                         [&](const FunctionSpec& f) { return same_slot(f, spec); });
  if (it != functions_.end()) {
    *it = std::move(spec);
  } else {
    functions_.push_back(std::move(spec));
  }
}

void Registry::add_namespace(NamespaceSpec spec) {
  auto it = std::find_if(namespaces_.begin(), namespaces_.end(),
                         [&](const NamespaceSpec& n) { return n.name == spec.name; });
  if (it != namespaces_.end()) {
    *it = std::move(spec);
  } else {
    namespaces_.push_back(std::move(spec));
  }
}

const FunctionSpec* Registry::global(std::string_view name) const noexcept {
  for (const auto& f : functions_) {
    if (!f.receiver && f.namespace_name.empty() && f.name == name) return &f;
  }
  return nullptr;
}

const FunctionSpec* Registry::in_namespace(std::string_view ns, std::string_view name) const noexcept {
  for (const auto& f : functions_) {
    if (!f.receiver && f.namespace_name == ns && f.name == name) return &f;
  }
  return nullptr;
}

std::vector<const FunctionSpec*> Registry::methods(std::string_view name) const {
  std::vector<const FunctionSpec*> out;
  for (const auto& f : functions_) {
    if (f.receiver && f.name == name) out.push_back(&f);
  }
  return out;
}

const NamespaceSpec* Registry::find_namespace(std::string_view name) const noexcept {
  for (const auto& n : namespaces_) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

}  // namespace cql
