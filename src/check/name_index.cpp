#include "check/name_index.hpp"

namespace cql::check {

NameIndex::NameIndex(const Registry& registry) : registry_(registry) {
  for (const auto& f : registry.functions()) {
    if (f.receiver) {
      (f.is_property ? properties_ : methods_)[f.name].push_back(&f);
    } else if (f.namespace_name.empty()) {
      globals_[f.name] = &f;
    } else {
      namespace_functions_[f.namespace_name][f.name] = &f;
      namespaces_.try_emplace(f.namespace_name, nullptr);
    }
  }
  for (const auto& ns : registry.namespaces()) namespaces_[ns.name] = &ns;
  global_fallback_ = namespace_spec("");
}

const FunctionSpec* NameIndex::global(std::string_view name) const noexcept {
  const auto* found = globals_.find(name);
  return found == nullptr ? nullptr : *found;
}

const FunctionSpec* NameIndex::in_namespace(std::string_view ns, std::string_view name) const noexcept {
  const auto* functions = namespace_functions_.find(ns);
  if (functions == nullptr) return nullptr;
  const auto* found = functions->find(name);
  return found == nullptr ? nullptr : *found;
}

namespace {
const std::vector<const FunctionSpec*> kNone;
}

const std::vector<const FunctionSpec*>& NameIndex::methods(std::string_view name) const noexcept {
  const auto* found = methods_.find(name);
  return found == nullptr ? kNone : *found;
}

const std::vector<const FunctionSpec*>& NameIndex::properties(std::string_view name) const noexcept {
  const auto* found = properties_.find(name);
  return found == nullptr ? kNone : *found;
}

bool NameIndex::is_namespace(std::string_view name) const noexcept {
  return !name.empty() && namespaces_.find(name) != nullptr;
}

const NamespaceSpec* NameIndex::namespace_spec(std::string_view name) const noexcept {
  const auto* found = namespaces_.find(name);
  return found == nullptr ? nullptr : *found;
}

std::vector<std::string_view> NameIndex::global_names() const {
  std::vector<std::string_view> out;
  for (const auto& entry : globals_.entries()) out.push_back(entry.name);
  for (const auto& entry : namespaces_.entries()) {
    if (!entry.name.empty()) out.push_back(entry.name);
  }
  return out;
}

std::vector<std::string_view> NameIndex::namespace_function_names(std::string_view ns) const {
  std::vector<std::string_view> out;
  if (const auto* functions = namespace_functions_.find(ns)) {
    for (const auto& entry : functions->entries()) out.push_back(entry.name);
  }
  return out;
}

std::vector<std::string_view> NameIndex::method_names() const {
  std::vector<std::string_view> out;
  for (const auto& entry : methods_.entries()) out.push_back(entry.name);
  for (const auto& entry : properties_.entries()) out.push_back(entry.name);
  return out;
}

}  // namespace cql::check
