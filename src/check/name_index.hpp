#pragma once
// A hashed view of a Registry, built once per Engine, so that resolving names at compile time
// never scans the registry's lists. It points into the Registry, which must outlive it and must
// not change afterwards (the Engine owns both).
#include <string_view>
#include <vector>

#include "check/name_table.hpp"
#include "cql/registry.hpp"

namespace cql::check {

class NameIndex {
 public:
  explicit NameIndex(const Registry& registry);

  const FunctionSpec* global(std::string_view name) const noexcept;
  const FunctionSpec* in_namespace(std::string_view ns, std::string_view name) const noexcept;
  // Methods (not properties) of this name for any receiver type; empty when none.
  const std::vector<const FunctionSpec*>& methods(std::string_view name) const noexcept;
  const std::vector<const FunctionSpec*>& properties(std::string_view name) const noexcept;

  // Whether `name` is a namespace: registered with add_namespace, or named by a function.
  bool is_namespace(std::string_view name) const noexcept;
  const NamespaceSpec* namespace_spec(std::string_view name) const noexcept;
  // The NamespaceSpec with the empty name: answers declared-only global functions.
  const NamespaceSpec* global_fallback() const noexcept { return global_fallback_; }

  // Every name a user could have meant, for "did you mean" hints.
  std::vector<std::string_view> global_names() const;
  std::vector<std::string_view> namespace_function_names(std::string_view ns) const;
  std::vector<std::string_view> method_names() const;

  const Registry& registry() const noexcept { return registry_; }

 private:
  const Registry& registry_;
  // Keys view the registry's strings.
  NameTable<const FunctionSpec*> globals_;
  NameTable<NameTable<const FunctionSpec*>> namespace_functions_;
  NameTable<std::vector<const FunctionSpec*>> methods_;
  NameTable<std::vector<const FunctionSpec*>> properties_;
  NameTable<const NamespaceSpec*> namespaces_;  // value null: declared only by its functions
  const NamespaceSpec* global_fallback_ = nullptr;  // looked up once: every global call asks
};

}  // namespace cql::check
